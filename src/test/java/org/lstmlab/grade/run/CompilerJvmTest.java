package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;

/**
 * In the OS sandbox, one compiler JVM serves every submission a grader compiles (starting {@code javac} for each cost
 * a third of a submission's CPU time), a source that breaks it costs only its own exercise and the next submission
 * gets a fresh one, and {@link Grader#idle} ends it, so nothing a check started outlives the check. Without a sandbox
 * the grader's own compiler is used and no compiler JVM starts.
 */
class CompilerJvmTest {
    private static final List<GradedExercise> TWO = GradingFixtures.only("E3", "E6");

    @Test
    void oneCompilerJvmCompilesEverySubmissionAndIdleEndsIt(@TempDir Path tmp) throws Exception {
        OsSandbox os = OsSandbox.detect();
        Set<Long> earlier = GradingFixtures.descendants();
        try (Grader g = new Grader(GradingFixtures.COURSE, Limits.defaults(), os)) {
            for (int k = 1; k <= 3; k++) {
                Report r = g.grade(
                        "student" + k,
                        GradingFixtures.submission(tmp.resolve("s" + k), null),
                        TWO,
                        Grader.Scope.ALL_TESTS,
                        k);
                assertEquals(r.maxScore(), r.score(), r.toString());
            }
            assertEquals(os.isolated() ? 1 : 0, g.compilersStarted(), "compiler JVMs for three submissions, " + os);
            g.idle();
            assertEquals(
                    List.of(), GradingFixtures.survivors(earlier), "processes left running once the grader is idle");
            Report again = g.grade(
                    "after", GradingFixtures.submission(tmp.resolve("after"), null), TWO, Grader.Scope.ALL_TESTS, 4);
            assertEquals(again.maxScore(), again.score(), again.toString());
            assertEquals(os.isolated() ? 2 : 0, g.compilersStarted(), "an idle grader starts its compiler again");
        }
        assertEquals(List.of(), GradingFixtures.survivors(earlier), "processes left running once the grader is closed");
    }

    @Test
    void aSourceThatBreaksTheCompilerCostsItsExerciseAndTheNextSubmissionCompiles(@TempDir Path tmp) throws Exception {
        Path bad = GradingFixtures.submission(tmp.resolve("bad"), null);
        Path e3 = bad.resolve("org/lstmlab/exercises/E3ForgetGate.java");
        String text = Files.readString(e3);
        String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000); // overflows the compiler's stack
        Files.writeString(e3, text.substring(0, text.lastIndexOf('}')) + "static final int DEEP = " + deep + ";\n}\n");
        try (Grader g = new Grader(GradingFixtures.COURSE, Limits.defaults(), OsSandbox.detect())) {
            Report broken = g.grade("bad", bad, TWO, Grader.Scope.ALL_TESTS, 1);
            assertEquals(0, broken.exercise("E3").score(), broken.exercise("E3").feedback());
            assertTrue(
                    broken.exercise("E3").feedback().contains("E3ForgetGate.java does not compile"),
                    broken.exercise("E3").feedback());
            assertEquals(
                    10, broken.exercise("E6").score(), broken.exercise("E6").feedback());
            Report next = g.grade(
                    "next", GradingFixtures.submission(tmp.resolve("next"), null), TWO, Grader.Scope.ALL_TESTS, 2);
            assertEquals(next.maxScore(), next.score(), next.toString());
        }
    }
}
