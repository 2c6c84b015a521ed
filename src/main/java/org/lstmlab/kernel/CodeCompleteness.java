package org.lstmlab.kernel;

import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Jupyter's {@code is_complete_request} for a cell: {@code complete} when it can run as it is,
 * {@code incomplete} (with the indent for the next line) when it ends inside a block, a call or an
 * expression, and {@code invalid} when no further line can make it compile (a stray {@code ")))"}, an
 * unterminated string, {@code int x = ;}). JShell says which snippets are complete or still open;
 * a snippet it cannot place is parsed by javac as each kind of snippet JShell accepts (an import or a
 * type, a member, statements, an expression): one that parses as none of them is invalid. Magic lines
 * ({@code %maven ...}, {@code %%time}) and JShell's commands ({@code /vars}) are complete by themselves.
 */
final class CodeCompleteness {

    /** The answer and, for {@code incomplete}, the indent the front end puts on the next line. */
    record Answer(String status, String indent) {
        static final Answer COMPLETE = new Answer("complete", null);
        static final Answer INVALID = new Answer("invalid", null);
    }

    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%\\w+[^\\n]*\\n?(.*)$", Pattern.DOTALL);
    private static final Pattern LINE_MAGIC = Pattern.compile("(?m)^\\s*%\\w+.*$");
    private static final String INDENT = "    ";

    private CodeCompleteness() {}

    /**
     * Whether a cell is complete.
     *
     * @param analysis the notebook shell's source analysis
     * @param cell the cell's code as the front end has it so far
     * @return complete, incomplete with an indent, or invalid
     */
    static Answer of(SourceCodeAnalysis analysis, String cell) {
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        String code = cellMagic.matches() ? cellMagic.group(1) : cell;
        code = LINE_MAGIC.matcher(code).replaceAll("");
        code = code.lines()
                .map(line -> ShellCommands.COMMAND.matcher(line).matches() ? "" : line)
                .collect(java.util.stream.Collectors.joining("\n"));
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY -> {
                    return Answer.COMPLETE;
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Answer("incomplete", indentAfter(code));
                }
                case UNKNOWN -> {
                    return parses(remaining) ? Answer.COMPLETE : Answer.INVALID;
                }
                default -> {
                    if (!parses(info.source())) {
                        return Answer.INVALID;
                    }
                    remaining = info.remaining();
                }
            }
        }
        return Answer.COMPLETE;
    }

    /** Four spaces per block, call or bracket still open at the end of the code. */
    static String indentAfter(String code) {
        int open = 0;
        boolean inString = false;
        boolean inChar = false;
        for (int k = 0; k < code.length(); k++) {
            char c = code.charAt(k);
            if ((inString || inChar) && c == '\\') {
                k++;
            } else if (inString) {
                inString = c != '"';
            } else if (inChar) {
                inChar = c != '\'';
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '/' && k + 1 < code.length() && code.charAt(k + 1) == '/') {
                k = Math.max(k, code.indexOf('\n', k) < 0 ? code.length() : code.indexOf('\n', k));
            } else if (c == '{' || c == '(' || c == '[') {
                open++;
            } else if (c == '}' || c == ')' || c == ']') {
                open = Math.max(0, open - 1);
            }
        }
        return INDENT.repeat(Math.max(1, open));
    }

    /** True when javac parses the snippet as an import or type, a class member, statements or an expression. */
    static boolean parses(String snippet) {
        return parsesAs(snippet + "\nclass $Cell {}")
                || parsesAs("class $Cell {\n" + snippet + "\n}")
                || parsesAs("class $Cell { void $run() throws Throwable {\n" + snippet + "\n;} }")
                || parsesAs("class $Cell { Object $value = (\n" + snippet + "\n); }");
    }

    private static boolean parsesAs(String unit) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return true; // a JRE without javac cannot run JShell either; never call code invalid without proof
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source =
                new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return unit;
                    }
                };
        var task = (com.sun.source.util.JavacTask)
                javac.getTask(new StringWriter(), null, diagnostics, List.of("-proc:none"), null, List.of(source));
        try {
            task.parse();
        } catch (java.io.IOException e) {
            return true;
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }
}
