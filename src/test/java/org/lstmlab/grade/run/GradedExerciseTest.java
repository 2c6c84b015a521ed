package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An exercise class says everything about its exercise, and the grader says what one lacks. */
class GradedExerciseTest {
    private static Class<?> broken(String simpleName) throws ClassNotFoundException {
        return Class.forName("org.lstmlab.exercises.BrokenExercises$" + simpleName);
    }

    private static String refusal(String simpleName) throws ClassNotFoundException {
        Class<?> c = broken(simpleName);
        return assertThrows(IllegalArgumentException.class, () -> GradedExercise.of(c))
                .getMessage();
    }

    @Test
    void e3sClassGivesItsMetadataStudentClassEquationAndTestsInSourceOrder() {
        GradedExercise e3 = GradingFixtures.COURSE.byId("E3");
        assertEquals("forget gate", e3.title());
        assertEquals(8, e3.points());
        assertEquals("02-forget-gate", e3.notebook());
        assertEquals(List.of("org.lstmlab.nn.LstmCell"), e3.mustNotUse());
        assertEquals("E3ForgetGate", e3.className());
        assertEquals("f_t = σ(W_f · [h_{t-1}, x_t] + b_f)", e3.equations().get("forgetGate"));
        assertEquals(
                List.of("fixedCase", "randomisedCases", "forgetGateIsAGate"),
                e3.tests().stream().map(GradedExercise.GradedTest::method).toList());
        assertEquals(
                List.of(3, 3, 2),
                e3.tests().stream().map(GradedExercise.GradedTest::points).toList());
    }

    @Test
    void hiddenTestsAreNeverVisibleNeverNamedLikeAVisibleOneAndAddUpToHiddenPoints() throws Exception {
        Class<?> visible = broken("WithHidden");
        assertEquals(3, GradedExercise.of(visible).pointsNotChecked(), "without its hidden class, as in an edition");
        assertTrue(GradedExercise.of(visible).hiddenTestsMissing());
        assertEquals(
                "HiddenButVisible.shown is a hidden test but its @Points are visible: say visibility ="
                        + " Visibility.HIDDEN",
                hiddenRefusal(visible, "HiddenButVisible"));
        assertEquals(
                "HiddenSameName.seen has the name of a test of WithHidden: a hidden test's name is its own",
                hiddenRefusal(visible, "HiddenSameName"));
        assertEquals(
                "the @Points of WithHidden's hidden tests add up to 2 but @Exercise(hiddenPoints) is 3",
                hiddenRefusal(visible, "HiddenWrongSum"));
    }

    private static String hiddenRefusal(Class<?> visible, String hidden) throws ClassNotFoundException {
        Class<?> h = broken(hidden);
        return assertThrows(IllegalArgumentException.class, () -> GradedExercise.of(visible, List.of(h)))
                .getMessage();
    }

    @Test
    void theRecordsTheSandboxNeedsComeFromTheStudentsSignatures() {
        assertEquals(
                Set.of(
                        "org.lstmlab.nn.GruParams",
                        "org.lstmlab.nn.LstmParams",
                        "org.lstmlab.nn.LstmStepGrads",
                        "org.lstmlab.nn.RnnParams"),
                GradingFixtures.COURSE.records());
        assertEquals(
                Set.of("org.lstmlab.nn.LstmParams"),
                GradingFixtures.COURSE.byId("E7").records(),
                "E7's State is the test's own record and stays in the grader");
    }

    @Test
    void aTestWithoutPointsIsRefusedByName() throws Exception {
        assertEquals(
                "MissingPoints.uncounted has no @Points: every graded test says what it is worth",
                refusal("MissingPoints"));
    }

    @Test
    void pointsThatDoNotAddUpAreRefused() throws Exception {
        assertEquals("WrongSum's @Points add up to 4 but @Exercise(points) is 5", refusal("WrongSum"));
    }

    @Test
    void anExerciseWithoutTheStudentsInterfaceIsRefused() throws Exception {
        assertEquals(
                "NoHandle must declare one nested interface named like the student's class (e.g. interface"
                        + " E3ForgetGate) but declares 0",
                refusal("NoHandle"));
    }

    @Test
    void aStudentMethodWithoutItsEquationIsRefused() throws Exception {
        assertEquals(
                "NoEquation.E23.same has no @Computes: say which equation the student's method computes",
                refusal("NoEquation"));
    }

    @Test
    void anIdThatIsNotE1E2AndSoOnIsRefused() throws Exception {
        assertEquals("BadId: @Exercise(id) must be E1, E2, … but is \"23\"", refusal("BadId"));
    }

    @Test
    void twoClassesForOneExerciseAreRefused() {
        Class<?> e3 = GradingFixtures.COURSE.byId("E3").testClass();
        var e = assertThrows(
                IllegalStateException.class, () -> ExerciseCatalog.of(getClass().getClassLoader(), List.of(e3, e3)));
        assertEquals(
                "two exercise classes say they are E3, one of them org.lstmlab.exercises.E3ForgetGateTest",
                e.getMessage());
    }
}
