package org.lstmlab.grade.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * {@code ./lab release}: the student edition holds nothing from which a solution can be read — no solutions/, no
 * line of a solution region, no hidden test (its class or its name) in any file or any jar entry, class files read
 * as their constant pools — and its own {@code ./lab check}, from its jars without Maven, gives the reference
 * solutions every visible point and the starter code none. Runs after {@code package}: the release reuses the jars.
 */
class EditionIT {
    private static final Path HOME = GradingFixtures.HOME;
    private static Path edition;
    private static String released;

    @BeforeAll
    static void release() throws Exception {
        edition = Files.createTempDirectory("lstmlab-edition-").resolve("edition");
        long started = System.nanoTime();
        Run r = lab(HOME, "release", "--out", edition.toString());
        System.out.printf(
                "edition: ./lab release took %.1f s: %s%n",
                (System.nanoTime() - started) / 1e9, r.output().strip());
        assertEquals(0, r.code(), r.output());
        released = r.output();
    }

    @AfterAll
    static void removeEdition() throws IOException {
        Grader.delete(edition.getParent());
    }

    @Test
    void theEditionHoldsTheCourseAsAClassReceivesItAndSaysWhatItWrote() throws IOException {
        for (String item : List.of(
                "notebooks/02-forget-gate.ipynb",
                "exercises/org/lstmlab/exercises/E3ForgetGate.java",
                "datasets/README.md",
                "lab",
                "README.md",
                "lib/lstm-lab.jar",
                "lib/" + Edition.GRADING_JAR,
                "lib/classpath.txt",
                "lib/sandbox-classpath.txt",
                "lib/kernel/lstm-lab-kernel.jar")) {
            assertTrue(Files.exists(edition.resolve(item)), item + " is not in the edition");
        }
        for (String absent : List.of("solutions", "src", "pom.xml", "target", "container")) {
            assertFalse(Files.exists(edition.resolve(absent)), absent + " is in the edition");
        }
        assertEquals(
                Files.readString(HOME.resolve("docs/student-README.md")),
                Files.readString(edition.resolve("README.md")));
        long files;
        try (Stream<Path> walk = Files.walk(edition)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertTrue(released.contains("wrote the student edition to " + edition + ": " + files + " files, "), released);
        assertTrue(released.matches("(?s).* \\d+ MB .*"), released);
    }

    @Test
    void noFileNorJarEntryHoldsALineOfASolutionOrAHiddenTest() throws IOException {
        Set<String> secrets = new TreeSet<>(solutionLines());
        Set<String> hidden = hiddenTestNames();
        assertTrue(hidden.contains("chainedStepsFollowTheLibraryAlongASequence"), "E7's hidden test: " + hidden);
        assertTrue(secrets.size() > 30, "too few solution lines to search for: " + secrets);
        secrets.addAll(hidden);
        Set<String> maven = mavenJars();
        List<String> found = new ArrayList<>();
        int searched = 0;
        int fromMaven = 0;
        try (Stream<Path> walk = Files.walk(edition)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String where = edition.relativize(f).toString();
                byte[] bytes = Files.readAllBytes(f);
                if (where.endsWith(".jar") && maven.contains(Arrays.hashCode(bytes) + ":" + bytes.length)) {
                    fromMaven++; // a third-party jar exactly as Maven Central ships it cannot hold the course's text
                    continue;
                }
                if (where.endsWith(".jar")) {
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                            searched++;
                            search(where + "!" + e.getName(), text(e.getName(), zip.readAllBytes()), secrets, found);
                        }
                    }
                } else {
                    searched++;
                    search(where, text(where, bytes), secrets, found);
                }
            }
        }
        System.out.printf(
                "edition: searched %d files and jar entries for %d solution lines and hidden test names;"
                        + " %d jars are Maven Central's own%n",
                searched, secrets.size(), fromMaven);
        assertTrue(found.isEmpty(), "the edition gives away:\n" + String.join("\n", found));
        assertTrue(fromMaven > 30, "the library's dependencies are in lib/: " + fromMaven);
    }

    @Test
    void theEditionsOwnCheckGivesTheSolutionsEveryVisiblePointAndTheStarterCodeNone() throws Exception {
        int hidden = GradingFixtures.COURSE.all().stream()
                .mapToInt(GradedExercise::pointsNotChecked)
                .sum();
        int visible = GradingFixtures.COURSE.maxScore() - hidden;
        Path copy = edition.resolveSibling("with-solutions");
        GradingFixtures.copyTree(edition, copy);
        Grader.delete(copy.resolve("exercises"));
        GradingFixtures.copyTree(HOME.resolve("solutions"), copy.resolve("exercises"));
        String line =
                "hidden tests worth " + hidden + " more points (E7 3, E8 4, E10 3, E11 2) are graded when you submit";

        Run solutions = lab(copy, "check");
        assertEquals(0, solutions.code(), solutions.output());
        assertTrue(
                solutions.output().matches("(?s).*\\ntotal +" + visible + "/" + visible + " .*"), solutions.output());
        assertTrue(solutions.output().contains(line), solutions.output());

        Run starter = lab(edition, "check");
        assertEquals(0, starter.code(), starter.output());
        assertTrue(starter.output().matches("(?s).*\\ntotal +0/" + visible + " .*"), starter.output());
        assertEquals(
                11,
                starter.output()
                        .lines()
                        .filter(l -> l.contains("not implemented yet"))
                        .count(),
                starter.output());
        assertTrue(starter.output().contains(line), starter.output());
    }

    @Test
    void aNotebookOnTheEditionsOwnKernelChecksAnExerciseAndSaysWhatIsHidden() throws Exception {
        requireJupyter();
        Path copy = edition.resolveSibling("notebook-check");
        GradingFixtures.copyTree(edition, copy);
        Files.copy(
                HOME.resolve("solutions/org/lstmlab/exercises/E8LstmBackward.java"),
                copy.resolve("exercises/org/lstmlab/exercises/E8LstmBackward.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path prefix = copy.resolveSibling("kernelspecs");
        Run installed = lab(copy, "kernel", "install", "--prefix", prefix.toString());
        assertEquals(0, installed.code(), installed.output());
        String kernelJson = Files.readString(prefix.resolve("share/jupyter/kernels/lstm-lab/kernel.json"));
        assertTrue(kernelJson.contains(copy.resolve("lib/lstm-lab.jar").toString()), kernelJson);
        assertFalse(kernelJson.contains(HOME.resolve("target").toString()), "the repository's build: " + kernelJson);

        String run = String.join(
                "\n",
                "import nbformat, nbclient, sys",
                "nb = nbformat.v4.new_notebook(metadata={'kernelspec': {'name': 'lstm-lab', 'display_name': 'x'}})",
                "nb.cells = [nbformat.v4.new_code_cell('import static org.lstmlab.grade.notebook.Check.check;\\ncheck(\"E8\")')]",
                "nbclient.NotebookClient(nb, timeout=600, kernel_name='lstm-lab', resources={'metadata': {'path': sys.argv[1]}}).execute()",
                "for o in nb.cells[0].outputs: print(o.get('data', {}).get('text/html', o.get('text', o.get('evalue', ''))))");
        long started = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(
                        org.lstmlab.LabPython.path(),
                        "-c",
                        run,
                        copy.resolve("notebooks").toString())
                .redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().remove("LSTMLAB_HOME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), out);
        System.out.printf(
                "edition: check(\"E8\") in a notebook on the edition's kernel: %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("<td>16/16</td>"), "E8's visible points in the notebook's table:\n" + out);
        assertTrue(
                out.contains("hidden tests worth 4 more points (E8 4) are graded when you submit"),
                "the line under the table:\n" + out);
    }

    @Test
    void theEditionRefusesTheInstructorsCommands() throws Exception {
        for (String command : List.of("grade", "gradescope", "release", "test")) {
            Run r = lab(edition, command, "x");
            assertNotEquals(0, r.code(), r.output());
            assertTrue(r.output().contains("'./lab " + command + "' is not part of a student edition"), r.output());
        }
    }

    @Test
    void releaseRefusesAFolderOfTheRepositoryOrANonEmptyOneWithoutForce() throws Exception {
        Run tracked = lab(HOME, "release", "--out", "notebooks/edition");
        assertNotEquals(0, tracked.code(), tracked.output());
        assertTrue(tracked.output().contains("is inside the course repository's tracked tree"), tracked.output());
        assertFalse(Files.exists(HOME.resolve("notebooks/edition")));

        Run full = lab(HOME, "release", "--out", edition.toString());
        assertNotEquals(0, full.code(), full.output());
        assertTrue(full.output().contains("is not empty; add --force"), full.output());

        Run none = lab(HOME, "release");
        assertNotEquals(0, none.code(), none.output());
        assertTrue(none.output().contains("release needs --out DIR"), none.output());
    }

    @Test
    void releaseWithForceReplacesAnEarlierEditionButKeepsItsGitRepository() throws Exception {
        Path again = edition.resolveSibling("again");
        Files.createDirectories(again.resolve(".git"));
        Files.writeString(again.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(again.resolve("stale.txt"), "from an earlier edition\n");
        Run r = lab(HOME, "release", "--out", again.toString(), "--force");
        assertEquals(0, r.code(), r.output());
        assertFalse(Files.exists(again.resolve("stale.txt")), "what the earlier edition held is gone");
        assertEquals("ref: refs/heads/main\n", Files.readString(again.resolve(".git/HEAD")), "its .git stays");
        assertTrue(Files.isRegularFile(again.resolve("lib/" + Edition.GRADING_JAR)), r.output());
    }

    /** The non-trivial lines of every BEGIN SOLUTION … END SOLUTION region of solutions/. */
    private static List<String> solutionLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Pattern region = Pattern.compile(
                Pattern.quote(ExerciseGenerator.BEGIN) + "(.*?)" + Pattern.quote(ExerciseGenerator.END),
                Pattern.DOTALL);
        try (Stream<Path> walk = Files.walk(HOME.resolve("solutions"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = region.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    m.group(1)
                            .lines()
                            .map(String::strip)
                            .filter(EditionIT::nonTrivial)
                            .forEach(lines::add);
                }
            }
        }
        return lines;
    }

    /** A line that says something of the answer: not a brace, a bare return or a short statement. */
    private static boolean nonTrivial(String line) {
        return line.length() >= 16 && !line.startsWith("//");
    }

    /** The hidden test classes' simple names and their test methods' names. */
    private static Set<String> hiddenTestNames() {
        Set<String> names = new TreeSet<>();
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            for (Class<?> c : e.hiddenClasses()) {
                names.add(c.getSimpleName());
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Points.class)) {
                        names.add(m.getName());
                    }
                }
            }
        }
        return names;
    }

    /** The jars Maven resolved for the notebooks (hash and length), which lib/ copies unchanged. */
    private static Set<String> mavenJars() throws IOException {
        Set<String> jars = new HashSet<>();
        for (String entry : Files.readString(HOME.resolve("target/notebook-classpath.txt"))
                .trim()
                .split(java.io.File.pathSeparator)) {
            byte[] bytes = Files.readAllBytes(Path.of(entry));
            jars.add(Arrays.hashCode(bytes) + ":" + bytes.length);
        }
        return jars;
    }

    /** A file as the text it can give away: a class file's constant pool, one string a line; anything else as UTF-8. */
    private static String text(String name, byte[] bytes) throws IOException {
        if (!name.endsWith(".class")) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder s = new StringBuilder();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        for (int k = 1; k < count; k++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> s.append(in.readUTF()).append('\n');
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    k++; // a long or double takes two slots
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException(name + ": constant pool tag " + tag);
            }
        }
        return s.toString();
    }

    private static void search(String where, String text, Set<String> secrets, List<String> found) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(where + ": " + secret);
            }
        }
    }

    /** Jupyter and nbclient, which ./lab test installs: missing, the test fails as root on Debian or in CI. */
    private static void requireJupyter() throws Exception {
        Process p = new ProcessBuilder(org.lstmlab.LabPython.path(), "-c", "import nbclient, nbformat, jupyterlab")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() == 0) {
            return;
        }
        String why = "Jupyter (nbclient, jupyterlab) is missing for " + org.lstmlab.LabPython.path()
                + "; ./lab test installs it";
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        boolean rootOnDebian =
                "root".equals(System.getProperty("user.name")) && Files.isRegularFile(Path.of("/etc/debian_version"));
        if (ci || rootOnDebian) {
            throw new AssertionError(why);
        }
        org.junit.jupiter.api.Assumptions.abort("skipped: " + why);
    }

    private record Run(int code, String output) {}

    /** Runs {@code ./lab} of a course folder (the repository or an edition) there; its output, both streams. */
    private static Run lab(Path course, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(course.resolve("lab").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("lstmlab-lab-", ".log");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(course.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 5 minutes:\n" + Files.readString(log));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
