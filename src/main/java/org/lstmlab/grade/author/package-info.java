/**
 * The authoring API: what an exercise's test class is written with, and the guide to writing one. An exercise is
 * one room — its solution file in {@code solutions/} and one JUnit 5 test class in {@code src/grading/java}
 * (package {@code org.lstmlab.exercises}) — and nothing central lists it: the grader discovers the class. E3's
 * test class, {@code src/grading/java/org/lstmlab/exercises/E3ForgetGateTest.java}, is the worked example; in
 * outline (the architecture test's companion {@code AuthoringGuideTest} checks that every line of this outline is
 * in that file, in this order):
 *
 * <pre>{@code
 * @Exercise(
 *         id = "E3",
 *         title = "forget gate",
 *         points = 8,
 *         notebook = "02-forget-gate",
 *         mustNotUse = "org.lstmlab.nn.LstmCell")
 * class E3ForgetGateTest {
 *     interface E3ForgetGate {
 *         @Computes("f_t = σ(W_f · [h_{t-1}, x_t] + b_f)")
 *         INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF);
 *     }
 *     @Test
 *     @Points(3)
 *     void fixedCase(E3ForgetGate student, Draws draws) {
 *         expectForgetGate(student, draws.fixed());
 *         Expect.notHardCoded(draws.randomised(3), draw -> expectForgetGate(student, draw));
 *     }
 *     @ParameterizedTest(name = "randomised case {index} ({0})")
 *     @RandomisedCases(3)
 *     @Points(3)
 *     void randomisedCases(Draw draw, E3ForgetGate student) {
 *         expectForgetGate(student, draw);
 *     }
 *     private static void expectForgetGate(E3ForgetGate student, Draw draw) {
 *         INDArray expected =
 *                 new LstmCell(p).forward(in.x(), in.hPrev(), in.cPrev()).f(); // f_t from the library
 *         INDArray f = student.forgetGate(in.hPrev(), in.x(), p.wF(), p.bF());
 *         Expect.close(
 *                 mistake(() -> Transforms.sigmoid(in.z(false)), say("hint.missesBias", "f_t", "b_f")),
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.lstmlab.grade.author.Exercise @Exercise} holds the metadata: id, title, points, notebook, and
 *       {@code mustNotUse}, the library code that computes the answer (the student's classes may not name it).
 *   <li>The nested interface is the student's class as the tests see it, named like it;
 *       {@link org.lstmlab.grade.author.Computes @Computes} gives each method's equation, which the starter file's
 *       TODO and the "not implemented yet" feedback quote. A test that takes the interface as a parameter gets the
 *       student's code: a proxy from the JUnit extension of {@code @Exercise}
 *       ({@link org.lstmlab.grade.author.StudentCodeExtension}), whose every call crosses into the sandbox. It
 *       takes and returns {@code INDArray}, {@code double}, {@code double[]}, {@code Map<String, INDArray>} and
 *       records, the library's ({@code LstmParams}) or the test class's own (E7's {@code State}, filled by
 *       component name).
 *   <li>Every {@code @Test}, {@code @ParameterizedTest} or {@code @RepeatedTest} is one graded check with its
 *       {@link org.lstmlab.grade.author.Points @Points}; a parameterized or repeated test earns them when every
 *       invocation passes. {@code @Points(value = 2, visibility = Visibility.HIDDEN)} hides a test from students
 *       ({@link org.lstmlab.grade.author.Visibility}: {@code AFTER_DUE_DATE}, {@code AFTER_PUBLISHED} too, as
 *       Gradescope names them); a student's own check runs the visible tests only. The points must add up to the
 *       exercise's. Tests that no student edition may carry, not even compiled, go in a class of their own in
 *       {@code src/hidden/java} marked {@link org.lstmlab.grade.author.HiddenTests @HiddenTests}, their points
 *       counted in {@code @Exercise(hiddenPoints)}.
 *   <li>{@link org.lstmlab.grade.author.Draw#fixed()} is the fixed case (seed 7, B=2, X=3, H=4);
 *       {@link org.lstmlab.grade.author.RandomisedCases @RandomisedCases(3)} gives a parameterized test three
 *       randomised cases drawn from the run's seed (case k has seed + k, printed in its name), whose H is never
 *       the fixed case's; {@link org.lstmlab.grade.author.Draws} gives the same cases to any test.
 *       {@link org.lstmlab.grade.author.Expect#notHardCoded Expect.notHardCoded} makes the fixed case's points
 *       count only when the randomised cases pass too, so a hard-coded answer scores 0.
 *   <li>{@code Expect.close}, {@code shape} and {@code between} are assertions whose messages are the feedback,
 *       in the course's symbols; {@code Expect.mistake} pairs a common wrong answer (computed only when the
 *       student's answer is wrong) with its hint. Every sentence a student reads is a key of the resource bundle,
 *       {@link org.lstmlab.grade.author.Say#say Say.say("hint.E3.…", symbols…)}, in English and Vietnamese
 *       ({@code docs/writing-an-exercise.md}). Expected values come from the library ({@code LstmCell},
 *       {@code RnnCell}, {@code GradientFlow}, {@code GradientClipping}) or, for E8, from central differences in
 *       float64 — never from the code being graded.
 * </ul>
 *
 * <p>Run an exercise class from the IDE (or {@code mvn test -Dtest=E3ForgetGateTest}) and it grades the course's
 * {@code solutions/}, printing the seed; {@code -Dlstmlab.submission=path/to/submission} grades another folder and
 * {@code -Dlstmlab.seed=812} repeats a run. The extension reaches the submission through a
 * {@link org.lstmlab.grade.author.GradingRun}, which the grader provides: this package never uses the grader.
 *
 * <p>May use: the library (expected values come from it), JUnit Jupiter, and {@code grade.sandbox}'s class-file
 * reader (tests run in the order they are written). Nothing else of the grader.
 */
package org.lstmlab.grade.author;
