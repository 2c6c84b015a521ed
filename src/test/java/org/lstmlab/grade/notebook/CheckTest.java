package org.lstmlab.grade.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * A student's {@code check} in the kernel leaves no process behind: the grading JVM it starts ends with it, so the
 * kernel's process tree is the kernel alone between checks (issue 25: a spare child kept beside the kernel cost
 * 122 MB of a student's memory), and neither does the sandboxed compiler's JVM (a warm-up's {@code javac}, writing a
 * class-data archive, once outlived the check that started it).
 */
class CheckTest {
    @Test
    void everyProcessACheckStartsHasEndedWhenItReturnsAndTheNextCheckStillGrades(@TempDir Path tmp) throws Throwable {
        GradingFixtures.submission(tmp.resolve("exercises"), null);
        GradingFixtures.withHome(tmp, () -> {
            Set<Long> earlier =
                    GradingFixtures.descendants(); // other test classes' graders may keep children of their own
            Report first = Check.check("E3");
            List<String> afterFirst = GradingFixtures.survivors(earlier);
            Report second = Check.check("E5");
            List<String> afterSecond = GradingFixtures.survivors(earlier);
            System.out.printf("CheckTest: first check %.2f s, second %.2f s%n", first.seconds(), second.seconds());
            assertEquals(first.maxScore(), first.score(), first.toString());
            assertEquals(second.maxScore(), second.score(), second.toString());
            assertEquals(List.of(), afterFirst, "processes the first check started and left running");
            assertEquals(List.of(), afterSecond, "processes the second check started and left running");
            assertTrue(second.childJvms() >= 1, "the second check started its own grading JVM: " + second);
        });
    }
}
