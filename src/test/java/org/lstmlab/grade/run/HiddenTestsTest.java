package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.grade.edition.Edition;
import org.lstmlab.grade.edition.Gradescope;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.sandbox.Limits;

/**
 * Hidden tests: E7's and E8's {@link HiddenTests} classes join their exercises, run in a full grading and never
 * in a student's check, catch what the visible tests let through, and say their seed; a report of a check names
 * the points left to submission; nothing grades in full without them.
 */
class HiddenTestsTest {
    /** Clamps x_t to [−2, 2]: the visible tests draw x_t there, E7's and E8's hidden tests draw it wider. */
    private static final String CLAMP = "x = org.nd4j.linalg.ops.transforms.Transforms.min("
            + "org.nd4j.linalg.ops.transforms.Transforms.max(x, -2.0, true), 2.0, true);";

    private static Grader grader;

    @BeforeAll
    static void startGrader() throws IOException {
        grader = new Grader(GradingFixtures.COURSE, Limits.defaults().withTimes(10_000, 120_000));
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @Test
    void e7E8E10AndE11HaveHiddenTestsWorthTheirHiddenPointsAndTheOthersNone() {
        for (GradedExercise e : GradingFixtures.COURSE.all()) {
            int hidden = switch (e.id()) {
                case "E7", "E10" -> 3;
                case "E8" -> 4;
                case "E11" -> 2;
                default -> 0;
            };
            assertEquals(hidden, e.hiddenPoints(), e.id());
            assertEquals(hidden, e.pointsNotChecked(), e.id());
            assertEquals(hidden > 0 ? 1 : 0, e.hiddenClasses().size(), e.id());
            int inHidden = e.tests().stream()
                    .filter(t -> t.visibility() != Visibility.VISIBLE)
                    .mapToInt(GradedExercise.GradedTest::points)
                    .sum();
            assertEquals(hidden, inHidden, e.id() + "'s tests that are not visible");
        }
        assertTrue(GradingFixtures.COURSE.withoutHiddenTests().isEmpty());
    }

    @Test
    void aStepRightOnlyForTheVisibleInputsLosesTheHiddenPointsNamingTheSeed(@TempDir Path tmp) throws IOException {
        Path sub = clampedSubmission(tmp);
        Report all = grader.grade("clamped", sub, GradingFixtures.only("E7", "E8"), Grader.Scope.ALL_TESTS, 4);
        ExerciseResult e7 = all.exercise("E7");
        assertEquals(9, e7.score(), all.toString());
        assertEquals(12, e7.maxScore(), all.toString());
        assertTrue(e7.feedback().matches("(?s).*seed 10[56], B=.*"), "the hidden case's seed: " + e7.feedback());
        assertTrue(e7.feedback().contains("each fed the h_t and C_t your previous step returned"), e7.feedback());
        ExerciseResult e8 = all.exercise("E8");
        assertEquals(19, e8.score(), "the saturated case fails, dc = 0 and two chained steps pass:\n" + all);
        assertTrue(e8.feedback().matches("(?s).*seed 10[56], B=.*"), e8.feedback());
        assertTrue(all.notChecked().isEmpty());
        assertNull(all.hiddenLine());

        Report visible = grader.grade("clamped", sub, GradingFixtures.only("E7", "E8"), Grader.Scope.VISIBLE_TESTS, 4);
        assertEquals(9 + 16, visible.score(), visible.toString());
        assertEquals(9 + 16, visible.maxScore(), visible.toString());
        for (ExerciseResult e : visible.exercises()) {
            assertTrue(e.tests().stream().allMatch(t -> t.visibility().equals("visible")), e.id());
        }
    }

    @Test
    void aChecksReportSaysUnderItsTableWhatIsGradedAtSubmission() {
        Map<String, Integer> hidden = new LinkedHashMap<>(); // in course order, as Check gives it
        hidden.put("E7", 3);
        hidden.put("E8", 4);
        Report r = new Report("exercises", 5, List.of(), 1, 1, hidden);
        String line = "hidden tests worth 7 more points (E7 3, E8 4) are graded when you submit: this check runs the"
                + " visible tests only";
        assertEquals(line, r.hiddenLine());
        assertTrue(r.toString().endsWith(line + System.lineSeparator()), r.toString());
        assertTrue(r.toHtml().endsWith("<p class=\"lstmlab-hidden\">" + line + "</p>"), r.toHtml());
    }

    @Test
    void withoutTheHiddenTestsNeitherTheBundleNorAnEditionIsMade(@TempDir Path tmp) {
        ExerciseCatalog visibleOnly = ExerciseCatalog.of(
                getClass().getClassLoader(),
                List.of(GradingFixtures.COURSE.byId("E7").testClass()));
        assertEquals(
                List.of("E7"),
                visibleOnly.withoutHiddenTests().stream()
                        .map(GradedExercise::id)
                        .toList());
        String bundle = assertThrows(
                        IllegalStateException.class,
                        () -> Gradescope.writeBundle(tmp.resolve("autograder.zip"), visibleOnly))
                .getMessage();
        assertTrue(bundle.contains("the hidden tests of E7 are not here"), bundle);
        String edition = assertThrows(
                        IllegalStateException.class,
                        () -> Edition.writeLib(tmp.resolve("lib"), visibleOnly, tmp.resolve("none")))
                .getMessage();
        assertTrue(edition.contains("a student edition is made in the course repository"), edition);
    }

    /** The reference solutions, with E7's and E8's x_t clamped to the range the visible tests draw from. */
    private static Path clampedSubmission(Path tmp) throws IOException {
        Path sub = GradingFixtures.submission(tmp.resolve("clamped"), null);
        for (String name : List.of("E7LstmStep.java", "E8LstmBackward.java")) {
            Path file = sub.resolve("org/lstmlab/exercises").resolve(name);
            String source = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(source.contains("// BEGIN SOLUTION"), name);
            Files.writeString(
                    file, source.replace("// BEGIN SOLUTION", "// BEGIN SOLUTION\n" + CLAMP), StandardCharsets.UTF_8);
        }
        return sub;
    }
}
