package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;

/**
 * The util-linux {@code unshare} route, taken where bubblewrap is missing ({@code lstmlab.sandbox.noBwrap=1} hides
 * it): the machine's sandbox is then {@code unshare}, and it stops what bubblewrap stops — a submission that kills
 * every process it sees or writes wherever it can find costs no classmate a grade and changes nothing; one that
 * connects to a port the machine listens on is refused; a process it detaches does not outlive grading.
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
        Path batch = Files.createDirectories(tmp.resolve("class"));
        Path out = Files.createDirectories(tmp.resolve("grades"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        GradingFixtures.submission(
                batch.resolve("killer"), GradingFixtures.HOSTILE.resolve("kills-parent-and-siblings"));
        HostileSubmissionsTest.templated(
                batch.resolve("writer"),
                "writes-everywhere",
                Map.of(
                        "REPO",
                        GradingFixtures.HOME.toString(),
                        "SUBMISSIONS",
                        batch.toString(),
                        "OUT",
                        out.toString()));
        Map<String, String> before = GradingFixtures.fingerprint(batch);
        Map<String, String> solutions = GradingFixtures.fingerprint(GradingFixtures.SOLUTIONS);

        List<Report> reports = grader.gradeAll(
                Submissions.discover(List.of(batch)),
                GradingFixtures.only("E3", "E5"),
                Grader.Scope.ALL_TESTS,
                11,
                3,
                new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(3, reports.size(), "every student has a report");
        for (Report r : reports) {
            assertEquals(r.maxScore(), r.score(), r.student() + " is graded in full: " + r);
        }
        assertEquals(before, GradingFixtures.fingerprint(batch), "the submissions folder is unchanged byte for byte");
        assertEquals(Map.of("", "dir"), GradingFixtures.fingerprint(out), "the output folder is unchanged");
        assertEquals(solutions, GradingFixtures.fingerprint(GradingFixtures.SOLUTIONS), "solutions/ is unchanged");
        try (Stream<Path> walk = Files.walk(GradingFixtures.HOME, 3)) {
            assertEquals(
                    List.of(),
                    walk.filter(p -> p.getFileName().toString().startsWith("PWNED"))
                            .toList(),
                    "nothing written into the course repository");
        }
    }

    @Test
    void aConnectionToTheMachineIsRefusedAndADetachedProcessDoesNotOutliveGrading(@TempDir Path tmp) throws Exception {
        HostileSubmissionsTest.connectionIsRefused(grader, tmp.resolve("net"));
        HostileSubmissionsTest.nothingDetachedOutlivesGrading(grader, tmp.resolve("setsid"));
    }
}
