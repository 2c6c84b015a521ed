/**
 * Running a submission or a class. The {@link org.lstmlab.grade.run.ExerciseCatalog} discovers the exercise
 * classes ({@link org.lstmlab.grade.run.GradedExercise}: an exercise's metadata, tests and points, read from its
 * classes); the {@link org.lstmlab.grade.run.Grader} compiles a submission under each exercise's rules, starts its
 * sandbox and has the JUnit Platform Launcher run the classes with the submission as a
 * {@link org.lstmlab.grade.run.SubmissionRun} (the authoring API's {@code GradingRun}), whose proxies carry every
 * call of a test into the sandbox ({@link org.lstmlab.grade.run.Values} turns arguments and answers into the
 * numbers that cross). A {@link org.lstmlab.grade.run.ResultCollector} turns what JUnit reports into a
 * {@code Report}, each failed test with its diagnosis ({@link org.lstmlab.grade.run.Diagnoses}: the hint of the
 * mistake, or what stopped the code); {@link org.lstmlab.grade.run.Submissions} finds the submissions of a class in a folder. Run from
 * an IDE, an exercise class grades the course's {@code solutions/} ({@link org.lstmlab.grade.run.DefaultSubmissionRun}).
 *
 * <p>May use: the library (the catalog checks an exercise against it), JUnit Jupiter and the Platform Launcher,
 * {@code grade.author}, {@code grade.report} and {@code grade.sandbox}.
 */
package org.lstmlab.grade.run;
