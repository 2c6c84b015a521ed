package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.TestResult;
import org.lstmlab.grade.sandbox.Limits;

/**
 * The feedback that diagnoses: each common mistake under {@code src/test/resources/mistakes/},
 * graded like a student's submission, scores nothing on its exercise and is told what it did.
 */
class FeedbackTest {
    /** Each mistake, its exercise, and how its feedback must start. */
    private static final Map<String, List<String>> MISTAKES = Map.ofEntries(
            Map.entry("e1-transposed", List.of("E1", "h_t must have shape [2, 4] but has [4, 2]: rows are examples")),
            Map.entry(
                    "e2-reversed",
                    List.of(
                            "E2",
                            "your norms are in reverse order: norms[t] is ‖∂h_T/∂h_t‖, so norms[0]"
                                    + " reaches back furthest (fixed case")),
            Map.entry(
                    "e3-tanh",
                    List.of(
                            "E3",
                            "f_t equals tanh(W_f·[h_{t-1}, x_t] + b_f): did you use tanh instead of σ? A"
                                    + " gate's values lie in (0, 1) (fixed case (seed 7, B=2, X=3, H=4))")),
            Map.entry(
                    "e3-x-first",
                    List.of("E3", "your result equals σ(W_f·[x_t, h_{t-1}] + b_f): the course concatenates h first")),
            Map.entry(
                    "e5-no-forget",
                    List.of(
                            "E5",
                            "C_t equals C_{t-1} + i_t * C̃_t: right only where f_t = 1; check the f_t *"
                                    + " C_{t-1} term")),
            Map.entry(
                    "e5-mean-path",
                    List.of(
                            "E5",
                            "your norms are the mean over the units of their products: ‖F_{T,t}‖₂ of a diagonal"
                                    + " matrix is its largest |entry|")),
            Map.entry("e6-no-tanh", List.of("E6", "h_t equals o_t * C_t: did you forget tanh(C_t)?")),
            Map.entry(
                    "e7-swapped-state",
                    List.of("E7", "your State holds C_t where h_t belongs and h_t where C_t belongs")),
            Map.entry(
                    "e8-no-dc",
                    List.of("E8", "every gradient would be right if dc were 0: add dc, the ∂L/∂C_t from later steps")),
            Map.entry(
                    "e9-per-array",
                    List.of("E9", "each array was clipped by its own norm: use one global norm over all arrays")),
            Map.entry("e11-times-tau", List.of("E11", "p equals softmax(ŷ · τ): divide the scores by τ")),
            Map.entry("e11-no-max", List.of("E11", "p holds NaN or ∞ for large scores: exp(ŷ/τ) overflowed")),
            Map.entry(
                    "e11-argmax", List.of("E11", "sample returned the likeliest index (argmax): draw from p instead")),
            Map.entry(
                    "e10-reset-before-product",
                    List.of(
                            "E10",
                            "your h_t uses W_hn·(r_t * h_{t-1}) + b_hn: the reset gate was applied to h_{t-1} before"
                                    + " the product with W_hn")),
            Map.entry(
                    "e10-swapped-update",
                    List.of("E10", "your h_t is z_t * n_t + (1 − z_t) * h_{t-1}: z_t and 1 − z_t are swapped")),
            Map.entry(
                    "e8-no-tanh-slope",
                    List.of(
                            "E8",
                            "the first wrong quantity along the backward chain is ∂L/∂C_t: ∂L/∂C_{t-1} and the"
                                    + " gradients of f_t, i_t and C̃_t are all wrong while those of o_t are right")));

    private static Grader grader;
    private static Map<String, Report> reports;

    @BeforeAll
    static void gradeEveryMistake(@TempDir Path tmp) throws IOException {
        grader = new Grader(GradingFixtures.COURSE, Limits.defaults());
        List<Submissions.Submission> subs = new ArrayList<>();
        List<GradedExercise> exercises = new ArrayList<>();
        for (Map.Entry<String, List<String>> m : MISTAKES.entrySet()) {
            Path sub = GradingFixtures.submission(
                    tmp.resolve(m.getKey()),
                    GradingFixtures.RESOURCES.resolve("mistakes").resolve(m.getKey()));
            subs.add(new Submissions.Submission(m.getKey(), sub));
            exercises.add(GradingFixtures.COURSE.byId(m.getValue().get(0)));
        }
        reports = new java.util.HashMap<>();
        for (int k = 0; k < subs.size(); k++) {
            Submissions.Submission s = subs.get(k);
            reports.put(
                    s.student(),
                    grader.grade(s.student(), s.path(), List.of(exercises.get(k)), Grader.Scope.ALL_TESTS, 5));
        }
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCommonMistakeScoresNothingAndIsToldWhatItDid() {
        return MISTAKES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(m -> DynamicTest.dynamicTest(
                        m.getKey() + " is told: " + m.getValue().get(1), () -> {
                            ExerciseResult r = reports.get(m.getKey())
                                    .exercise(m.getValue().get(0));
                            assertTrue(r.feedback().startsWith(m.getValue().get(1)), m.getKey() + ": " + r.feedback());
                            assertTrue(r.score() < r.maxScore(), m.getKey() + " loses points: " + r.tests());
                        }));
    }

    @TestFactory
    Stream<DynamicTest> aMistakeCostsTheTestsItFailsAndNoOthers() {
        return Stream.of(DynamicTest.dynamicTest("E6 with h_t = o_t * C_t keeps its o_t points", () -> {
            ExerciseResult r = reports.get("e6-no-tanh").exercise("E6");
            List<TestResult> outputGate =
                    r.tests().stream().filter(t -> t.name().contains(": o_t")).toList();
            assertEquals(3, outputGate.size(), r.tests().toString());
            assertTrue(outputGate.stream().allMatch(TestResult::passed), outputGate.toString());
            assertEquals(
                    0,
                    r.tests().stream()
                            .filter(t -> t.name().contains(": h_t,"))
                            .mapToDouble(TestResult::score)
                            .sum());
        }));
    }
}
