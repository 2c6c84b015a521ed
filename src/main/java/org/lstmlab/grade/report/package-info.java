/**
 * What grading reports, and every form it takes. A {@link org.lstmlab.grade.report.Report} holds one
 * submission's points and feedback per exercise and test ({@link org.lstmlab.grade.report.ExerciseResult},
 * {@link org.lstmlab.grade.report.TestResult}); it prints as the console table and, through {@code toHtml()}, as
 * the notebook's table of {@code check("E3")}. {@link org.lstmlab.grade.report.ResultsJson} writes Gradescope's
 * {@code results.json}, {@link org.lstmlab.grade.report.Gradebook} a class's CSV gradebook,
 * {@link org.lstmlab.grade.report.YoursAndExpected} the expected-output table, and
 * {@link org.lstmlab.grade.report.Messages} the words of all of them in English or Vietnamese
 * ({@code Messages*.properties} beside it).
 *
 * <p>May use: the authoring API ({@code grade.author}: the expectations' comparison of values) and Gson. It knows
 * nothing of how a submission is run.
 */
package org.lstmlab.grade.report;
