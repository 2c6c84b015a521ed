package org.lstmlab.grade.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClassReportTest {
    private static final String HOSTILE = "<script>alert('x')</script>\"&";
    private static final String BIAS = "f_t misses the bias b_f";

    private static TestResult passed(String number, double points) {
        return new TestResult("E3 forget gate: test " + number, number, points, points, "passed", "visible");
    }

    private static TestResult failed(String number, double points, Diagnosis d) {
        return new TestResult(
                "E3 forget gate: test " + number, number, 0, points, d.text() + " (fixed case)", "visible", d);
    }

    private static Report student(String name, double seconds, TestResult... tests) {
        return new Report(name, 7, List.of(new ExerciseResult("E3", "forget gate", List.of(tests), "")), seconds, 1);
    }

    private static final Diagnosis MISSING_BIAS = new Diagnosis(Diagnosis.Kind.MISTAKE, BIAS);

    private static List<Report> aClass() {
        return List.of(
                student("ann", 3, passed("3.1", 3), passed("3.2", 5)),
                student("bob", 9, failed("3.1", 3, MISSING_BIAS), failed("3.2", 5, MISSING_BIAS)),
                student(HOSTILE, 4, failed("3.1", 3, MISSING_BIAS), passed("3.2", 5)),
                student(
                        "dan",
                        1,
                        failed(
                                "3.1",
                                3,
                                new Diagnosis(
                                        Diagnosis.Kind.DOES_NOT_COMPILE, "E3ForgetGate.java:3: ';' expected <oops>")),
                        failed("3.2", 5, new Diagnosis(Diagnosis.Kind.DOES_NOT_COMPILE, "x"))),
                student(
                        "eve",
                        2,
                        failed("3.1", 3, new Diagnosis(Diagnosis.Kind.TIMED_OUT, "did not return within 10 s")),
                        failed("3.2", 5, new Diagnosis(Diagnosis.Kind.NOT_IMPLEMENTED, "not implemented yet"))));
    }

    @Test
    void aMistakeIsCountedOncePerStudentWithTheirNamesMostFrequentFirst() {
        ClassReport c = ClassReport.of(aClass(), ClassReport.Similarity.off("--no-similarity"));
        assertEquals(5, c.students());
        assertEquals(2, c.mistakes().size(), c.mistakes().toString());
        ClassReport.Finding first = c.mistakes().get(0);
        assertEquals("E3", first.exercise());
        assertEquals(BIAS, first.text());
        assertEquals(List.of(HOSTILE, "bob"), first.students());
        assertEquals(Diagnosis.Kind.NOT_IMPLEMENTED, c.mistakes().get(1).kind());
        assertEquals(List.of("eve"), c.mistakes().get(1).students());
    }

    @Test
    void passRatesCountEveryTestAndFullMarksPerExercise() {
        ClassReport c = ClassReport.of(aClass(), ClassReport.Similarity.off("off"));
        ClassReport.ExerciseRate e3 = c.exercises().get(0);
        assertEquals(1, e3.fullMarks());
        assertEquals(5, e3.graded());
        assertEquals((8 + 5) / 5.0, e3.meanScore(), 1e-12);
        assertEquals(
                List.of("3.1", "3.2"),
                e3.tests().stream().map(ClassReport.TestRate::number).toList());
        assertEquals(1, e3.tests().get(0).passed());
        assertEquals(2, e3.tests().get(1).passed());
        assertEquals("test 3.1", e3.tests().get(0).name());
    }

    @Test
    void compileErrorsTimeoutsAndTheSlowestAreListedOncePerStudentAndExercise() {
        ClassReport c = ClassReport.of(aClass(), ClassReport.Similarity.off("off"));
        assertEquals(1, c.didNotCompile().size());
        assertEquals(
                "E3ForgetGate.java:3: ';' expected <oops>",
                c.didNotCompile().get(0).message());
        assertEquals(1, c.stopped().size());
        assertEquals(Diagnosis.Kind.TIMED_OUT, c.stopped().get(0).kind());
        assertEquals(
                List.of("bob", HOSTILE, "ann", "eve", "dan"),
                c.slowest().stream().map(ClassReport.Timing::student).toList());
    }

    @Test
    void theHistogramCountsEachTenthOfThePointsWithFullMarksInTheLast() {
        assertArrayEquals(
                new int[] {2, 0, 0, 1, 0, 0, 0, 0, 1, 2},
                ScoreHistogram.counts(List.of(0.0, 9.9, 30.0, 89.0, 99.0, 100.0), 100));
        assertEquals("0–10", ScoreHistogram.labels().get(0));
        assertEquals("90–100", ScoreHistogram.labels().get(9));
    }

    @Test
    void theHtmlEscapesEveryStringFromASubmissionAndEmbedsTheHistogram() {
        ClassReport c = ClassReport.of(
                aClass(),
                new ClassReport.Similarity(
                        true,
                        "JPlag",
                        0.5,
                        List.of(new ClassReport.SimilarPair(HOSTILE, "bob", 0.93, "similarity/a\"b.json"))));
        String html = ClassReportHtml.of(c, Locale.ENGLISH);
        assertFalse(html.contains("<script>"), "a student's name is text, never markup");
        assertFalse(html.contains("'x'"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"));
        assertTrue(html.contains("';' expected &lt;oops&gt;") || html.contains("&#39;;&#39; expected &lt;oops&gt;"));
        assertTrue(html.contains("<img id=\"histogram\"") && html.contains("src=\"data:image/png;base64,iVBORw0KGgo"));
        assertTrue(html.contains("E3: 2 of 5</b> — " + BIAS), html);
        assertTrue(html.contains("href=\"similarity/a&quot;b.json\""));
        assertTrue(html.contains("93%"));
        assertFalse(html.contains("http://") || html.contains("https://"), "the page asks for nothing online");
    }

    @Test
    void thePageListsTheFiftyMostSimilarPairsAndCountsTheRest() {
        List<ClassReport.SimilarPair> pairs = new java.util.ArrayList<>();
        for (int k = 0; k < 60; k++) pairs.add(new ClassReport.SimilarPair("a" + k, "b" + k, 0.99 - k / 1000.0, null));
        String html = ClassReportHtml.of(
                ClassReport.of(aClass(), new ClassReport.Similarity(true, "JPlag", 0.5, pairs)), Locale.ENGLISH);
        assertTrue(html.contains("<td>a49</td>") && !html.contains("<td>a50</td>"));
        assertTrue(html.contains("… and 10 more pairs, in class-report.json"), html);
    }

    @Test
    void theVietnameseReportTranslatesItsHeadingsAndShowsTheHintsAsTheClassWasTold() {
        String html = ClassReportHtml.of(
                ClassReport.of(aClass(), ClassReport.Similarity.off("--no-similarity")), Locale.forLanguageTag("vi"));
        assertTrue(html.contains("<html lang=\"vi\">"));
        assertTrue(html.contains("Cả lớp sai ở đâu"));
        assertTrue(html.contains("E3: 2 trên 5"), html);
        // the hints were written in the grading run's language (LSTMLAB_LANG=vi ./lab grade writes them in Vietnamese)
        assertTrue(html.contains(BIAS), html);
        assertTrue(html.contains("chưa làm"));
    }

    @Test
    void theJsonIsTheSameDataAndEscapesMarkup() {
        ClassReport c = ClassReport.of(aClass(), ClassReport.Similarity.off("--no-similarity"));
        String json = c.json();
        assertFalse(json.contains("<script>"));
        assertEquals(c, ClassReport.fromJson(json));
    }
}
