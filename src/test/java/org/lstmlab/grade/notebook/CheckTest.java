package org.lstmlab.grade.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * A student's {@code check} in the kernel leaves no process behind: the grading JVM it starts ends with it, so the
 * kernel's process tree is the kernel alone between checks (issue 25: a spare child kept beside the kernel cost
 * 122 MB of a student's memory).
 */
class CheckTest {
    @Test
    void everyProcessACheckStartsHasEndedWhenItReturnsAndTheNextCheckStillGrades(@TempDir Path tmp) throws Throwable {
        GradingFixtures.submission(tmp.resolve("exercises"), null);
        GradingFixtures.withHome(tmp, () -> {
            Set<Long> earlier = descendants(); // other test classes' graders may keep children of their own
            Report first = Check.check("E3");
            List<String> afterFirst = survivors(earlier);
            Report second = Check.check("E5");
            List<String> afterSecond = survivors(earlier);
            System.out.printf("CheckTest: first check %.2f s, second %.2f s%n", first.seconds(), second.seconds());
            assertEquals(first.maxScore(), first.score(), first.toString());
            assertEquals(second.maxScore(), second.score(), second.toString());
            assertEquals(List.of(), afterFirst, "processes the first check started and left running");
            assertEquals(List.of(), afterSecond, "processes the second check started and left running");
            assertTrue(second.childJvms() >= 1, "the second check started its own grading JVM: " + second);
        });
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Processes under this JVM that were not there before, with their command lines. */
    private static List<String> survivors(Set<Long> earlier) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> !earlier.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?").replaceAll("(.{200}).*", "$1…"))
                .toList();
    }
}
