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
 * <p>A failed test carries its {@link org.lstmlab.grade.report.Diagnosis}: the hint of the mistake the answer
 * equalled, or what stopped the code (it did not compile, broke a rule, timed out), in words that are the same for
 * every student and case. From a batch's reports, {@link org.lstmlab.grade.report.ClassReport} gathers what the class
 * got wrong — the score distribution ({@link org.lstmlab.grade.report.ScoreHistogram}), pass rates by exercise and
 * test, the diagnoses ranked with the students who got them, what did not compile, timed out or broke a rule, the
 * slowest submissions, the similar pairs — as JSON and as one offline HTML page
 * ({@link org.lstmlab.grade.report.ClassReportHtml}); {@link org.lstmlab.grade.report.LmsGradebooks} writes the
 * gradebooks Canvas and Moodle import, the students named by a {@link org.lstmlab.grade.report.Roster}.
 *
 * <p>May use: the authoring API ({@code grade.author}: the expectations' comparison of values), Gson, XChart and the
 * library's {@code plot.ChartImages} (the histogram as PNG). It knows nothing of how a submission is run.
 */
package org.lstmlab.grade.report;
