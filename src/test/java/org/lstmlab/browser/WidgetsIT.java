package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A figure a student can move, in JupyterLab: notebook 01 runs from Run All, its explorable shows a slider above the
 * figure; dragging the slider changes the value label and the figure's pixels without an error; after the page is
 * reloaded the widget is still shown, with the value it was moved to (the kernel answers the widget manager's
 * request_states). Screenshots before and after go to target/browser/widgets/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetsIT {

    static final Path SHOTS = Path.of("target/browser/widgets");
    static final String NOTEBOOK = Explorable.NOTEBOOK;

    Path run;
    LabStart lab;
    Chromium browser;
    LabPage page;
    Map<String, Object> moved;

    @BeforeAll
    void startJupyterLabAndTheBrowser() throws Exception {
        run = Files.createTempDirectory("lstmlab-widgets-");
        Path notebooks = Files.createDirectories(run.resolve("notebooks"));
        StudentPathIT.copyTree(StudentPathIT.COURSE_NOTEBOOKS, notebooks);
        Files.createDirectories(SHOTS);
        lab = LabStart.start(run, notebooks, SHOTS.resolve("jupyter.log"), StudentPathIT.KERNEL_READY);
        browser = Chromium.start(run, SHOTS);
        page = new LabPage(browser);
    }

    @AfterAll
    void shutDown() throws Exception {
        StudentPathIT.shutDown(browser, lab, run);
    }

    @Test
    @Order(1)
    void draggingTheSlidersHandleChangesTheValueLabelAndTheFigure() {
        page.load(lab.url("/lab?token=" + lab.token), Duration.ofMinutes(2));
        page.openInFileBrowser(NOTEBOOK);
        assertEquals(StudentPathIT.KERNEL_NAME, page.awaitNotebook(NOTEBOOK, StudentPathIT.KERNEL_READY));
        Explorable.runAll(browser, page);
        int cell = Explorable.cell(page);
        Map<String, Object> before = Explorable.awaitDrawn(browser, cell, "drawn");
        assertTrue(((Number) before.get("width")).intValue() >= 200, "the figure is too small: " + before);
        Explorable.show(browser, cell);
        browser.screenshot("01-explorable-before");
        moved = Explorable.dragAndAwaitRedraw(browser, cell, before, "redrawn");
        browser.screenshot("02-explorable-after-drag");
    }

    @Test
    @Order(2)
    void afterAReloadTheWidgetIsStillShownWithTheValueItWasMovedTo() {
        assertTrue(moved != null, "the slider was not moved (the step before failed)");
        browser.js(LabPage.PANEL + "panel(arguments[0]).context.save();", NOTEBOOK); // as Ctrl-S: the outputs stay
        browser.await(
                "saved",
                "the notebook to be saved",
                Duration.ofMinutes(1),
                () -> Boolean.FALSE.equals(
                        browser.js(LabPage.PANEL + "return panel(arguments[0]).context.model.dirty;", NOTEBOOK)));
        browser.driver.navigate().refresh();
        page.load(browser.driver.getCurrentUrl(), Duration.ofMinutes(2));
        page.awaitNotebook(NOTEBOOK, StudentPathIT.KERNEL_READY);
        int cell = Explorable.cell(page);
        Map<String, Object> reloaded = Explorable.awaitDrawn(browser, cell, "reloaded");
        Explorable.show(browser, cell);
        browser.screenshot("03-explorable-after-reload");
        assertEquals(moved.get("readout"), reloaded.get("readout"), "the reloaded slider should keep its value");
        assertEquals(moved.get("pixels"), reloaded.get("pixels"), "the reloaded figure should be the moved one");
    }
}
