package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The course once in Notebook 7 ({@code ./lab start --ui notebook}): its file browser lists the course and its New
 * menu offers the course kernel; notebook 02, opened from the file browser into a tab of its own, runs all its cells
 * from the Run menu without an error, with its equations typeset, its chart shown and the check() score table
 * readable; notebook 01's slider redraws its figure. Screenshots go to target/browser/notebook7/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebookSevenIT {

    static final Path SHOTS = Path.of("target/browser/notebook7");
    static final String FORGET_GATE = StudentPathIT.FORGET_GATE;
    static final String KERNEL_NAME = StudentPathIT.KERNEL_NAME;
    static final Duration READY = BrowserSession.READY;

    BrowserSession session;
    LabStart lab;
    Chromium browser;
    LabPage page;

    @BeforeAll
    void startNotebookSevenAndTheBrowser() throws Exception {
        session = BrowserSession.course("notebook7", SHOTS, "notebook");
        lab = session.lab;
        browser = session.browser;
        page = session.page;
    }

    @AfterAll
    void shutDown() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    @Order(1)
    void theTreeListsTheCourseAndItsNewMenuOffersTheJavaKernel() {
        page.load(lab.url("/tree?token=" + lab.token), READY);
        browser.await(
                "tree",
                "the tree to list " + FORGET_GATE,
                READY,
                () -> page.listed().contains(FORGET_GATE));
        assertTrue(
                page.listed().contains("vi"), "the tree should list the Vietnamese edition's folder: " + page.listed());
        browser.screenshot("01-tree");
        browser.driver.findElements(By.cssSelector(".jp-DropdownMenu .lm-MenuBar-item")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals("New"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Notebook 7's tree has no New button"))
                .click();
        browser.await(
                "new-menu",
                "the New menu to offer " + KERNEL_NAME,
                Duration.ofSeconds(30),
                () -> browser.driver.findElements(By.cssSelector(".lm-Menu-item")).stream()
                        .anyMatch(i -> i.isDisplayed() && i.getText().trim().equals(KERNEL_NAME)));
        browser.screenshot("02-new-menu-offers-the-java-kernel");
        browser.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }

    @Test
    @Order(2)
    void runAllInTheForgetGateNotebookShowsMathAChartAndAReadableScoreTable() {
        page.load(lab.url("/tree"), READY);
        Set<String> windows = browser.driver.getWindowHandles();
        page.openInFileBrowser(FORGET_GATE);
        browser.await(
                "notebook-tab",
                "the notebook to open in a tab of its own",
                Duration.ofSeconds(30),
                () -> browser.driver.getWindowHandles().size() > windows.size());
        browser.driver
                .switchTo()
                .window(browser.driver.getWindowHandles().stream()
                        .filter(h -> !windows.contains(h))
                        .findFirst()
                        .orElseThrow());
        page.load(browser.driver.getCurrentUrl(), READY);
        assertEquals(
                KERNEL_NAME, page.awaitNotebook(FORGET_GATE, READY), "the notebook should run on the course kernel");

        page.menu("Run", "runmenu:run-all");
        browser.await("run-all", "Run All to run every code cell", StudentPathIT.RUN_ALL, () -> {
            Map<String, Object> s = page.state(FORGET_GATE);
            return (Boolean) s.get("idle")
                    && ((Number) s.get("running")).intValue() == 0
                    && (((Number) s.get("ran")).longValue() >= ((Number) s.get("code")).longValue()
                            || !((List<?>) s.get("errors")).isEmpty());
        });
        Map<String, Object> s = page.state(FORGET_GATE);
        browser.js(LabPage.PANEL + "panel(arguments[0]).content.widgets[0].node.scrollIntoView();", FORGET_GATE);
        browser.screenshot("03-run-all-done-top");
        assertEquals(List.of(), s.get("errors"), "no cell should show an error after Run All");
        assertEquals(s.get("code"), s.get("ran"), "every code cell should have run");

        @SuppressWarnings("unchecked")
        Map<String, Object> math = (Map<String, Object>) browser.js(LabPage.MATH);
        assertEquals(List.of(), math.get("raw"), "Markdown with TeX left untypeset");
        assertTrue(((Number) math.get("typeset")).intValue() >= 5, "too few formulas typeset: " + math);

        Number chart = (Number) browser.js(LabPage.PANEL + """
            return Array.from(panel(arguments[0]).node.querySelectorAll('.jp-OutputArea-output img[src^="data:image/png"]'))
              .reduce(function (m, img) { return Math.max(m, img.naturalWidth); }, 0);
            """, FORGET_GATE);
        assertTrue(chart.intValue() >= 200, "Run All should show a chart at least 200 px wide, widest: " + chart);

        int check = page.codeCellHolding(FORGET_GATE, "check(", true);
        List<WebElement> tables =
                page.cell(FORGET_GATE, check).findElements(By.cssSelector(".jp-OutputArea-output table"));
        assertFalse(
                tables.isEmpty(), "the check cell should show its score table: " + page.outputText(FORGET_GATE, check));
        page.scrollIntoView(tables.get(0));
        browser.screenshot("04-check-score-table");
        assertTrue(tables.get(0).getText().contains("E3"), tables.get(0).getText());
        Map<String, Object> worst = page.contrast(tables.get(0));
        assertTrue(
                ((Number) worst.get("ratio")).doubleValue() >= StudentPathIT.READABLE,
                "the score table should be readable but «" + worst.get("text") + "» is " + worst.get("color") + " on "
                        + worst.get("background") + " (" + worst.get("ratio") + ":1)");
    }

    @Test
    @Order(3)
    void notebookOnesSliderRedrawsItsFigureInNotebookSeven() {
        String path = Explorable.NOTEBOOK;
        page.load(lab.url("/notebooks/" + path), READY);
        assertEquals(KERNEL_NAME, page.awaitNotebook(path, READY), "the notebook should run on the course kernel");
        Explorable explorable = new Explorable(browser, page, path);
        explorable.runAll();
        explorable.show();
        Map<String, Object> before = explorable.awaitDrawn(1, "drawn-01");
        browser.screenshot("05-explorable-before");
        explorable.move(0, before, "redrawn-01");
        explorable.show();
        browser.screenshot("06-explorable-after-drag");
    }
}
