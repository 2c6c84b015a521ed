package org.lstmlab.grade;

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

/**
 * Gradescope's autograder: the bundle ({@code autograder.zip} with {@code setup.sh} and
 * {@code run_autograder} at its root, and the grader with every jar it needs under {@code lib/}, so
 * grading runs offline) and what {@code run_autograder} does: grade {@code ROOT/submission} into
 * {@code ROOT/results/results.json}. ROOT is {@code /autograder} on Gradescope.
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
            java -version
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission: grades ROOT/submission into ROOT/results/results.json.
            # AUTOGRADER_ROOT replaces /autograder, so the bundle can be tried on a simulated tree.
            set -euo pipefail
            ROOT="${AUTOGRADER_ROOT:-/autograder}"
            LIB="$ROOT/source/lib"
            exec java -Djava.awt.headless=true -cp "$LIB/*" org.lstmlab.cli.GradeCli run-autograder --root "$ROOT"
            """;

    /**
     * Writes {@code autograder.zip}.
     *
     * @return the jars it carries, by name
     */
    public static List<String> writeBundle(Path zip) throws IOException {
        Path self = ChildRuntime.codeSource();
        List<Path> deps = new ArrayList<>();
        String cp = System.getProperty("lstmlab.classpath");
        if (cp == null && Files.isDirectory(self))
            cp = Files.readString(self.resolveSibling("runtime-classpath.txt")).trim();
        if (cp == null) {
            try (Stream<Path> jars = Files.list(self.getParent())) {
                jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(self))
                        .sorted()
                        .forEach(deps::add);
            }
        } else {
            for (String e : cp.split(java.io.File.pathSeparator)) if (!e.isBlank()) deps.add(Path.of(e));
        }
        List<String> names = new ArrayList<>();
        if (zip.getParent() != null) Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(java.util.zip.Deflater.NO_COMPRESSION); // jars are compressed already
            put(out, "setup.sh", SETUP.getBytes(StandardCharsets.UTF_8));
            put(out, "run_autograder", RUN.getBytes(StandardCharsets.UTF_8));
            put(out, "lib/lstm-lab.jar", libraryJar(self));
            names.add("lstm-lab.jar");
            for (Path d : deps) {
                put(out, "lib/" + d.getFileName(), Files.readAllBytes(d));
                names.add(d.getFileName().toString());
            }
        }
        return names;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.fromMillis(0));
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] libraryJar(Path self) throws IOException {
        if (Files.isRegularFile(self)) return Files.readAllBytes(self);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var jar = new java.util.jar.JarOutputStream(bytes);
                Stream<Path> walk = Files.walk(self)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                var e = new java.util.jar.JarEntry(self.relativize(p).toString().replace('\\', '/'));
                e.setLastModifiedTime(FileTime.fromMillis(0));
                jar.putNextEntry(e);
                Files.copy(p, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * What {@code run_autograder} does: grades {@code root/submission} and writes
     * {@code root/results/results.json} after every child JVM has ended, so nothing a submission does
     * to that folder survives.
     */
    public static Report runAutograder(Path root, Limits limits) throws IOException {
        return runAutograder(root, limits, Exercises.ALL);
    }

    static Report runAutograder(Path root, Limits limits, java.util.List<Exercise> exercises) throws IOException {
        Path submission = root.resolve("submission");
        Report report;
        try (Grader g = new Grader(limits, Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            if (!Files.isDirectory(submission)) {
                report = new Report(
                        "submission",
                        0,
                        exercises.stream()
                                .map(e -> ExerciseResult.zero(e, "no submission folder at " + submission))
                                .toList(),
                        0);
            } else {
                Path zip = singleZip(submission);
                report = g.grade("submission", zip != null ? zip : submission, exercises, Grader.randomSeed());
            }
        }
        Submissions.writeResults(root.resolve("results"), report);
        return report;
    }

    /** A submission uploaded as one zip is graded from the zip. */
    private static Path singleZip(Path submission) throws IOException {
        try (Stream<Path> files = Files.list(submission)) {
            List<Path> all = files.toList();
            boolean onlyZip =
                    all.size() == 1 && all.get(0).toString().toLowerCase().endsWith(".zip");
            return onlyZip ? all.get(0) : null;
        }
    }
}
