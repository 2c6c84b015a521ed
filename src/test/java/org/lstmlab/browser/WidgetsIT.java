package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Figures a student can move, in JupyterLab, on one server: each key notebook (01, 02, 04, 07 in quick mode) runs from
 * Run All and every control of its explorable the issue names is moved as a student moves it — 01's ‖W_hh‖₂ slider,
 * 02's b_f slider, 04's f and lag sliders, 07's length and unit dropdowns; each time the control's value label and the
 * figure's pixels change without an error. An Output widget shows what {@code capture} printed inside itself, not in
 * the cell's output. After the page is reloaded every explorable is still shown, with the values it was moved to
 * (the kernel answers the widget manager's request_states). Screenshots go to target/browser/widgets/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetsIT {

    static final Path SHOTS = Path.of("target/browser/widgets");

    BrowserSession session;
    Chromium browser;
    LabPage page;
    /** What each explorable showed after its controls moved, by notebook. */
    final Map<String, Map<String, Object>> moved = new LinkedHashMap<>();

    @BeforeAll
    void startJupyterLabAndTheBrowser() throws Exception {
        session = BrowserSession.course("widgets", SHOTS, "lab");
        browser = session.browser;
        page = session.page;
        page.load(session.lab.url("/lab?token=" + session.lab.token), BrowserSession.READY);
    }

    @AfterAll
    void shutDown() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    @Order(1)
    void notebookOnesSpectralNormSliderRedrawsItsFigure() {
        explore(Explorable.NOTEBOOK, 1, 0);
    }

    @Test
    @Order(2)
    void notebookTwosForgetBiasSliderRedrawsItsHeatmap() {
        explore("02-forget-gate.ipynb", 2, 0);
    }

    @Test
    @Order(3)
    void notebookFoursForgetGateAndLagSlidersEachRedrawTheirFigure() {
        explore("04-cell-state.ipynb", 2, 0, 1);
    }

    @Test
    @Order(4)
    void notebookSevensLengthAndUnitDropdownsEachRedrawTheGates() {
        explore("07-long-range-dependencies.ipynb", 2, 0, 1);
    }

    @Test
    @Order(5)
    void whatCaptureRunsPrintsInsideTheOutputWidgetNotBelowTheCell() {
        String path = Explorable.NOTEBOOK;
        page.openInFileBrowser(path); // brings its tab to the front
        page.awaitNotebook(path, StudentPathIT.KERNEL_READY);
        int cell = page.appendCell(path, """
                var area = new Output();
                display(area);
                area.capture(() -> System.out.println("printed inside the area"));
                System.out.println("printed below the cell");
                """);
        page.run(path, cell, "capture", StudentPathIT.ONE_CELL);
        browser.await("capture-shown", "the Output widget to show what capture printed", Explorable.DRAWN, () -> {
            Object shown = browser.js(LabPage.PANEL + """
                    var out = panel(arguments[0]).content.widgets[arguments[1]].node.querySelector('.widget-output');
                    return out ? out.innerText : null;
                    """, path, cell);
            return shown != null && shown.toString().contains("printed inside the area");
        });
        page.scrollIntoView(page.cell(path, cell));
        browser.screenshot("capture");
        String own = (String) browser.js(LabPage.PANEL + """
                return panel(arguments[0]).content.widgets[arguments[1]].model.outputs.toJSON()
                  .filter(function (o) { return o.output_type === 'stream'; })
                  .map(function (o) { return Array.isArray(o.text) ? o.text.join('') : o.text; }).join('');
                """, path, cell);
        assertFalse(own.contains("printed inside the area"), "the captured line went to the cell's output: " + own);
        assertTrue(own.contains("printed below the cell"), "a print after capture belongs to the cell: " + own);
        assertEquals(List.of(), page.errors(path, cell), "the capture cell should show no error");
    }

    @Test
    @Order(6)
    void afterAReloadEveryExplorableIsStillShownWithTheValuesItWasMovedTo() {
        assertEquals(4, moved.size(), "not every explorable was moved (a step before failed): " + moved.keySet());
        for (String path : moved.keySet()) { // as Ctrl-S: the outputs stay
            browser.js(LabPage.PANEL + "panel(arguments[0]).context.save();", path);
        }
        browser.await(
                "saved",
                "the notebooks to be saved",
                Duration.ofMinutes(1),
                () -> moved.keySet().stream()
                        .allMatch(path -> Boolean.FALSE.equals(
                                browser.js(LabPage.PANEL + "return panel(arguments[0]).context.model.dirty;", path))));
        browser.driver.navigate().refresh();
        page.load(browser.driver.getCurrentUrl(), BrowserSession.READY);
        for (var entry : moved.entrySet()) {
            String path = entry.getKey();
            if (page.state(path) == null) { // not restored with the layout: open it again
                page.openInFileBrowser(path);
            }
            page.awaitNotebook(path, StudentPathIT.KERNEL_READY);
            Explorable explorable = new Explorable(browser, page, path);
            explorable.show();
            Map<String, Object> reloaded = explorable.awaitDrawn(
                    Explorable.labels(entry.getValue()).size(), "reloaded-" + path.substring(0, 2));
            browser.screenshot("widget-" + path.substring(0, 2) + "-reloaded");
            assertEquals(
                    Explorable.labels(entry.getValue()),
                    Explorable.labels(reloaded),
                    path + ": the reloaded controls should keep their values");
            assertEquals(
                    entry.getValue().get("pixels"),
                    reloaded.get("pixels"),
                    path + ": the reloaded figure should be the moved one");
        }
    }

    /**
     * Opens the notebook, runs all its cells, and moves each of {@code moves} (indices among its {@code controls}
     * controls), the figure redrawn each time; screenshots {@code widget-NN-before} and {@code widget-NN-after-K}.
     */
    private void explore(String path, int controls, int... moves) {
        page.openInFileBrowser(path);
        assertEquals(StudentPathIT.KERNEL_NAME, page.awaitNotebook(path, StudentPathIT.KERNEL_READY));
        Explorable explorable = new Explorable(browser, page, path);
        explorable.runAll();
        explorable.show();
        Map<String, Object> shown = explorable.awaitDrawn(controls, "drawn-" + path.substring(0, 2));
        String shot = "widget-" + path.substring(0, 2);
        browser.screenshot(shot + "-before");
        for (int control : moves) {
            shown = explorable.move(control, shown, "redrawn-" + path.substring(0, 2) + "-" + control);
            explorable.show();
            browser.screenshot(shot + "-after-" + control);
        }
        moved.put(path, shown);
    }
}
