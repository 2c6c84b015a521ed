package org.lstmlab.grade.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * An exercise class run the way an IDE runs it, without the grader: it grades the course's
 * {@code solutions/}, or the folder {@code lstmlab.submission} names, with the seed {@code lstmlab.seed}.
 */
class StudentCodeExtensionTest {
    private static TestExecutionSummary run(String submission) {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(
                        GradingFixtures.COURSE.byId("E5").testClass()))
                .configurationParameter("lstmlab.seed", "5");
        if (submission != null) {
            request.configurationParameter("lstmlab.submission", submission);
        }
        var summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), summary);
        return summary.getSummary();
    }

    @Test
    void anExerciseClassRunOnItsOwnPassesOnTheSolutions() {
        TestExecutionSummary s = run(null);
        assertEquals(0, s.getTotalFailureCount(), s.getFailures().toString());
        assertEquals(
                8,
                s.getTestsSucceededCount(),
                "the fixed case, three randomised cases, the keep-and-write case; the cell path's fixed case and two"
                        + " randomised cases");
    }

    @Test
    void anExerciseClassRunOnTheStarterCodeFailsEveryTestSayingWhy() {
        TestExecutionSummary s = run(GradingFixtures.EXERCISES.toString());
        assertEquals(0, s.getTestsSucceededCount());
        assertTrue(s.getTotalFailureCount() > 0);
        for (var f : s.getFailures()) {
            assertTrue(
                    f.getException()
                            .getMessage()
                            .matches("not implemented yet: replace the TODO in E5CellState\\.(cellState|cellPath) .*"),
                    f.getException().getMessage());
        }
    }
}
