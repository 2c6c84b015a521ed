package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lstmlab.grade.sandbox.Limits;

/**
 * The grader the hostile suites ({@code HostileSubmissionsTest}, {@code HostileDiagnosesTest}) grade with: one per
 * test class, started before its first test and closed after its last (test classes run one after another).
 */
abstract class HostileGrading {
    /** Short call limits so the endless loops end quickly, a generous exercise limit for a busy machine, 8 MB of files. */
    static final Limits LIMITS = Limits.defaults().withTimes(4_000, 90_000).withFileMb(8);

    static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        grader = new Grader(GradingFixtures.COURSE, LIMITS);
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    /**
     * The attacks below act with the grader's rights unless the OS sandbox stops them, so they run only inside it:
     * without bubblewrap they fail (never skip) — {@code ./lab test} installs it.
     */
    static void requireOsSandbox() {
        assertTrue(
                grader.isolation().isolated(),
                "these hostile cases need the OS sandbox, but "
                        + grader.isolation().describe()
                        + ": ./lab test installs bubblewrap (apt-get install bubblewrap)");
    }
}
