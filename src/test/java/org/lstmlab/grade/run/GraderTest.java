package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.notebook.Check;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.ResultsJson;
import org.lstmlab.grade.sandbox.Limits;

/** The grader on the reference solutions, the generated starter code, zips, honest odd submissions and the self-check. */
class GraderTest {
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        grader = new Grader(GradingFixtures.COURSE, Limits.defaults().withTimes(10_000, 120_000));
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @Test
    void theGradersNd4jRunsOnOneThreadEvenWhereOmpNumThreadsIsNotSet() throws Exception {
        // surefire sets OMP_NUM_THREADS=1 for this JVM; a grader started without it (./lab, run_autograder) has two
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OneNativeThread.class.getName());
        pb.environment().remove("OMP_NUM_THREADS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains(", after 1"), out); // "before 2" on two cores or more
    }

    /** Prints ND4J's thread count in a JVM without OMP_NUM_THREADS, before and after the grader's setting. */
    static final class OneNativeThread {
        public static void main(String[] args) {
            var env = org.nd4j.linalg.factory.Nd4j.getEnvironment();
            int before = env.maxMasterThreads();
            Grader.oneNativeThread();
            System.out.println("ND4J threads before " + before + ", after " + env.maxMasterThreads());
        }
    }

    @Test
    void everyExerciseClassPassesOnTheReferenceSolutionsForFullMarks(@TempDir Path tmp) throws IOException {
        Report r = grader.grade(
                "solutions",
                GradingFixtures.SOLUTIONS,
                GradingFixtures.COURSE.all(),
                Grader.Scope.ALL_TESTS,
                Grader.randomSeed());
        assertEquals(11, r.exercises().size(), r.toString());
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            ExerciseResult x = r.exercise(e.id());
            assertEquals(e.points(), x.score(), e.id() + ": " + x.feedback());
            assertEquals(e.tests().size(), x.tests().size(), e.id() + " reports every graded test");
            assertEquals("all tests pass", x.feedback());
        }
        assertEquals(122, r.score(), r.toString());
        assertEquals(122, r.maxScore());
        GradingFixtures.validResultsJson(ResultsJson.write(tmp, r));
    }

    @Test
    void everyExerciseOfTheStarterCodeScores0SayingItIsNotImplementedYet() throws IOException {
        Report r = grader.grade(
                "exercises", GradingFixtures.EXERCISES, GradingFixtures.COURSE.all(), Grader.Scope.ALL_TESTS, 3);
        assertEquals(0, r.score(), r.toString());
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            ExerciseResult x = r.exercise(e.id());
            String method = e.equations().keySet().iterator().next();
            assertTrue(
                    x.feedback()
                            .startsWith("not implemented yet: replace the TODO in " + e.className() + "." + method
                                    + " with " + e.equations().get(method) + " (notebook " + e.notebook() + ")"),
                    e.id() + ": " + x.feedback());
            assertTrue(
                    x.tests().stream()
                            .allMatch(t -> t.score() == 0 && t.output().contains("not implemented yet")),
                    e.id() + ": " + x.tests());
        }
    }

    @Test
    void oneChildJvmGradesAWholeSubmissionAndANewOneTakesOverWhenItDies(@TempDir Path tmp) throws IOException {
        Report whole = grader.grade(
                "solutions", GradingFixtures.SOLUTIONS, GradingFixtures.only("E1", "E5"), Grader.Scope.ALL_TESTS, 2);
        assertEquals(18, whole.score(), whole.toString());
        assertEquals(1, whole.childJvms(), "one child JVM for the whole submission");
        Path sub = GradingFixtures.submission(tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("exit-in-method"));
        Report r = grader.grade("s", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 2);
        assertEquals(0, r.exercise("E3").score());
        assertTrue(
                r.exercise("E3").tests().stream().allMatch(t -> t.output().contains("System.exit")),
                "every test of E3 says why, the later ones without running: "
                        + r.exercise("E3").tests());
        assertEquals(8, r.exercise("E5").score(), r.toString());
        assertEquals(2, r.childJvms(), "E3's first call ends its child; E3 stops, E5 runs in a new one");
    }

    @Test
    void aZippedSubmissionIsGradedLikeAFolder(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("bob.zip");
        try (OutputStream f = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(f)) {
            out.putNextEntry(new ZipEntry("exercises/org/lstmlab/exercises/E5CellState.java"));
            out.write(Files.readAllBytes(GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises/E5CellState.java")));
            out.closeEntry();
        }
        Report r = grader.grade("bob", zip, GradingFixtures.only("E5", "E1"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(8, r.exercise("E5").score(), r.toString());
        assertEquals("E1RnnStep.java is not in the submission", r.exercise("E1").feedback());
        assertTrue(
                r.exercise("E1").tests().stream()
                        .allMatch(t -> t.output().equals("E1RnnStep.java is not in the submission")),
                "every test of E1 says why it earns nothing");
    }

    @Test
    void aZipWhoseEntriesPointOutsideItScores0WithoutWritingThere(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("evil.zip");
        try (OutputStream f = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(f)) {
            out.putNextEntry(new ZipEntry("../../escaped.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Report r = grader.grade("evil", zip, GradingFixtures.only("E5"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(0, r.score());
        assertTrue(
                r.exercise("E5").feedback().contains("points outside the zip"),
                r.exercise("E5").feedback());
        assertFalse(Files.exists(tmp.getParent().resolve("escaped.txt")));
    }

    @Test
    void e7UsesTheStudentsOwnGatesAndSaysWhichOneIsMissing(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Files.copy(
                GradingFixtures.EXERCISES.resolve("org/lstmlab/exercises/E4InputGate.java"),
                sub.resolve("org/lstmlab/exercises/E4InputGate.java"),
                StandardCopyOption.REPLACE_EXISTING);
        Report r = grader.grade("s", sub, GradingFixtures.only("E7"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(0, r.score());
        assertTrue(
                r.exercise("E7")
                        .feedback()
                        .startsWith("E7 calls an exercise that is not implemented yet (E4 (input gate and candidate)"),
                r.exercise("E7").feedback());
        Files.delete(sub.resolve("org/lstmlab/exercises/E4InputGate.java"));
        r = grader.grade("s", sub, GradingFixtures.only("E7", "E3"), Grader.Scope.ALL_TESTS, 4);
        assertTrue(
                r.exercise("E7")
                        .feedback()
                        .startsWith("E7 calls your E4InputGate, but E4InputGate.java is not in the" + " submission"),
                r.exercise("E7").feedback());
        assertEquals(
                8,
                r.exercise("E3").score(),
                "E3 does not need E4: " + r.exercise("E3").feedback());
    }

    @Test
    void aFileSavedByAWindowsEditorIsAcceptedByteOrderMarkAndCrlfLineEndsAndAll(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Path e3 = sub.resolve("org/lstmlab/exercises/E3ForgetGate.java");
        String text = Files.readString(e3).replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Files.write(e3, bytes);
        Report r = grader.grade("windows", sub, GradingFixtures.only("E3", "E7"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(8, r.exercise("E3").score(), r.exercise("E3").feedback());
        assertEquals(
                12,
                r.exercise("E7").score(),
                "E7 uses that E3: " + r.exercise("E7").feedback());
    }

    @Test
    void anExerciseMayCallAHelperClassInAFileOfItsOwn(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(
                tmp.resolve("s"), GradingFixtures.RESOURCES.resolve("submissions/helper-class"));
        Report r = grader.grade("helper", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(8, r.exercise("E3").score(), r.exercise("E3").feedback());
        assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
    }

    @Test
    void aHelperClassIsHeldToTheSameRulesAsTheExercise(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(
                tmp.resolve("s"), GradingFixtures.RESOURCES.resolve("submissions/helper-class"));
        Path gates = sub.resolve("org/lstmlab/exercises/Gates.java");
        Files.writeString(
                gates,
                Files.readString(gates)
                        .replace(
                                "static INDArray sigmoidGate(",
                                "static Object cell(org.lstmlab.nn.LstmParams p) {\n        return new org.lstmlab.nn.LstmCell(p);\n    }\n\n"
                                        + "    static INDArray sigmoidGate("));
        Report r = grader.grade("helper", sub, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(0, r.score());
        assertTrue(
                r.exercise("E3")
                        .feedback()
                        .startsWith("E3 must be your own code, but Gates calls org.lstmlab.nn.LstmCell"),
                r.exercise("E3").feedback());
    }

    @Test
    void whatAChildWritesStaysInItsJobFolderAndGoesWithIt(@TempDir Path tmp) throws IOException {
        Path systemTmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = scratch(systemTmp);
        Path sub = GradingFixtures.submission(
                tmp.resolve("s"), GradingFixtures.RESOURCES.resolve("submissions/temp-files"));
        Report r = grader.grade("scratch", sub, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 4);
        assertEquals(8, r.score(), r.toString());
        assertEquals(before, scratch(systemTmp), "the child's java.io.tmpdir is not the machine's temporary folder");
        try (Stream<Path> left = Files.walk(grader.work())) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith("lstmlab-scratch-"))
                            .toList(),
                    "the child's folders are removed after grading");
        }
    }

    private static List<Path> scratch(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("lstmlab-scratch-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aPathThatIsNeitherFolderNorZipIsRejected(@TempDir Path tmp) {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> grader.grade(
                        "x", tmp.resolve("missing"), GradingFixtures.COURSE.all(), Grader.Scope.ALL_TESTS, 1));
        assertTrue(e.getMessage().endsWith("missing does not exist"), e.getMessage());
    }

    @Test
    void checkGradesTheStudentsExercisesFolderFoundFromTheHomeProperty(@TempDir Path tmp) throws Throwable {
        GradingFixtures.submission(tmp.resolve("exercises"), null);
        GradingFixtures.withHome(tmp, () -> {
            Report r = Check.check("e5");
            assertEquals(1, r.exercises().size());
            assertEquals(8, r.score(), r.toString());
            assertTrue(r.toString().contains("E5 cell-state update"), r.toString());
            assertTrue(r.toHtml().startsWith("<table") && r.toHtml().contains("<td>8/8</td>"), r.toHtml());
            var e = assertThrows(IllegalArgumentException.class, () -> Check.check("E12"));
            assertEquals(
                    "no exercise E12: the exercises are E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11", e.getMessage());
        });
    }
}
