package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.grade.report.Diagnosis;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.TestResult;

/**
 * The class report's kinds of trouble come from what the compiler and the sandbox really say: some of the hostile
 * submissions of {@code HostileSubmissionsTest}, graded, carry the diagnosis the class report files them under.
 */
class HostileDiagnosesTest extends HostileGrading {
    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("busy-loop", "E3", Diagnosis.Kind.TIMED_OUT),
                Arguments.of("thread-bomb", "E3", Diagnosis.Kind.BROKE_RULE),
                Arguments.of("socket", "E3", Diagnosis.Kind.BROKE_RULE),
                Arguments.of("exit-in-method", "E3", Diagnosis.Kind.BROKE_RULE),
                Arguments.of("class-in-grader-package", "E3", Diagnosis.Kind.BROKE_RULE),
                Arguments.of("calls-the-library", "E8", Diagnosis.Kind.BROKE_RULE),
                Arguments.of("endless-printing", "E3", Diagnosis.Kind.STOPPED),
                Arguments.of("does-not-compile", "E9", Diagnosis.Kind.DOES_NOT_COMPILE));
    }

    @ParameterizedTest(name = "{0}: {1} is diagnosed {2}")
    @MethodSource("hostile")
    void troubleIsDiagnosedAsTheClassReportFilesIt(String name, String exercise, Diagnosis.Kind kind, @TempDir Path tmp)
            throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve(name), GradingFixtures.HOSTILE.resolve(name));
        Report r = grader.grade(name, sub, GradingFixtures.only(exercise), Grader.Scope.ALL_TESTS, 11);
        ExerciseResult e = r.exercise(exercise);
        Diagnosis first = e.tests().stream()
                .map(TestResult::diagnosis)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no diagnosis in " + e));
        assertEquals(kind, first.kind(), name + ": " + first.text());
        if (kind == Diagnosis.Kind.DOES_NOT_COMPILE) {
            assertEquals("E9GradientClipping.java:11: ';' expected", first.text(), "the compiler's first message");
        }
        assertTrue(!first.text().isBlank());
    }
}
