package org.lstmlab.grade.run;

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
}
