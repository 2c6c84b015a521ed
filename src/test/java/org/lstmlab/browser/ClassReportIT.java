package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ClassReport;
import org.lstmlab.grade.report.ClassReportHtml;
import org.lstmlab.grade.report.Diagnosis;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.TestResult;
import org.openqa.selenium.By;

/**
 * The class report opened from disk in headless Chromium, offline: the page renders, its histogram (a PNG data URI)
 * is drawn at its size, it requests nothing, and a hostile name stays text. Screenshots in target/browser.
 */
class ClassReportIT {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

    /** A class of 30: a few with tanh for σ in E3, one that did not compile, the rest right. */
    static ClassReport aClassOfThirty() {
        List<Report> reports = new ArrayList<>();
        for (int k = 1; k <= 30; k++) {
            String name = k == 30 ? HOSTILE : String.format(Locale.ROOT, "student%02d", k);
            boolean tanh = k % 7 == 0;
            boolean broken = k == 13;
            Diagnosis d = broken
                    ? new Diagnosis(Diagnosis.Kind.DOES_NOT_COMPILE, "E3ForgetGate.java:27: ';' expected")
                    : new Diagnosis(Diagnosis.Kind.MISTAKE, "f_t misses the bias b_f");
            boolean wrong = tanh || broken;
            List<TestResult> e3 = List.of(
                    new TestResult(
                            "E3 forget gate: fixed case", "3.1", wrong ? 0 : 3, 3, "", "visible", wrong ? d : null),
                    new TestResult("E3 forget gate: randomised cases", "3.2", wrong ? 0 : 5, 5, "", "visible"));
            List<TestResult> e9 = List.of(new TestResult(
                    "E9 gradient-norm clipping: fixed case",
                    "9.1",
                    k % 3 == 0 ? 0 : 10,
                    10,
                    "",
                    "visible",
                    k % 3 == 0 ? new Diagnosis(Diagnosis.Kind.NOT_IMPLEMENTED, "not implemented yet") : null));
            reports.add(new Report(
                    name,
                    7,
                    List.of(
                            new ExerciseResult("E3", "forget gate", e3, ""),
                            new ExerciseResult("E9", "gradient-norm clipping", e9, "")),
                    5 + k % 11,
                    1));
        }
        return ClassReport.of(
                reports,
                new ClassReport.Similarity(
                        true,
                        "JPlag 4.3.0 compared 30 submissions",
                        0.5,
                        List.of(new ClassReport.SimilarPair("student04", HOSTILE, 0.97, "similarity/x.json"))));
    }

    @Test
    void theClassReportOpensOfflineWithItsHistogramAndNoRequest(@TempDir Path run) throws Exception {
        Path shots = Path.of("target/browser");
        Path page = run.resolve("class-report.html");
        Path vi = run.resolve("class-report.vi.html");
        ClassReport c = aClassOfThirty();
        Files.writeString(page, ClassReportHtml.of(c, Locale.ENGLISH), StandardCharsets.UTF_8);
        Files.writeString(vi, ClassReportHtml.of(c, Locale.forLanguageTag("vi")), StandardCharsets.UTF_8);
        try (Chromium browser = Chromium.start(run, shots)) {
            for (Map.Entry<Path, String> p : Map.of(page, "What the class got wrong", vi, "Cả lớp sai ở đâu")
                    .entrySet()) {
                browser.driver.get(p.getKey().toUri().toString());
                browser.await(
                        "class-report",
                        "the class report to load",
                        Duration.ofSeconds(30),
                        () -> "complete".equals(browser.js("return document.readyState")));
                assertEquals(p.getValue(), browser.find(By.tagName("h1")).getText());
                assertEquals(p.getValue(), browser.driver.getTitle(), "no script of a student's ran");
                assertEquals(
                        640L,
                        browser.js("return document.getElementById('histogram').naturalWidth"),
                        "the histogram's PNG is drawn");
                assertEquals(0L, browser.js("return performance.getEntriesByType('resource').length"));
                assertEquals(0L, browser.js("return document.querySelectorAll('img:not(#histogram)').length"));
                assertTrue(browser.pageText().contains(HOSTILE), "a hostile name shows as the text it is");
                browser.screenshot(p.getKey().equals(page) ? "class-report" : "class-report-vi");
            }
        }
    }
}
