package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile submission of issue 5 (under {@code src/test/resources/hostile/}): grading finishes,
 * writes a valid report, gives the affected exercise 0 with a clear message and grades another
 * exercise of the same submission normally.
 */
class HostileSubmissionsTest {
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        // short call limit so the endless loops end quickly; a generous JVM limit for a busy machine
        grader = new Grader(Limits.defaults().withTimes(4_000, 90_000), 2);
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("exit-in-method", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("halt-in-method", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("exit-in-static-initialiser", "E3", "E5", "not call System.exit or Runtime.halt"),
                Arguments.of("exit-in-shutdown-hook", "E3", "E5", "registered a shutdown hook"),
                Arguments.of("busy-loop", "E3", "E5", "did not return within 4.0 s"),
                Arguments.of("thread-bomb", "E3", "E5", "thread bomb"),
                Arguments.of("thread-left-running", "E3", "E5", "left a thread running (\"keeps-running\")"),
                Arguments.of("endless-printing", "E3", "E5", "printed more than 64 KB"),
                Arguments.of("forged-report", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("huge-heap", "E3", "E5", "ran out of memory"),
                Arguments.of("huge-off-heap", "E3", "E5", "ran out of memory"),
                Arguments.of(
                        "read-tests-and-solutions", "E3", "E5", "found nothing to copy from (at E3ForgetGate.java"),
                Arguments.of(
                        "reflection-on-grader",
                        "E3",
                        "E5",
                        "reflection found nothing of the grader (at E3ForgetGate.java"),
                Arguments.of("lying-equals", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("test-aborted", "E3", "E5", "package org.opentest4j does not exist"),
                Arguments.of("swallowed-assertions", "E3", "E5", "f_t is wrong at [0, 0]"),
                Arguments.of("hard-coded-answers", "E3", "E5", "Hard-coded answers score 0"),
                Arguments.of("static-state", "E5", "E3", "C_t is wrong at [0, 0]"),
                Arguments.of("socket", "E3", "E5", "opened a network socket"),
                Arguments.of("process", "E3", "E5", "started a process"),
                Arguments.of("class-in-java-package", "E3", "E5", "E3ForgetGate.java does not compile"),
                Arguments.of("class-in-grader-package", "E3", "E5", "must stay in package org.lstmlab.exercises"),
                Arguments.of("class-in-junit-package", "E3", "E5", "must stay in package org.lstmlab.exercises"),
                Arguments.of(
                        "does-not-compile",
                        "E9",
                        "E5",
                        "E9GradientClipping.java does not compile:\n  E9GradientClipping.java:11: ';' expected"),
                Arguments.of("wrong-signature", "E3", "E5", "has no public static method forgetGate"),
                Arguments.of(
                        "calls-the-library",
                        "E8",
                        "E5",
                        "E8 must be your own code, but E8LstmBackward calls org.lstmlab.nn.LstmCell"));
    }

    @ParameterizedTest(name = "{0}: {1} scores 0 with a clear message, {2} is graded normally")
    @MethodSource("hostile")
    void hostileSubmissionScoresZeroOnlyWhereItCheats(
            String name, String affected, String other, String message, @TempDir Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve(name), GradingFixtures.HOSTILE.resolve(name));
        Report r = grader.grade(name, sub, List.of(Exercises.byId(affected), Exercises.byId(other)), 11);

        ExerciseResult bad = r.exercise(affected);
        ExerciseResult good = r.exercise(other);
        assertEquals(0, bad.score(), name + ": " + bad.feedback());
        assertTrue(bad.feedback().contains(message), name + " feedback names the cause: " + bad.feedback());
        assertEquals(good.maxScore(), good.score(), name + " leaves " + other + " graded normally: " + good.feedback());
        Path results = Submissions.writeResults(tmp.resolve("out"), r);
        Map<String, Object> json = GradingFixtures.validResultsJson(results);
        assertEquals((double) good.maxScore(), (Double) json.get("score"), "results.json holds the parent's score");
        assertFalse(Files.readString(results).contains("Tests run: 9"), "nothing the child printed reaches the report");
    }

    @Test
    void aSubmissionThatDeletesAndForgesTheResultsFolderCannotChangeTheResults(@TempDir Path unused)
            throws IOException {
        Path root = Files.createTempDirectory("lstmlab-gradescope-");
        try {
            GradingFixtures.submission(root.resolve("submission"), GradingFixtures.HOSTILE.resolve("delete-results"));
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results/results.json"), "stale");
            Report r = Gradescope.runAutograder(
                    root,
                    Limits.defaults().withTimes(4_000, 90_000),
                    List.of(Exercises.byId("E3"), Exercises.byId("E5")));
            Map<String, Object> json = GradingFixtures.validResultsJson(root.resolve("results/results.json"));
            assertEquals(0, r.exercise("E3").score(), r.exercise("E3").feedback());
            assertTrue(
                    r.exercise("E3").feedback().contains("f_t is wrong"),
                    r.exercise("E3").feedback());
            assertEquals(8.0, (Double) json.get("score"), "only E5's 8 points, not the forged 100");
        } finally {
            root.resolve("results").toFile().setWritable(true);
            Grader.deleteQuietly(root);
        }
    }
}
