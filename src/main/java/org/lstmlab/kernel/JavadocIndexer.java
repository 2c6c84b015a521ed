package org.lstmlab.kernel;

import com.google.gson.GsonBuilder;
import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.doctree.ValueTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds the Javadoc index the kernel shows on Shift-Tab ({@link JavadocIndex}): Maven runs
 * {@code JavadocIndexer SOURCE_FOLDER OUTPUT_JSON} on {@code src/main/java} after compiling, and
 * the JSON lands in the kernel's classes (and so in the kernel jar), so documentation works offline
 * without sources at run time. JShell looks for Javadoc only in the JDK's own {@code src.zip}, which
 * many JDK packages leave out.
 *
 * <p>Sources are parsed, not compiled, so a key names its parameter types by their simple erased
 * names: {@code org.lstmlab.nn.LstmCell#forward(INDArray,INDArray,INDArray)}, {@code ...#<init>(...)}
 * for a constructor, {@code ...Progress.Mode#BAR} for a field or enum constant, the type's own
 * name for a type. A record's {@code @param} lines document its accessors. Each value is the comment
 * as plain text: the description, then Parameters, Returns and Throws.
 */
public final class JavadocIndexer {

    /** The version of the index layout, checked by {@link JavadocIndex}. */
    static final int FORMAT = 1;

    private JavadocIndexer() {}

    /** {@code JavadocIndexer SOURCE_FOLDER OUTPUT_JSON}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JavadocIndexer SOURCE_FOLDER OUTPUT_JSON (got " + args.length + " arguments)");
            System.exit(2);
        }
        Map<String, String> index = index(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, toJson(index), StandardCharsets.UTF_8);
    }

    static String toJson(Map<String, String> index) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("format", FORMAT, "docs", index)) + "\n";
    }

    /**
     * The documented declarations of every {@code .java} file under a folder.
     *
     * @param sources a source root such as {@code src/main/java}
     * @return key to plain-text documentation, sorted by key
     */
    static Map<String, String> index(Path sources) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the Javadoc index needs a JDK (javax.tools finds no compiler)");
        }
        Map<String, String> index = new TreeMap<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(docs, unit, index).scan(new TreePath(unit), null);
            }
        }
        return index;
    }

    /** Walks the declarations of one file (not into method bodies), recording documented ones. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final Map<String, String> index;
        private final Deque<String> types = new ArrayDeque<>();

        Scanner(DocTrees docs, CompilationUnitTree unit, Map<String, String> index) {
            this.docs = docs;
            this.index = index;
            if (unit.getPackageName() != null) {
                types.push(unit.getPackageName().toString());
            }
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            String name = (types.isEmpty() ? "" : types.peek() + ".") + type.getSimpleName();
            DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
            if (comment != null) {
                index.put(name, render(comment));
                if (type.getKind() == Tree.Kind.RECORD) {
                    indexRecord(name, type, comment);
                }
            }
            types.push(name);
            try {
                for (Tree member : type.getMembers()) {
                    scan(member, null);
                }
            } finally {
                types.pop();
            }
            return null;
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
            if (comment != null) {
                String name = method.getReturnType() == null
                        ? "<init>"
                        : method.getName().toString();
                List<String> parameters = method.getParameters().stream()
                        .map(p -> p.getType().toString())
                        .collect(Collectors.toList());
                index.put(types.peek() + "#" + name + parameterList(parameters), render(comment));
            }
            return null; // no local classes from method bodies
        }

        @Override
        public Void visitVariable(VariableTree field, Void unused) {
            DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
            if (comment != null) {
                index.put(types.peek() + "#" + field.getName(), render(comment));
            }
            return null;
        }

        /** A record's accessors and canonical constructor, documented by the record's own comment. */
        private void indexRecord(String name, ClassTree record, DocCommentTree comment) {
            List<String> componentTypes = new ArrayList<>();
            for (Tree member : record.getMembers()) {
                if (member instanceof VariableTree component
                        && !component.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    componentTypes.add(component.getType().toString());
                }
            }
            index.putIfAbsent(name + "#<init>" + parameterList(componentTypes), render(comment));
            for (DocTree tag : comment.getBlockTags()) {
                if (tag instanceof ParamTree param && !param.isTypeParameter()) {
                    String description = text(param.getDescription()).strip();
                    index.put(name + "#" + param.getName() + "()", description);
                }
            }
        }
    }

    /** {@code (INDArray,Mode,double[])}: simple erased names, varargs as arrays. */
    static String parameterList(List<String> types) {
        return types.stream().map(JavadocIndexer::simpleErasure).collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code java.util.List<String>} → {@code List}, {@code Progress.Mode} → {@code Mode}, {@code T...} → {@code T[]}. */
    static String simpleErasure(String type) {
        StringBuilder erased = new StringBuilder();
        int depth = 0;
        for (char ch : type.toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (depth == 0) {
                erased.append(ch);
            }
        }
        String plain = erased.toString().replace("...", "[]");
        String[] words = plain.trim().split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (!word.startsWith("@") && !word.equals("final")) {
                kept.add(word);
            }
        }
        String base = String.join("", kept);
        int dot = base.lastIndexOf('.', base.indexOf('[') < 0 ? base.length() : base.indexOf('['));
        return dot < 0 ? base : base.substring(dot + 1);
    }

    /** The comment as a student reads it in a tooltip: description, then parameters, return value, exceptions. */
    static String render(DocCommentTree comment) {
        StringBuilder out = new StringBuilder(paragraphs(text(comment.getFullBody())));
        List<String[]> parameters = new ArrayList<>();
        List<String[]> exceptions = new ArrayList<>();
        String returns = null;
        for (DocTree tag : comment.getBlockTags()) {
            if (tag instanceof ParamTree param) {
                String name = param.isTypeParameter()
                        ? "<" + param.getName() + ">"
                        : param.getName().toString();
                parameters.add(new String[] {name, text(param.getDescription())});
            } else if (tag instanceof ReturnTree ret) {
                returns = text(ret.getDescription());
            } else if (tag instanceof ThrowsTree thrown) {
                exceptions.add(new String[] {thrown.getExceptionName().toString(), text(thrown.getDescription())});
            }
        }
        section(out, "Parameters:", parameters);
        if (returns != null && !returns.isBlank()) {
            out.append(out.length() == 0 ? "" : "\n\n").append("Returns:\n  ").append(indent(returns.strip()));
        }
        section(out, "Throws:", exceptions);
        return out.toString().strip();
    }

    private static void section(StringBuilder out, String title, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        out.append(out.length() == 0 ? "" : "\n\n").append(title);
        for (String[] row : rows) {
            out.append("\n  ").append(row[0]);
            String description = row[1].strip();
            if (!description.isEmpty()) {
                out.append(" ".repeat(width - row[0].length() + 2)).append(indent(description));
            }
        }
    }

    /** Continuation lines of a description under its first line. */
    private static String indent(String text) {
        return text.lines().map(String::strip).collect(Collectors.joining("\n    "));
    }

    /** Tidies rendered body text: no trailing blanks, at most one empty line in a row. */
    private static String paragraphs(String text) {
        String lines = text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        return lines.replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Doc trees as plain text: inline tags by their text, HTML tags dropped except for line structure. */
    static String text(List<? extends DocTree> trees) {
        Text text = new Text();
        trees.forEach(text::append);
        return text.out.toString();
    }

    /** Renders doc trees; {@code <pre>} blocks keep their lines, indented by four spaces. */
    private static final class Text {
        final StringBuilder out = new StringBuilder();
        boolean pre;

        /** Source text: the blank after each line's {@code *} goes; inside pre the lines are indented. */
        void source(String body) {
            String text = body.replace("\n ", "\n");
            if (pre) {
                text = text.replace("\n", "\n    ");
            } else if (text.isBlank() && text.contains("\n")) {
                text = " "; // the line break between two tags, e.g. </li> and <li>
            }
            out.append(text);
        }

        void append(DocTree tree) {
            switch (tree.getKind()) {
                case TEXT -> source(((TextTree) tree).getBody());
                case CODE, LITERAL -> source(((LiteralTree) tree).getBody().getBody());
                case LINK, LINK_PLAIN -> {
                    LinkTree link = (LinkTree) tree;
                    String label = text(link.getLabel()).strip();
                    out.append(label.isEmpty() ? reference(link.getReference().getSignature()) : label);
                }
                case VALUE -> {
                    ValueTree value = (ValueTree) tree;
                    out.append(
                            value.getReference() == null
                                    ? ""
                                    : reference(value.getReference().getSignature()));
                }
                case ENTITY -> out.append(entity(((EntityTree) tree).getName().toString()));
                case START_ELEMENT -> {
                    switch (((StartElementTree) tree).getName().toString().toLowerCase()) {
                        case "pre" -> {
                            out.append("\n\n    ");
                            pre = true;
                        }
                        case "p", "ul", "ol", "table", "blockquote" -> out.append("\n\n");
                        case "li" -> out.append("\n  • ");
                        case "br", "tr" -> out.append("\n");
                        case "td", "th" -> out.append("  ");
                        default -> {}
                    }
                }
                case END_ELEMENT -> {
                    switch (((EndElementTree) tree).getName().toString().toLowerCase()) {
                        case "pre" -> {
                            pre = false;
                            out.append("\n\n");
                        }
                        case "ul", "ol", "table" -> out.append("\n\n");
                        default -> {}
                    }
                }
                case ERRONEOUS -> source(((TextTree) tree).getBody());
                default -> {} // {@inheritDoc}, {@index}, ... have no text of their own here
            }
        }
    }

    /** {@code Foo#bar(int)} → {@code Foo.bar(int)}, {@code #bar} → {@code bar}. */
    private static String reference(String signature) {
        if (signature.startsWith("#")) {
            return signature.substring(1);
        }
        String simple = signature.replace('#', '.');
        int paren = simple.indexOf('(');
        String head = paren < 0 ? simple : simple.substring(0, paren);
        String[] parts = head.split("\\.");
        int first = 0;
        while (first < parts.length - 1 && !parts[first].isEmpty() && Character.isLowerCase(parts[first].charAt(0))) {
            first++; // drop the package: org.lstmlab.nn.LstmCell → LstmCell
        }
        return String.join(".", List.of(parts).subList(first, parts.length))
                + (paren < 0 ? "" : simple.substring(paren));
    }

    private static String entity(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                    yield new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
                } else if (name.startsWith("#")) {
                    yield new String(Character.toChars(Integer.parseInt(name.substring(1))));
                }
                yield "&" + name + ";";
            }
        };
    }
}
