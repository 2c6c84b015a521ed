package org.lstmlab.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * JShell's own commands in a cell — {@code /vars}, {@code /methods}, {@code /types}, {@code /imports},
 * {@code /list}, {@code /drop NAME}, {@code /reset} (also as {@code %vars} ... for front ends that treat {@code /} specially) — and
 * IJava's {@code %load} of a {@code .java}, {@code .jsh}/{@code .jshell} or {@code .ipynb} file. They print what
 * JShell's command-line tool prints, without its {@code |} margin; the snippets the kernel itself evaluated
 * at start-up (the course's imports) stay out of {@code /list} and survive {@code /reset}.
 */
final class ShellCommands {

    /** The commands, in the order {@code %lsmagic} lists them. */
    static final List<String> NAMES = List.of("vars", "methods", "types", "imports", "list", "drop", "reset");

    /** A cell line that is one of JShell's commands ({@code //} and {@code /*} comments are not). */
    static final Pattern COMMAND = Pattern.compile("^\\s*/(vars|methods|types|imports|list|drop|reset)\\b\\s*(.*)$");

    private static final Pattern SIGNATURE = Pattern.compile("^\\((.*)\\)(.*)$");
    private static final List<String> LOADABLE = List.of("", ".jsh", ".jshell", ".java", ".ipynb");

    private ShellCommands() {}

    /**
     * Runs one command and prints its answer.
     *
     * @param jshell the notebook's shell
     * @param startup the snippets the kernel evaluated at start-up
     * @param name the command without its {@code /}
     * @param args what follows it ({@code /drop NAME})
     */
    static void run(JShell jshell, Set<Snippet> startup, String name, String args) {
        switch (name) {
            case "vars" ->
                jshell.variables()
                        .forEach(v -> System.out.println(v.typeName() + " " + v.name() + " = " + value(jshell, v)));
            case "methods" -> jshell.methods().forEach(m -> System.out.println(method(m)));
            case "types" -> jshell.types().forEach(t -> System.out.println(type(t) + " " + t.name()));
            case "imports" -> jshell.imports().forEach(i -> System.out.println(importLine(i)));
            case "list" ->
                jshell.snippets()
                        .filter(s -> jshell.status(s).isActive() && !startup.contains(s))
                        .forEach(s -> System.out.println(String.format("%4s : ", s.id())
                                + s.source().strip().replace("\n", "\n       ")));
            case "drop" -> drop(jshell, startup, args.strip());
            case "reset" -> {
                List<Snippet> dropped = jshell.snippets()
                        .filter(s -> jshell.status(s).isActive() && !startup.contains(s))
                        .toList();
                dropped.forEach(jshell::drop);
                System.out.println("Reset: dropped " + dropped.size() + " snippet" + (dropped.size() == 1 ? "" : "s")
                        + "; the course's imports and the class path stay");
            }
            default -> throw new IllegalArgumentException("no JShell command /" + name);
        }
    }

    /** {@code /drop NAME} or {@code /drop ID}: the notebook's variable, method or type of that name goes. */
    private static void drop(JShell jshell, Set<Snippet> startup, String target) {
        List<Snippet> found = jshell.snippets()
                .filter(s -> jshell.status(s).isActive() && !startup.contains(s))
                .filter(s -> s.id().equals(target) || target.equals(declaredName(s)))
                .toList();
        if (found.isEmpty()) {
            String message = "/drop found no variable, method or type named "
                    + (target.isEmpty() ? "(none given)" : target) + " among the notebook's snippets; /list shows them";
            throw new CellError("DropError", message, List.of("DropError: " + message));
        }
        for (Snippet snippet : found) {
            jshell.drop(snippet);
            String kind = switch (snippet.kind()) {
                case VAR -> "variable";
                case METHOD -> "method";
                case TYPE_DECL -> "type";
                default -> "snippet";
            };
            System.out.println("dropped " + kind + " " + declaredName(snippet));
        }
    }

    private static String declaredName(Snippet s) {
        if (s instanceof jdk.jshell.DeclarationSnippet declaration) {
            return declaration.name();
        }
        return s.source().strip();
    }

    private static String value(JShell jshell, VarSnippet v) {
        try {
            return jshell.varValue(v);
        } catch (IllegalStateException e) {
            return "(no value: " + jshell.status(v).toString().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** {@code int twice(int)}, from JShell's {@code (int)int}. */
    static String method(MethodSnippet m) {
        Matcher parts = SIGNATURE.matcher(m.signature());
        return parts.matches()
                ? parts.group(2) + " " + m.name() + "(" + parts.group(1) + ")"
                : m.name() + m.signature();
    }

    private static String type(TypeDeclSnippet t) {
        return switch (t.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "@interface";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }

    private static String importLine(ImportSnippet i) {
        return "import " + (i.isStatic() ? "static " : "") + i.fullname() + ";";
    }

    /**
     * The file of IJava's {@code %load PATH}. PATH is relative to the given folder (the notebook's, or the folder
     * of the file {@code %load} is running); without an extension, the first of {@code .jsh}, {@code .jshell},
     * {@code .java}, {@code .ipynb} that exists is taken.
     *
     * @param argument the magic's argument
     * @param folder where a relative PATH starts
     * @return the file, absolute and normalized
     * @throws CellError naming the path tried when there is no such file
     */
    static Path find(String argument, Path folder) {
        String name = argument.strip();
        if (name.length() > 1 && (name.startsWith("\"") && name.endsWith("\""))) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty()) {
            throw new CellError(
                    "LoadError", "%load needs a file: %load utils/Functions.java", List.of("LoadError: no file"));
        }
        for (String extension : LOADABLE) {
            Path candidate = folder.resolve(name + extension).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        String where = folder.resolve(name).toAbsolutePath().normalize().toString();
        String message = "%load found no file " + where + " (nor with .jsh, .jshell, .java or .ipynb)";
        throw new CellError("LoadError", message, List.of("LoadError: " + message));
    }

    /**
     * The code {@code %load} runs from a file: a notebook's code cells in order, else the whole text as one cell
     * (its magics included).
     *
     * @param file a file {@link #find} gave
     * @return the cells to run
     */
    static List<String> code(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CellError(
                    "LoadError", "%load cannot read " + file + ": " + e.getMessage(), List.of(e.toString()));
        }
        return file.toString().endsWith(".ipynb") ? codeCells(file, text) : List.of(text);
    }

    /** The code cells of a notebook, in order, each as one string. */
    static List<String> codeCells(Path file, String json) {
        try {
            JsonObject notebook = JsonParser.parseString(json).getAsJsonObject();
            List<String> cells = new java.util.ArrayList<>();
            for (JsonElement element : notebook.getAsJsonArray("cells")) {
                JsonObject cell = element.getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement source = cell.get("source");
                String code = source.isJsonArray()
                        ? java.util.stream.StreamSupport.stream(
                                        source.getAsJsonArray().spliterator(), false)
                                .map(JsonElement::getAsString)
                                .collect(Collectors.joining())
                        : source.getAsString();
                if (!code.isBlank()) {
                    cells.add(code);
                }
            }
            return cells;
        } catch (RuntimeException e) {
            String message = "%load cannot read " + file + " as a notebook: " + e.getMessage();
            throw new CellError("LoadError", message, List.of("LoadError: " + message));
        }
    }
}
