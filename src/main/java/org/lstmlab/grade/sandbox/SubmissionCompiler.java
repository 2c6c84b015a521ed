package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a submission the way the sandbox will run it, and says for each exercise what stops it
 * from being graded.
 *
 * <p>A submission is a folder shaped like {@code exercises/}: the exercise files and any other
 * {@code .java} files of package {@code org.lstmlab.exercises} (helper classes in files of their
 * own), found by name anywhere in it. Files saved by a Windows editor (a UTF-8 byte-order mark, CRLF
 * line ends, Windows-1252 text, or UTF-16 with its mark) are accepted. Everything is compiled together against the library
 * and ND4J with annotation processing off; when that fails, each exercise is compiled alone with the
 * files it uses, so one broken file costs only the exercises that need it. Then, for each exercise,
 * the classes it uses must stay in package {@code org.lstmlab.exercises} and use, of the library,
 * only the records the sandbox holds — and never the code an exercise names as computing its answer.
 */
public final class SubmissionCompiler implements AutoCloseable {
    /** The package every exercise and helper class is in. */
    public static final String PACKAGE = "org.lstmlab.exercises";

    private static final String PKG = PACKAGE.replace('.', '/') + "/";
    private static final long MAX_SOURCE_BYTES = 1L << 20;
    private static final int MAX_SOURCES = 200;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern MISSING_SYMBOL = Pattern.compile("symbol: +(?:variable|class) (\\w+)");

    private final ChildRuntime runtime;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    /** File managers not in use, each with the class path open: javac reads ND4J's jars once per manager. */
    private final java.util.concurrent.ConcurrentLinkedQueue<StandardJavaFileManager> files =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * One exercise to compile.
     *
     * @param id e.g. {@code E8}
     * @param className the student's class, e.g. {@code E8LstmBackward}
     * @param mustNotUse library classes, or packages ending in {@code .}, that compute its answer
     */
    public record Target(String id, String className, List<String> mustNotUse) {
        String fileName() {
            return className + ".java";
        }
    }

    /**
     * What compiling gave one exercise.
     *
     * @param classes the folder its classes are in, for the sandbox's class loader; null when it has a problem
     * @param problem why it cannot be graded, for the student; null when it can
     */
    public record Compiled(Path classes, String problem) {
        static Compiled problem(String problem) {
            return new Compiled(null, problem);
        }
    }

    /** The sandboxed compiler's JVM, started at the first compilation; null without a sandbox. */
    private final CompilerProcess server;
    /** Set once a submission wants the compiler: the warm-up then compiles no more, so the submission never waits. */
    private volatile boolean wanted;

    public SubmissionCompiler(ChildRuntime runtime) {
        this.runtime = runtime;
        this.server = runtime.os().isolated()
                ? new CompilerProcess(
                        runtime,
                        Path.of(runtime.classpath().split(java.io.File.pathSeparator)[0])
                                .resolveSibling("compiler"),
                        OPTIONS,
                        JAVAC_SECONDS,
                        JAVAC_HEAP_MB)
                : null;
    }

    /**
     * Compiles the submission under {@code root} in {@code dir} and judges it for every target.
     *
     * @return one entry per target, in order
     */
    public Map<String, Compiled> compile(Path root, Path dir, List<Target> targets) throws IOException {
        return compile(root, dir, targets, () -> null);
    }

    /**
     * Compiles the submission under {@code root} in {@code dir} and judges it for every target; where the exercises
     * are compiled one by one (the whole did not compile), those left once {@code late} says why (the submission's
     * time is spent) get that reason instead of a compilation.
     *
     * @return one entry per target, in order
     */
    public Map<String, Compiled> compile(Path root, Path dir, List<Target> targets, Supplier<String> late)
            throws IOException {
        wanted = true;
        if (javac == null) {
            throw new IllegalStateException(
                    "no Java compiler: the grader must run on a JDK, not a JRE"); // for the instructor
        }
        Map<String, Compiled> result = new LinkedHashMap<>();
        Path src = dir.resolve("src");
        Path pkg = Files.createDirectories(src.resolve(PKG));
        Map<String, String> problems = stage(root, pkg, targets);
        List<Path> sources;
        try (Stream<Path> s = Files.list(pkg)) {
            sources = s.sorted().toList();
        }
        Path all = dir.resolve("classes");
        String together = sources.isEmpty() ? "no files" : javac(src, sources, all, false);
        for (Target t : targets) {
            if (problems.containsKey(t.className())) {
                result.put(t.id(), Compiled.problem(Untrusted.text(problems.get(t.className()))));
                continue;
            }
            Path out = all;
            if (together != null) {
                String why = late.get();
                if (why != null) {
                    result.put(t.id(), Compiled.problem(why));
                    continue;
                }
                out = dir.resolve("classes-" + t.id());
                String failed = javac(src, List.of(pkg.resolve(t.fileName())), out, true);
                if (failed != null) {
                    result.put(t.id(), Compiled.problem(Untrusted.text(explain(t, failed, pkg))));
                    continue;
                }
            }
            String broken = rules(t, out);
            result.put(t.id(), broken == null ? new Compiled(out, null) : Compiled.problem(Untrusted.text(broken)));
        }
        return result;
    }

    /**
     * What the warm-up compiles: a class that names what exercises name (ND4J's arrays, factory, indexing and
     * transforms, the signatures' records, maps), so the compiler has read those class files and compiled its own
     * code for them before the first submission. A class of one {@code concat} left the first submission's
     * compilation about four times the CPU of later ones.
     */
    static final String WARM_UP_SOURCE = "package " + PACKAGE + ";\n"
            + "import java.util.LinkedHashMap;\nimport java.util.Map;\n"
            + "import org.lstmlab.nn.LstmParams;\nimport org.lstmlab.nn.LstmStepGrads;\n"
            + "import org.lstmlab.nn.RnnParams;\nimport org.nd4j.linalg.api.buffer.DataType;\n"
            + "import org.nd4j.linalg.api.ndarray.INDArray;\nimport org.nd4j.linalg.factory.Nd4j;\n"
            + "import org.nd4j.linalg.indexing.NDArrayIndex;\nimport org.nd4j.linalg.ops.transforms.Transforms;\n"
            + "final class WarmUp {\n"
            + "  static INDArray gate(INDArray w, INDArray b, INDArray h, INDArray x) {\n"
            + "    INDArray hx = Nd4j.concat(1, h.dup(), x);\n"
            + "    INDArray gated = Transforms.sigmoid(hx.mmul(w.transpose()).addRowVector(b), true);\n"
            + "    return gated;\n  }\n"
            + "  static INDArray cell(INDArray f, INDArray i, INDArray c) {\n"
            + "    return f.mul(c).add(i.mul(Transforms.tanh(c, true))).rsub(1.0).muli(2.0);\n  }\n"
            + "  static Map<String, INDArray> parts(INDArray a, double max) {\n"
            + "    Map<String, INDArray> m = new LinkedHashMap<>();\n"
            + "    m.put(\"p\", a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).dup().castTo(DataType.DOUBLE));\n"
            + "    double n = a.norm2Number().doubleValue();\n"
            + "    if (n > max) m.put(\"q\", a.mul(max / n).sum(0).reshape(1, a.columns()));\n"
            + "    return m;\n  }\n"
            + "  static Object records(LstmParams p, RnnParams r, LstmStepGrads g) { return p == null ? r : g; }\n"
            + "}\n";

    /**
     * How many times the warm-up compiles it, unless a submission asks for the compiler first: the compiler's own code
     * gets hot on the second and third.
     */
    private static final int WARM_UP_COMPILATIONS = 3;

    /**
     * Compiles a class like a submission's a few times, so the first submission does not pay for loading and warming
     * the compiler: in the grader's JVM without a sandbox; with one, in the sandboxed compiler's JVM, which then waits
     * for the first submission. It runs while the first child loads ND4J.
     */
    public void warmUp() {
        try {
            Path dir = Files.createTempDirectory("lstmlab-javac-");
            try {
                Path src =
                        Files.createDirectories(dir.resolve("src").resolve(PKG)).resolve("WarmUp.java");
                Files.writeString(src, WARM_UP_SOURCE);
                for (int k = 0; k < WARM_UP_COMPILATIONS && (k == 0 || !wanted); k++) {
                    javac(dir.resolve("src"), List.of(src), dir.resolve("out-" + k), false);
                }
            } finally {
                Sandbox.remove(dir);
            }
        } catch (IOException | RuntimeException e) {
            // only a warm-up
        }
    }

    /**
     * Ends the sandboxed compiler's JVM, if one runs: a student's check leaves nothing running between checks. The
     * next compilation starts another.
     */
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Ends the sandboxed compiler's JVM for good: the grader is closing. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** How many sandboxed compiler JVMs this has started (none without a sandbox). */
    public int compilersStarted() {
        return server == null ? 0 : server.started();
    }

    /** Copies the submission's .java files into {@code pkg}, readable as UTF-8 with LF line ends. */
    private static Map<String, String> stage(Path root, Path pkg, List<Target> targets) throws IOException {
        Map<String, Path> byName = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 12)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String name = p.getFileName().toString();
                boolean hidden = rel.startsWith("__MACOSX") || rel.contains("/.") || rel.startsWith(".");
                if (!hidden
                        && (name.equals("module-info.java")
                                || name.equals("junit-platform.properties")
                                || ("/" + rel).contains("/META-INF/services/"))) {
                    refused.add(rel);
                }
                if (!name.endsWith(".java")
                        || rel.startsWith("__MACOSX")
                        || rel.contains("/.")
                        || rel.startsWith(".")) {
                    continue;
                }
                Path seen = byName.get(name);
                boolean better =
                        seen == null || (!seen.toString().replace('\\', '/').contains(PKG) && rel.contains(PKG));
                if (better) {
                    byName.put(name, p);
                }
            }
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (!refused.isEmpty()) {
            String why = Bundle.say("sandbox.refusedFiles", String.join(", ", refused), PACKAGE);
            targets.forEach(t -> problems.put(t.className(), why));
            return problems;
        }
        Set<String> exerciseFiles = new TreeSet<>();
        for (Target t : targets) {
            exerciseFiles.add(t.fileName());
            if (!byName.containsKey(t.fileName())) {
                problems.put(t.className(), Bundle.say("sandbox.notInSubmission", t.fileName()));
            }
        }
        int copied = 0;
        for (Map.Entry<String, Path> e : byName.entrySet()) {
            String className = e.getKey().substring(0, e.getKey().length() - ".java".length());
            if (Files.size(e.getValue()) > MAX_SOURCE_BYTES) {
                problems.put(className, Bundle.say("sandbox.tooLarge", e.getKey()));
                continue;
            }
            if (++copied > MAX_SOURCES) {
                break;
            }
            Files.writeString(
                    pkg.resolve(e.getKey()), normalised(Files.readAllBytes(e.getValue())), StandardCharsets.UTF_8);
        }
        return problems;
    }

    /**
     * The text of a source file without a byte-order mark and with LF line ends: UTF-8, or UTF-16 where a byte-order
     * mark says so (Notepad's "Unicode", little-endian, and "Unicode big endian"), else Windows-1252.
     */
    public static String normalised(byte[] bytes) {
        String text;
        boolean utf16 = bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        if (utf16) {
            text = new String(bytes, StandardCharsets.UTF_16); // reads the mark, and the byte order from it
        } else {
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                text = new String(bytes, WINDOWS_1252); // what Windows editors call "ANSI"
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A file manager with the class path set: a free one, or a new one. Set once, javac opens ND4J's jars
     * once per manager, not for every compilation (setting {@code -cp} again would reopen them all).
     */
    private StandardJavaFileManager takeFileManager() throws IOException {
        StandardJavaFileManager fm = files.poll();
        if (fm == null) {
            fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            List<Path> cp = new ArrayList<>();
            for (String e : runtime.compileClasspath().split(java.io.File.pathSeparator)) {
                cp.add(Path.of(e));
            }
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, cp);
        }
        return fm;
    }

    /** How long {@code javac} may take on one submission, in the sandbox. */
    static final long JAVAC_SECONDS = 60;
    /** {@code javac}'s heap in the sandbox. */
    static final int JAVAC_HEAP_MB = 512;

    private static final Pattern JAVAC_ERROR = Pattern.compile("^(.*\\.java):(\\d+): error: (.*)$");

    /**
     * Null when the classes are in {@code out}; otherwise the compiler's errors. In the OS sandbox, the compiler
     * runs in a JVM of its own inside it (the grader's JVM never compiles student sources), kept for the grader's
     * life; without one, the JDK's compiler runs in the grader. {@code sources} are under {@code src}, which is
     * the source path when {@code implicit}.
     */
    private String javac(Path src, List<Path> sources, Path out, boolean implicit) throws IOException {
        Files.createDirectories(out);
        if (server != null) {
            CompilerProcess.Outcome o = server.compile(src, sources, out, implicit);
            return o.exit() == 0 ? null : o.worded() ? o.text() : diagnostics(o.text(), o.exit());
        }
        Path sourcePath = implicit ? src : null;
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        List<String> options = new ArrayList<>(OPTIONS);
        options.add(sourcePath != null ? "-implicit:class" : "-implicit:none");
        StandardJavaFileManager fm = takeFileManager();
        boolean ok;
        try {
            fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
            fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath == null ? List.of() : List.of(sourcePath));
            ok = javac.getTask(
                            new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources))
                    .call();
        } catch (RuntimeException | StackOverflowError e) {
            return "\n  " + Bundle.say("sandbox.compilerFailedOn", e);
        } finally {
            files.add(fm);
        }
        if (ok) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR || shown++ >= 5) {
                continue;
            }
            String file = d.getSource() == null
                    ? ""
                    : Path.of(d.getSource().toUri()).getFileName().toString();
            s.append("\n  ")
                    .append(file)
                    .append(':')
                    .append(d.getLineNumber())
                    .append(": ")
                    .append(String.join(
                            "\n    ",
                            d.getMessage(Locale.ROOT).lines().map(String::strip).toList()));
        }
        return s.toString();
    }

    /** What every compilation of a submission is told, in the grader or in the sandbox: no annotation processing. */
    private static final List<String> OPTIONS =
            List.of("-proc:none", "-nowarn", "-encoding", "UTF-8", "--release", "17", "-Xmaxerrs", "5");

    /** javac's printed errors in the grader's form: {@code "\n  File.java:12: message\n    detail"}, at most five. */
    static String diagnostics(String output, int exit) {
        StringBuilder s = new StringBuilder();
        List<String> lines = output.lines().toList();
        int shown = 0;
        for (int i = 0; i < lines.size() && shown < 5; i++) {
            Matcher m = JAVAC_ERROR.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            shown++;
            s.append("\n  ")
                    .append(Path.of(m.group(1)).getFileName())
                    .append(':')
                    .append(m.group(2))
                    .append(": ")
                    .append(m.group(3).strip());
            int j = i + 1;
            while (j < lines.size()
                    && !lines.get(j).strip().equals("^")
                    && !JAVAC_ERROR.matcher(lines.get(j)).matches()) {
                j++; // the source line and the caret
            }
            for (j++;
                    j < lines.size()
                            && lines.get(j).startsWith("  ")
                            && !lines.get(j).strip().equals("^");
                    j++) {
                s.append("\n    ").append(lines.get(j).strip());
            }
        }
        if (shown == 0) {
            String why = output.contains("StackOverflowError")
                    ? Bundle.say("sandbox.compilerStack")
                    : output.contains("OutOfMemoryError")
                            ? Bundle.say("sandbox.compilerMemory", JAVAC_HEAP_MB)
                            : Bundle.say(
                                    "sandbox.compilerExit",
                                    exit,
                                    output.lines()
                                            .filter(l -> !l.isBlank())
                                            .findFirst()
                                            .orElse(Bundle.say("sandbox.noMessage")));
            s.append("\n  ").append(why);
        }
        return s.toString();
    }

    /** The message for an exercise that did not compile alone, naming the file that broke it. */
    private static String explain(Target t, String errors, Path pkg) {
        Matcher missing = MISSING_SYMBOL.matcher(errors);
        while (missing.find()) {
            String name = missing.group(1);
            if (name.matches("E\\d+\\w*") && !Files.exists(pkg.resolve(name + ".java"))) {
                return Bundle.say("sandbox.callsMissing", t.id(), name);
            }
        }
        String first = errors.lines()
                .skip(1)
                .filter(l -> l.startsWith("  ") && !l.startsWith("    "))
                .map(l -> l.trim().split(":")[0])
                .findFirst()
                .orElse(t.fileName());
        if (!first.equals(t.fileName()) && first.endsWith(".java")) {
            return Bundle.say("sandbox.callsBroken", t.id(), first.replace(".java", ""), first, errors);
        }
        return Bundle.say("sandbox.doesNotCompile", t.fileName(), errors);
    }

    private static String simpleName(ClassFile c) {
        return c.javaName().substring(PACKAGE.length() + 1);
    }

    /** Null when every class the exercise uses keeps the rules; otherwise the first broken rule. */
    private String rules(Target t, Path out) throws IOException {
        Map<String, ClassFile> classes = new TreeMap<>();
        List<Path> strays = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassFile c = ClassFile.read(Files.readAllBytes(p));
                String rel = out.relativize(p).toString().replace('\\', '/');
                boolean inPackage =
                        rel.startsWith(PKG) && !rel.substring(PKG.length()).contains("/");
                if (inPackage) {
                    classes.put(c.name(), c);
                } else {
                    strays.add(p);
                    if (t.fileName().equals(c.sourceFile())) {
                        return Bundle.say("sandbox.outsidePackage", c.javaName(), PACKAGE);
                    }
                }
            }
        }
        for (Path p : strays) {
            Files.deleteIfExists(p); // another file's class outside the package: never loadable
        }
        String main = PKG + t.className();
        if (!classes.containsKey(main)) {
            return Bundle.say("sandbox.noClass", t.fileName(), t.className(), PACKAGE);
        }
        Set<String> used = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(main));
        classes.keySet().stream().filter(n -> n.startsWith(main + "$")).forEach(todo::add);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (classes.containsKey(n) && used.add(n)) {
                classes.get(n).references().stream()
                        .filter(r -> r.startsWith(PKG))
                        .forEach(todo::add);
            }
        }
        for (String n : used) { // first what computes the answer, the clearest message
            for (String ref : new TreeSet<>(classes.get(n).references())) {
                String dotted = ref.replace('/', '.');
                for (String banned : t.mustNotUse()) {
                    boolean hit = banned.endsWith(".")
                            ? dotted.startsWith(banned)
                            : dotted.equals(banned) || dotted.startsWith(banned + "$");
                    if (hit) {
                        return Bundle.say(
                                "sandbox.mustNotUse",
                                t.id(),
                                simpleName(classes.get(n)),
                                banned + (banned.endsWith(".") ? "*" : ""));
                    }
                }
            }
        }
        for (String n : used) {
            for (String ref : new TreeSet<>(classes.get(n).references())) {
                String dotted = ref.replace('/', '.');
                if (ref.startsWith("org/lstmlab/")
                        && !ref.startsWith(PKG)
                        && !runtime.libraryClasses().contains(dotted)) {
                    return Bundle.say(
                            "sandbox.libraryClass",
                            simpleName(classes.get(n)),
                            dotted,
                            String.join(
                                    ", ",
                                    runtime.records().stream()
                                            .map(r -> r.substring(r.lastIndexOf('.') + 1))
                                            .toList()));
                }
            }
        }
        return null;
    }
}
