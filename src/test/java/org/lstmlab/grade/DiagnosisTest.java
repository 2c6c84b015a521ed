package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.child.Wire;

/**
 * The feedback that diagnoses, without child JVMs: each plan's common mistakes, returned as if by a
 * student, must produce the hint that explains them, and the right answers must score full points.
 */
class DiagnosisTest {

    /** Outcomes where every call returns what {@code answer} gives for its case. */
    private static Map<String, Wire.Outcome> outcomes(
            Plan plan, Function<Plan.Case, Map<String, org.lstmlab.grade.child.Tensor>> answer) {
        Map<String, Wire.Outcome> m = new LinkedHashMap<>();
        for (Plan.Case c : plan.cases.values())
            m.put(c.id(), new Wire.Outcome(c.id(), Wire.Status.RETURNED, "", answer.apply(c)));
        return m;
    }

    private static String feedbackForAlternative(String exercise, String hintStart) {
        Plan plan = ExercisePlans.plan(Exercises.byId(exercise), 5);
        ExerciseResult r = Grader.judge(
                plan,
                outcomes(
                        plan,
                        c -> c.alternatives().stream()
                                .filter(a -> a.hint().contains(hintStart))
                                .findFirst()
                                .map(Plan.Alternative::outputs)
                                .orElse(c.expected())));
        return r.feedback();
    }

    @Test
    void theExpectedAnswersScoreFullPointsOnEveryExercise() {
        for (Exercise e : Exercises.ALL) {
            Plan plan = ExercisePlans.plan(e, 99);
            ExerciseResult r = Grader.judge(plan, outcomes(plan, Plan.Case::expected));
            assertEquals(e.points(), r.score(), e.id() + ": " + r.feedback());
        }
    }

    @Test
    void aForgetGateComputedWithTanhIsToldToUseSigma() {
        assertTrue(
                feedbackForAlternative("E3", "did you use tanh instead of σ")
                        .startsWith(
                                "f_t equals tanh(W_f·[h_{t-1}, x_t] + b_f): did you use tanh instead of σ? A gate's values lie in (0, 1) (fixed case"));
    }

    @Test
    void aGateOnXThenHIsToldTheCourseConcatenatesHFirst() {
        assertTrue(feedbackForAlternative("E3", "concatenates h first")
                .startsWith("your result equals σ(W_f·[x_t, h_{t-1}] + b_f): the course concatenates h first"));
    }

    @Test
    void aCellStateWithoutTheForgetTermIsToldWhereItIsRight() {
        assertTrue(feedbackForAlternative("E5", "right where f_t = 1")
                .startsWith("C_t is right where f_t = 1 but wrong elsewhere: check the f_t * C_{t-1} term"));
    }

    @Test
    void aHiddenStateWithoutTanhIsToldSo() {
        assertTrue(feedbackForAlternative("E6", "forget tanh")
                .contains("h_t equals o_t * C_t: did you forget tanh(C_t)?"));
    }

    @Test
    void anLstmBackwardThatIgnoresDcIsToldToAddIt() {
        assertTrue(feedbackForAlternative("E8", "dc were 0").contains("add dc, the ∂L/∂C_t from later steps"));
    }

    @Test
    void perArrayClippingIsToldToUseOneGlobalNorm() {
        assertTrue(feedbackForAlternative("E9", "own norm").contains("use one global norm over all arrays"));
    }

    @Test
    void reversedGradientNormsAreToldTheOrder() {
        assertTrue(feedbackForAlternative("E2", "reverse order").contains("norms[0] reaches back furthest"));
    }

    @Test
    void aTransposedResultIsToldThatRowsAreExamples() {
        Plan plan = ExercisePlans.plan(Exercises.byId("E1"), 5);
        ExerciseResult r = Grader.judge(plan, outcomes(plan, c -> {
            var t = c.expected().get("");
            return Map.of("", new org.lstmlab.grade.child.Tensor(new long[] {t.shape()[1], t.shape()[0]}, t.data()));
        }));
        assertEquals(0, r.score());
        assertTrue(
                r.feedback().startsWith("h_t must have shape [2, 4] but has [4, 2]: rows are examples"), r.feedback());
    }

    @Test
    void theCentralDifferenceOracleAgreesWithTheLibrarysBackwardPass() {
        var d = new ExercisePlans.Draw(3);
        var s = new ExercisePlans.Sizes(2, 3, 4);
        var x = d.uniform(2, 2, 3);
        var hPrev = d.uniform(1, 2, 4);
        var cPrev = d.uniform(1, 2, 4);
        var params = d.lstm(s);
        var dh = d.uniform(1, 2, 4);
        var dc = d.uniform(1, 2, 4);
        var numeric = ExercisePlans.numericalGradients(x, hPrev, cPrev, params, dh, dc);
        var cell = new org.lstmlab.nn.LstmCell(params);
        var g = cell.backward(cell.forward(x, hPrev, cPrev), dh, dc);
        assertTrue(Judge.close(ExercisePlans.t(g.params().wF()), numeric.get("params.wF")));
        assertTrue(Judge.close(ExercisePlans.t(g.dx()), numeric.get("dx")));
        assertTrue(Judge.close(ExercisePlans.t(g.dcPrev()), numeric.get("dcPrev")));
    }
}
