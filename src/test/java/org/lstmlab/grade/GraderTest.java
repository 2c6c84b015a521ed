package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader on the reference solutions, the generated starter code, zips and the self-check. */
class GraderTest {
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        grader = new Grader(Limits.defaults().withTimes(10_000, 120_000), 2);
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @Test
    void theReferenceSolutionsScore100Of100(@TempDir Path tmp) throws IOException {
        Report r = grader.grade("solutions", GradingFixtures.SOLUTIONS, Exercises.ALL, Grader.randomSeed());
        assertEquals(100, r.score(), r.toString());
        assertEquals(100, r.maxScore());
        GradingFixtures.validResultsJson(Submissions.writeResults(tmp, r));
    }

    @Test
    void theGeneratedExercisesScore0WithANotImplementedHintForEachAndNoCrash() throws IOException {
        Report r = grader.grade("exercises", GradingFixtures.EXERCISES, Exercises.ALL, 3);
        assertEquals(0, r.score(), r.toString());
        for (ExerciseResult e : r.exercises()) {
            assertTrue(
                    e.feedback()
                            .startsWith("not implemented yet: replace the TODO in "
                                    + e.exercise().className()),
                    e.exercise().id() + ": " + e.feedback());
        }
    }

    @Test
    void aZippedSubmissionIsGradedLikeAFolder(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("bob.zip");
        try (OutputStream f = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(f)) {
            Path src = GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises/E5CellState.java");
            out.putNextEntry(new ZipEntry("exercises/org/lstmlab/exercises/E5CellState.java"));
            out.write(Files.readAllBytes(src));
            out.closeEntry();
        }
        Report r = grader.grade("bob", zip, List.of(Exercises.byId("E5"), Exercises.byId("E1")), 4);
        assertEquals(8, r.exercise("E5").score(), r.toString());
        assertEquals("E1RnnStep.java is not in the submission", r.exercise("E1").feedback());
    }

    @Test
    void aZipWhoseEntriesPointOutsideItScores0WithoutWritingThere(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("evil.zip");
        try (OutputStream f = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(f)) {
            out.putNextEntry(new ZipEntry("../../escaped.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }
        Report r = grader.grade("evil", zip, List.of(Exercises.byId("E5")), 4);
        assertEquals(0, r.score());
        assertTrue(
                r.exercise("E5").feedback().contains("points outside the zip"),
                r.exercise("E5").feedback());
    }

    @Test
    void e7UsesTheStudentsOwnGatesAndSaysWhichOneIsMissing(@TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Files.copy(
                GradingFixtures.EXERCISES.resolve("org/lstmlab/exercises/E4InputGate.java"),
                sub.resolve("org/lstmlab/exercises/E4InputGate.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Report r = grader.grade("s", sub, List.of(Exercises.byId("E7")), 4);
        assertEquals(0, r.score());
        assertTrue(
                r.exercise("E7")
                        .feedback()
                        .startsWith("E7 calls an exercise that is not implemented yet (E4 (input gate and candidate)"),
                r.exercise("E7").feedback());
    }

    @Test
    void aPathThatIsNeitherFolderNorZipIsRejected(@TempDir Path tmp) {
        var e = assertThrows(
                IllegalArgumentException.class, () -> grader.grade("x", tmp.resolve("missing"), Exercises.ALL, 1));
        assertTrue(e.getMessage().endsWith("missing does not exist"), e.getMessage());
    }

    @Test
    void checkGradesTheStudentsExercisesFolderFoundFromTheHomeProperty(@TempDir Path tmp) throws IOException {
        GradingFixtures.submission(tmp.resolve("exercises"), null);
        String before = System.getProperty("lstmlab.home");
        System.setProperty("lstmlab.home", tmp.toString());
        try {
            Report r = Check.check("e5");
            assertEquals(1, r.exercises().size());
            assertEquals(8, r.score(), r.toString());
            assertTrue(r.toString().contains("E5 cell-state update"), r.toString());
            assertTrue(r.toHtml().startsWith("<table") && r.toHtml().contains("<td>8/8</td>"), r.toHtml());
        } finally {
            if (before == null) System.clearProperty("lstmlab.home");
            else System.setProperty("lstmlab.home", before);
        }
    }
}
