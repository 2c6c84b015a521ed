package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Notebook 01's explorable in a browser: the cell that calls {@code Widgets.interact(}, its slider's value label and
 * its figure. Shared by JupyterLab's suite ({@link WidgetsIT}) and Notebook 7's ({@link NotebookSevenIT}).
 */
final class Explorable {

    static final String NOTEBOOK = "01-rnn-vanishing-gradients.ipynb";
    static final Duration DRAWN = Duration.ofMinutes(2);

    /**
     * What the page shows of the explorable: whether the widget view is there, the slider's readout, a digest of the
     * figure's pixels (drawn into a canvas), the image's size and what its output area holds.
     */
    static final String VIEW = LabPage.PANEL + """
        var p = panel(arguments[0]);
        if (!p) return null;
        var cell = p.content.widgets[arguments[1]];
        var view = cell.node.querySelector('.jp-OutputArea-output .widget-vbox, .jp-OutputArea-output .jupyter-widgets.widget-container');
        var result = {view: !!view, readout: null, pixels: null, width: 0, height: 0, messages: '', errors: 0};
        var readout = cell.node.querySelector('.widget-readout');
        if (readout) result.readout = (readout.innerText || readout.textContent || '').trim();
        var img = cell.node.querySelector('.jp-OutputArea-output .widget-image, .jp-OutputArea-output .jupyter-widgets img');
        if (img && img.complete && img.naturalWidth > 0) {
          var canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
          var ctx = canvas.getContext('2d');
          ctx.drawImage(img, 0, 0);
          var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          var h = 2166136261;
          for (var k = 0; k < data.length; k += 4) {
            h ^= data[k] + 3 * data[k + 1] + 7 * data[k + 2];
            h = Math.imul(h, 16777619) >>> 0;
          }
          result.pixels = h.toString(16); result.width = img.naturalWidth; result.height = img.naturalHeight;
        }
        var out = cell.node.querySelector('.widget-output');
        if (out) result.messages = (out.innerText || '').trim();
        result.errors = cell.model.outputs.toJSON().filter(function (o) { return o.output_type === 'error'; }).length;
        return result;
        """;

    private Explorable() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> view(Chromium browser, int cell) {
        return (Map<String, Object>) browser.js(VIEW, NOTEBOOK, cell);
    }

    /** Waits until the explorable's view shows its slider's readout and a drawn figure; returns what it shows. */
    static Map<String, Object> awaitDrawn(Chromium browser, int cell, String step) {
        browser.await(step, "the explorable to show its slider and figure", DRAWN, () -> {
            Map<String, Object> v = view(browser, cell);
            return v != null && (Boolean) v.get("view") && v.get("readout") != null && v.get("pixels") != null;
        });
        return view(browser, cell);
    }

    /**
     * Drags the slider's handle to the right, as a student does, and waits until the readout and the figure's pixels
     * have changed (the kernel answered the new value with a new image); fails on an error output or a message in
     * the explorable's output area.
     */
    static Map<String, Object> dragAndAwaitRedraw(Chromium browser, int cell, Map<String, Object> before, String step) {
        WebElement handle = browser.js(
                                LabPage.PANEL
                                        + "return panel(arguments[0]).content.widgets[arguments[1]].node.querySelector('.noUi-handle');",
                                NOTEBOOK,
                                cell)
                        instanceof WebElement found
                ? found
                : null;
        assertTrue(handle != null, "the explorable shows no slider handle");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", handle);
        new Actions(browser.driver).dragAndDropBy(handle, 60, 0).perform();
        browser.await(step, "the figure to be drawn again after the slider moved", DRAWN, () -> {
            Map<String, Object> v = view(browser, cell);
            return v != null
                    && v.get("pixels") != null
                    && !v.get("readout").equals(before.get("readout"))
                    && !v.get("pixels").equals(before.get("pixels"));
        });
        Map<String, Object> after = view(browser, cell);
        assertNotEquals(before.get("readout"), after.get("readout"), "the slider's value label should change");
        assertNotEquals(before.get("pixels"), after.get("pixels"), "the figure's pixels should change");
        assertEquals(0, ((Number) after.get("errors")).intValue(), "the cell should show no error");
        assertEquals("", after.get("messages"), "the explorable's output area should say nothing went wrong");
        return after;
    }

    /** Runs every cell of notebook 01 (Run ▸ Run All Cells), waits until all have run, and fails on an error. */
    static void runAll(Chromium browser, LabPage page) {
        page.menu("Run", "runmenu:run-all");
        browser.await("run-all-01", "Run All to run notebook 01", StudentPathIT.RUN_ALL, () -> {
            Map<String, Object> s = page.state(NOTEBOOK);
            return (Boolean) s.get("idle")
                    && ((Number) s.get("running")).intValue() == 0
                    && (((Number) s.get("ran")).longValue() >= ((Number) s.get("code")).longValue()
                            || !((java.util.List<?>) s.get("errors")).isEmpty());
        });
        assertEquals(
                java.util.List.of(), page.state(NOTEBOOK).get("errors"), "Run All of notebook 01 should show no error");
    }

    /** Scrolls the explorable's cell into the middle of the page, for a screenshot. */
    static void show(Chromium browser, int cell) {
        browser.js(
                LabPage.PANEL
                        + "panel(arguments[0]).content.widgets[arguments[1]].node.scrollIntoView({block: 'center'});",
                NOTEBOOK,
                cell);
    }

    /** The index of notebook 01's explorable cell. */
    static int cell(LabPage page) {
        int index = page.codeCellHolding(NOTEBOOK, "Widgets.interact(", false);
        assertTrue(index >= 0, NOTEBOOK + " has no cell calling Widgets.interact(");
        return index;
    }
}
