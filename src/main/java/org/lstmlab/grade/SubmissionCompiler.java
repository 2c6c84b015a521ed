package org.lstmlab.grade;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise of a submission (with the exercises it calls) against the library alone, with
 * annotation processing off, and refuses classes outside {@code org.lstmlab.exercises}.
 */
final class SubmissionCompiler {
    private SubmissionCompiler() {}

    /** Null when the classes are in {@code out}; otherwise the compiler's message for the student. */
    static String compile(List<Path> sources, Path out, String classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return "no Java compiler: the grader must run on a JDK, not a JRE";
        Files.createDirectories(out);
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "-proc:none",
                    "-implicit:none",
                    "-nowarn",
                    "-encoding",
                    "UTF-8",
                    "--release",
                    "17",
                    "-Xmaxerrs",
                    "5",
                    "-cp",
                    classpath,
                    "-d",
                    out.toString());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            StringWriter noise = new StringWriter();
            boolean ok;
            try {
                ok = javac.getTask(noise, files, diagnostics, options, null, units)
                        .call();
            } catch (RuntimeException e) {
                return "the compiler failed on this file: " + e;
            }
            if (!ok) {
                StringBuilder s = new StringBuilder("does not compile:");
                int shown = 0;
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() != Diagnostic.Kind.ERROR || shown++ >= 5) continue;
                    String file = d.getSource() == null
                            ? ""
                            : Path.of(d.getSource().toUri()).getFileName().toString();
                    s.append("\n  ")
                            .append(file)
                            .append(':')
                            .append(d.getLineNumber())
                            .append(": ")
                            .append(d.getMessage(Locale.ROOT));
                }
                return s.toString();
            }
        }
        try (Stream<Path> classes = Files.walk(out)) {
            for (Path c : classes.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(c).toString().replace('\\', '/');
                String pkg = Exercise.PACKAGE.replace('.', '/') + "/";
                if (!rel.startsWith(pkg) || rel.substring(pkg.length()).contains("/")) {
                    return "declares " + rel.replace('/', '.').replaceAll("\\.class$", "")
                            + ": exercise files must stay in package " + Exercise.PACKAGE;
                }
            }
        }
        return null;
    }

    /**
     * Null unless a class of {@code exercise} refers to library code that computes its answer (see
     * {@link Exercises#forbidden}); found in the class files' constant pools, so a name built at run
     * time for reflection is not seen.
     */
    static String usesForbidden(Exercise exercise, Path out) throws IOException {
        Path pkg = out.resolve(Exercise.PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(pkg)) return null;
        try (Stream<Path> classes = Files.list(pkg)) {
            for (Path c : classes.filter(f -> {
                        String n = f.getFileName().toString();
                        return n.equals(exercise.className() + ".class") || n.startsWith(exercise.className() + "$");
                    })
                    .toList()) {
                String bytes = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
                for (String name : Exercises.forbidden(exercise)) {
                    if (bytes.contains(name.replace('.', '/'))) {
                        return exercise.id() + " must be your own code, but " + exercise.className() + " calls " + name
                                + (name.endsWith(".") ? "*" : "")
                                + ", which computes the answer: the library is for checking your work in the notebook";
                    }
                }
            }
        }
        return null;
    }

    /** The submission's copy of each exercise file, found anywhere under {@code root}. */
    static Path find(Path root, String fileName) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 12)) {
            walk.filter(p -> p.getFileName().toString().equals(fileName)
                            && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !root.relativize(p).toString().startsWith("__MACOSX"))
                    .forEach(found::add);
        }
        return found.stream()
                .min((a, b) -> Boolean.compare(
                        !a.toString().contains("org/lstmlab/exercises"),
                        !b.toString().contains("org/lstmlab/exercises")))
                .orElse(null);
    }
}
