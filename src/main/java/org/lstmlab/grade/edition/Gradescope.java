package org.lstmlab.grade.edition;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.ResultsJson;
import org.lstmlab.grade.report.TestResult;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;

/**
 * Gradescope's autograder: the bundle ({@code autograder.zip} with {@code setup.sh} and
 * {@code run_autograder} at its root, and the grader, the exercise classes and every jar they need
 * under {@code lib/}, so grading runs offline) and what {@code run_autograder} does: grade
 * {@code ROOT/submission} with every test into {@code ROOT/results/results.json}. ROOT is
 * {@code /autograder} on Gradescope.
 */
public final class Gradescope {
    private Gradescope() {}

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope runs this once when it builds the autograder image (Ubuntu): a JDK is all the grader needs;
            # its jars are in lib/, so grading itself needs no network.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -q
            apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
            # the OS sandbox around each submission, where Gradescope's container allows namespaces (the log of
            # every run says which isolation it used); without it the container is the sandbox
            apt-get install -y -q --no-install-recommends bubblewrap || echo "bubblewrap not installed"
            java -version
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission: grades ROOT/submission into ROOT/results/results.json.
            # AUTOGRADER_ROOT replaces /autograder, so the bundle can be tried on a simulated tree.
            set -euo pipefail
            ROOT="${AUTOGRADER_ROOT:-/autograder}"
            LIB="$ROOT/source/lib"
            # where the container forbids namespaces, each child is a user of its own (isolation: user), and JavaCPP
            # unpacks ND4J's natives where those users can load them
            exec java -XX:+DisableAttachMechanism -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -Dlstmlab.lang=LANG \\
                -Dlstmlab.sandbox.fallback=user -Dorg.bytedeco.javacpp.cachedir="${TMPDIR:-/tmp}/lstmlab-javacpp" -cp "$LIB/*" \\
                org.lstmlab.cli.GradeCli run-autograder --root "$ROOT"
            """;

    /**
     * {@code run_autograder} for a class graded in {@code language}: the hints of {@code results.json} are in it
     * (a bundle built with {@code LSTMLAB_LANG=vi ./lab gradescope} grades in Vietnamese).
     */
    static String run(java.util.Locale language) {
        return RUN.replace("-Dlstmlab.lang=LANG", "-Dlstmlab.lang=" + language.getLanguage());
    }

    /**
     * Writes {@code autograder.zip}: the scripts, the library ({@code lib/lstm-lab.jar}), the exercise
     * classes ({@code lib/lstm-lab-grading.jar}), the jars they need, and {@code lib/sandbox-classpath.txt}
     * naming those of them the sandbox may load.
     *
     * @return the jars it carries, by name
     */
    public static List<String> writeBundle(Path zip, ExerciseCatalog catalog) throws IOException {
        requireHiddenTests(catalog, "the Gradescope bundle");
        Path self = codeSource(Gradescope.class);
        Path grading = codeSource(catalog.all().get(0).testClass());
        List<Path> deps = jars(System.getProperty("lstmlab.classpath"), self, "runtime-classpath.txt");
        List<Path> sandbox = jars(System.getProperty("lstmlab.sandbox.classpath"), self, "sandbox-classpath.txt");
        List<String> names = new ArrayList<>();
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(java.util.zip.Deflater.NO_COMPRESSION); // jars are compressed already
            put(out, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8));
            put(out, "run_autograder", run(Say.language()).getBytes(StandardCharsets.UTF_8));
            put(out, "lib/lstm-lab.jar", jarOf(self, name -> !name.startsWith("org/lstmlab/exercises/")));
            put(out, "lib/lstm-lab-grading.jar", jarOf(grading, name -> name.startsWith("org/lstmlab/exercises/")));
            names.addAll(List.of("lstm-lab.jar", "lstm-lab-grading.jar"));
            for (Path d : deps) {
                if (!names.contains(d.getFileName().toString())) {
                    put(out, "lib/" + d.getFileName(), Files.readAllBytes(d));
                    names.add(d.getFileName().toString());
                }
            }
            String listed = String.join(
                    java.io.File.pathSeparator,
                    sandbox.stream().map(p -> p.getFileName().toString()).toList());
            if (!names.containsAll(
                    sandbox.stream().map(p -> p.getFileName().toString()).toList())) {
                throw new IllegalStateException("the sandbox's jars " + listed + " are not all among the grader's");
            }
            put(out, "lib/sandbox-classpath.txt", listed.getBytes(StandardCharsets.UTF_8));
        }
        return names;
    }

    /**
     * Refuses to grade with an incomplete set of tests: where an exercise's hidden tests are not on the class path
     * (a student edition), {@code what} would give the wrong points.
     *
     * @throws IllegalStateException naming the exercises and where to run
     */
    public static void requireHiddenTests(ExerciseCatalog catalog, String what) {
        List<GradedExercise> missing = catalog.withoutHiddenTests();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(what + " needs every test, but the hidden tests of "
                    + String.join(", ", missing.stream().map(GradedExercise::id).toList())
                    + " are not here (a student edition carries the visible ones only): run it in the course"
                    + " repository");
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + c.getName(), e);
        }
    }

    /** The jars of an explicit class path, else of the list Maven wrote beside the classes, else beside the jar. */
    private static List<Path> jars(String explicit, Path self, String listFile) throws IOException {
        String cp = explicit;
        Path list = self.resolveSibling(listFile);
        if (cp == null && Files.isRegularFile(list)) {
            cp = Files.readString(list).trim();
        }
        List<Path> jars = new ArrayList<>();
        if (cp == null) {
            try (Stream<Path> all = Files.list(self.getParent())) {
                all.filter(p -> p.toString().endsWith(".jar") && !p.equals(self))
                        .sorted()
                        .forEach(jars::add);
            }
            return jars;
        }
        for (String e : cp.split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) {
                jars.add(self.resolveSibling(e.trim()));
            }
        }
        return jars;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.fromMillis(0));
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    /** The classes of a folder (or a jar as it is) as a jar, with directory entries so a package can be scanned. */
    static byte[] jarOf(Path classes, java.util.function.Predicate<String> keep) throws IOException {
        if (Files.isRegularFile(classes)) {
            return Files.readAllBytes(classes);
        }
        var bytes = new java.io.ByteArrayOutputStream();
        var dirs = new java.util.TreeSet<String>();
        try (var jar = new java.util.jar.JarOutputStream(bytes);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (!keep.test(name)) {
                    continue;
                }
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String dir = name.substring(0, slash + 1);
                    if (dirs.add(dir)) {
                        var d = new java.util.jar.JarEntry(dir);
                        d.setLastModifiedTime(FileTime.fromMillis(0));
                        jar.putNextEntry(d);
                        jar.closeEntry();
                    }
                }
                var e = new java.util.jar.JarEntry(name);
                e.setLastModifiedTime(FileTime.fromMillis(0));
                jar.putNextEntry(e);
                Files.copy(p, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * What {@code run_autograder} does: grades {@code root/submission} with every test and writes
     * {@code root/results/results.json} after the sandbox has ended, so nothing a submission does to
     * that folder survives.
     */
    public static Report runAutograder(
            Path root, Limits limits, ExerciseCatalog catalog, List<GradedExercise> exercises) throws IOException {
        requireHiddenTests(catalog, "the autograder");
        Path submission = root.resolve("submission");
        Report report;
        String isolation;
        OsSandbox os = OsSandbox.detect();
        if (os.kind() == OsSandbox.Kind.USER) {
            closeToChildren(root.resolve("source")); // the hidden tests, the grader
            closeToChildren(root.resolve("results"));
        }
        try (Grader g = new Grader(catalog, limits, os)) {
            isolation = g.isolation().describe();
            System.err.println("LSTM Lab autograder: " + isolation);
            if (!Files.isDirectory(submission)) {
                report = new Report(
                        "submission",
                        0,
                        exercises.stream()
                                .map(e -> new ExerciseResult(
                                        e.id(),
                                        e.title(),
                                        List.of(new TestResult(
                                                e.id() + " " + e.title(),
                                                e.number() + ".1",
                                                0,
                                                e.points(),
                                                Say.say("run.noSubmission", submission),
                                                "visible")),
                                        Say.say("run.noSubmission", submission)))
                                .toList(),
                        0,
                        0);
            } else {
                Path zip = singleZip(submission);
                report = g.grade(
                        "submission",
                        zip != null ? zip : submission,
                        exercises,
                        Grader.Scope.ALL_TESTS,
                        Grader.randomSeed());
            }
        }
        ResultsJson.write(root.resolve("results"), report, isolation);
        return report;
    }

    /**
     * Makes a folder of the autograder's the grader's alone ({@code rwx------}), so a child running as a user of its
     * own can neither list, read nor write what is in it.
     */
    static void closeToChildren(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A submission uploaded as one zip is graded from the zip. */
    private static Path singleZip(Path submission) throws IOException {
        try (Stream<Path> files = Files.list(submission)) {
            List<Path> all = files.toList();
            boolean onlyZip = all.size() == 1
                    && all.get(0).toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
            return onlyZip ? all.get(0) : null;
        }
    }
}
