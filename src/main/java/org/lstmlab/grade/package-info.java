/**
 * The grader. Each exercise is a JUnit 5 test class of package {@code org.lstmlab.exercises} (in
 * {@code src/grading/java}) annotated {@link org.lstmlab.grade.Exercise}; this package is what those classes are
 * written with — {@link org.lstmlab.grade.Points}, {@link org.lstmlab.grade.Computes},
 * {@link org.lstmlab.grade.RandomisedCases}, {@link org.lstmlab.grade.Draw}, {@link org.lstmlab.grade.Expect} —
 * and what runs them: the {@link org.lstmlab.grade.ExerciseCatalog} finds the classes, the
 * {@link org.lstmlab.grade.Grader} compiles a submission, starts its sandbox and has the JUnit Platform Launcher
 * run the classes, the JUnit extension of {@code @Exercise} hands each test the student's code as a proxy whose
 * calls cross into the sandbox, and a {@code TestExecutionListener} turns what JUnit reports into the one
 * {@link org.lstmlab.grade.Report} behind the console table, the notebook's HTML table ({@code check("E3")}),
 * Gradescope's {@code results.json} and the CSV gradebook. {@link org.lstmlab.grade.Mine} lets a notebook call
 * the student's saved code ({@code mine(E3)}, compiled by the same compiler and rules, run in the kernel) and
 * show it next to the expected output of the fixed case ({@code expectedOutput(E3)}).
 *
 * <p>Visible and hidden tests. A student's own check ({@link org.lstmlab.grade.Check}, {@code ./lab check}) runs
 * the visible tests and its report says how many points are left to grading at submission; {@code ./lab grade} and
 * the Gradescope bundle run every test. An exercise's hidden tests are a class of their own,
 * {@link org.lstmlab.grade.HiddenTests}, compiled from {@code src/hidden/java} with the visible classes, so that a
 * student edition ({@link org.lstmlab.grade.Edition}, {@code ./lab release}) carries the visible classes alone in its
 * grading jar and nothing of the hidden ones — no source, no class, no name — but their points
 * ({@code @Exercise(hiddenPoints)}).
 *
 * <p>May use: the library (expected values come from it), JUnit Jupiter and the Platform Launcher, Gson, and
 * {@code grade.sandbox}. The library never uses this package; {@code cli} drives it.
 */
package org.lstmlab.grade;
