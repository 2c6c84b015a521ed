package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.sandbox.Limits;

/** An exercise's calls share one time budget: a slow exercise stops, the others are graded. */
class TimeLimitsTest {
    @Test
    void anExerciseWhoseCallsUseUpItsTimeStopsAndTheOthersAreGraded(@TempDir Path tmp) throws IOException {
        Path sub =
                GradingFixtures.submission(tmp.resolve("slow"), GradingFixtures.RESOURCES.resolve("submissions/slow"));
        try (Grader g = new Grader(GradingFixtures.COURSE, Limits.defaults().withTimes(4_000, 4_000))) {
            Report r = g.grade("slow", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 9);
            ExerciseResult e3 = r.exercise("E3");
            assertEquals(0, e3.score(), e3.tests().toString());
            assertTrue(
                    e3.feedback().startsWith("its calls took more than 4 s together, so grading stopped"),
                    e3.feedback());
            assertTrue(r.seconds() < 30, "the later calls of E3 do not run: " + r.seconds() + " s");
            assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
        }
    }
}
