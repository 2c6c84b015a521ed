package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;

/**
 * The util-linux {@code unshare} route, taken where bubblewrap is missing ({@code lstmlab.sandbox.noBwrap=1} hides
 * it): the machine's sandbox is then {@code unshare}, and it stops what bubblewrap stops — a submission that kills
 * every process it sees or writes wherever it can find costs no classmate a grade and changes nothing; one that
 * connects to a port the machine listens on is refused; a process it detaches does not outlive grading; one that lists
 * {@code /proc} sees no grader and no classmate.
 */
class UnshareSandboxTest {
    private static final Limits LIMITS =
            Limits.defaults().withTimes(4_000, 90_000).withFileMb(8);

    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        System.setProperty("lstmlab.sandbox.noBwrap", "1");
        try {
            OsSandbox os = OsSandbox.detect();
            assertEquals(
                    OsSandbox.Kind.UNSHARE,
                    os.kind(),
                    "without bwrap the sandbox is unshare's (util-linux, root or user namespaces): " + os.describe());
            grader = new Grader(GradingFixtures.COURSE, LIMITS, os);
        } finally {
            System.clearProperty("lstmlab.sandbox.noBwrap");
        }
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @Test
    void killingEverythingItSeesOrWritingEverywhereCostsNoClassmateAGradeAndChangesNothing(@TempDir Path tmp)
            throws IOException {
        HostileSubmissionsTest.killingEverythingCostsNoClassmateAGrade(grader, tmp.resolve("kill"));
        HostileSubmissionsTest.writingEverywhereChangesNothing(grader, tmp.resolve("write"));
    }

    @Test
    void aConnectionToTheMachineIsRefusedAndADetachedProcessDoesNotOutliveGrading(@TempDir Path tmp) throws Exception {
        HostileSubmissionsTest.connectionIsRefused(grader, tmp.resolve("net"));
        HostileSubmissionsTest.nothingDetachedOutlivesGrading(grader, tmp.resolve("setsid"));
    }

    @Test
    void aSubmissionThatListsProcSeesNoGraderAndNoClassmate(@TempDir Path tmp) throws IOException {
        HostileSubmissionsTest.seesNoOneElse(grader, tmp);
    }

    @Test
    void aSubmissionFillsNeitherTheMemoryThroughItsPrivateTmpNorTheDiskThroughItsJobFolder(@TempDir Path tmp)
            throws IOException {
        HostileSubmissionsTest.fillsNeitherMemoryNorDisk(grader, tmp);
    }
}
