package org.lstmlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Java part of a cell, run through JShell snippet by snippet: the value of a last expression is taken
 * from the in-process execution control, and a rejected snippet or a thrown exception becomes a
 * {@link CellError} whose message and traceback point at the cell's own line and column.
 */
final class JavaCells {
    private final InProcessExecutionControl control;
    private final Displays displays;

    JavaCells(InProcessExecutionControl control, Displays displays) {
        this.control = control;
        this.displays = displays;
    }

    /**
     * Evaluates Java source snippet by snippet.
     *
     * @param jshell the notebook's shell
     * @param code the Java code of (part of) a cell
     * @param firstLine the cell line (0-based) the code starts on, for error positions
     * @return the value of the last snippet when it is an expression, else null
     */
    Object[] eval(JShell jshell, String code, int firstLine) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String remaining = code;
        int consumed = 0;
        Object[] last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            String rest;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else if (info.completeness().isComplete()) {
                source = info.source();
                rest = info.remaining();
            } else {
                source = remaining;
                rest = "";
            }
            last = evalSnippet(jshell, source, code, consumed, firstLine); // source starts where remaining does
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        return last;
    }

    private Object[] evalSnippet(JShell jshell, String source, String code, int snippetStart, int firstLine) {
        List<SnippetEvent> events = jshell.eval(source);
        Object[] value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                redefinitionNote(event).ifPresent(System.out::println);
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(jshell, snippet, code, snippetStart, firstLine);
            }
            if (event.exception() != null) {
                throw runtimeError(jshell, event.exception(), snippet);
            }
            if (CellGuard.stopRequested()) {
                throw CellError.interrupted();
            }
            boolean shows = snippet.kind() == Snippet.Kind.EXPRESSION
                    || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            if (shows
                    && event.value() != null
                    && event.value().startsWith(InProcessExecutionControl.VALUE_KEY_PREFIX)) {
                Object shown = control.takeValue(event.value());
                value = displays.isIdOfBareDisplayCall(snippet.source(), shown) ? null : new Object[] {shown};
            }
        }
        return value;
    }

    /**
     * The note for a variable that a redefinition reset (JShell says nothing of it): a variable whose type or
     * method was redefined keeps its name but gets its type's default value, and a variable declared again with
     * another type loses its value. A variable declared again with the same type (a cell run again) is no news.
     *
     * @param event an event JShell reports as a consequence of another snippet ({@code causeSnippet} set)
     * @return the line to print under the cell, or empty
     */
    static java.util.Optional<String> redefinitionNote(SnippetEvent event) {
        if (!(event.snippet() instanceof VarSnippet variable)
                || !event.previousStatus().isActive()) {
            return java.util.Optional.empty();
        }
        Snippet cause = event.causeSnippet();
        if (cause instanceof VarSnippet replacement && replacement.name().equals(variable.name())) {
            if (event.status() != Snippet.Status.OVERWRITTEN
                    || replacement.typeName().equals(variable.typeName())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of("note: variable " + variable.name() + " was " + variable.typeName()
                    + " and is now " + replacement.typeName() + "; its previous value is gone");
        }
        String redefined = cause instanceof jdk.jshell.DeclarationSnippet declaration
                ? declaration.name()
                : cause.source().strip();
        String now = event.status() == Snippet.Status.VALID ? " to " + defaultValue(variable.typeName()) : "";
        return java.util.Optional.of("note: redefining " + redefined + " reset variable " + variable.name() + " ("
                + variable.typeName() + ")" + now + "; run the cell that set it again to get its value back");
    }

    private static String defaultValue(String type) {
        return switch (type) {
            case "int", "long", "short", "byte", "char" -> "0";
            case "double", "float" -> "0.0";
            case "boolean" -> "false";
            default -> "null";
        };
    }

    private static CellError compileError(
            JShell jshell, Snippet snippet, String code, int snippetStart, int firstLine) {
        List<Diag> diags = jshell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            return new CellError(
                    "CompilationException", "the code is not a complete Java statement", List.of(snippet.source()));
        }
        List<String> traceback = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            int at = snippetStart + (int) Math.max(0, diag.getStartPosition());
            int[] lineColumn = lineColumn(code, Math.min(at, code.length()));
            int line = firstLine + lineColumn[0] + 1;
            String message = diag.getMessage(Locale.ENGLISH)
                    .replaceAll("\\n\\s*location: class\\s*$", ""); // JShell's wrapper class has no name to show
            String where = "line " + line + ", column " + (lineColumn[1] + 1) + ": " + message;
            if (first == null) {
                first = where;
            }
            traceback.add(where);
            String sourceLine = code.split("\n", -1)[lineColumn[0]];
            traceback.add("    " + sourceLine);
            traceback.add("    " + " ".repeat(lineColumn[1]) + "^");
        }
        return new CellError("CompilationException", first, traceback);
    }

    private static int[] lineColumn(String code, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int k = 0; k < offset; k++) {
            if (code.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, offset - lineStart};
    }

    private CellError runtimeError(JShell jshell, Exception reported, Snippet snippet) {
        if (CellGuard.stopRequested()) {
            return CellError.interrupted();
        }
        Throwable thrown = control.lastThrown();
        if (reported instanceof UnresolvedReferenceException) {
            var unresolved = ((UnresolvedReferenceException) reported).getSnippet();
            String missing = jshell.unresolvedDependencies(unresolved).collect(Collectors.joining(", "));
            String message = unresolved.source().strip().lines().findFirst().orElse("") + " cannot run until " + missing
                    + " is declared";
            return new CellError("UnresolvedReferenceException", message, List.of(message));
        }
        if (thrown instanceof CellError error) { // a magic run as an expression (lineMagic) failed: its own error
            return error;
        }
        if (thrown != null) {
            return CellError.fromThrowable(thrown, "");
        }
        EvalException eval = (EvalException) reported;
        return new CellError(
                eval.getExceptionClassName(),
                String.valueOf(eval.getMessage()),
                List.of(eval.getExceptionClassName() + ": " + eval.getMessage()));
    }
}
