package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A notebook's explorable in a browser: the cell that calls {@code Widgets.interact(}, its controls (sliders and
 * dropdowns, in the order shown) with their value labels, and its figure. Shared by JupyterLab's suite
 * ({@link WidgetsIT}) and Notebook 7's ({@link NotebookSevenIT}).
 */
final class Explorable {

    /** Notebook 01, whose explorable both user interfaces drive. */
    static final String NOTEBOOK = "01-rnn-vanishing-gradients.ipynb";

    static final Duration DRAWN = Duration.ofMinutes(2);

    /**
     * What the page shows of the explorable: whether the widget view is there, each control's kind and value label
     * (a slider's readout, a dropdown's chosen option), a digest of the figure's pixels (drawn into a canvas), the
     * image's size and what its output area holds.
     */
    static final String VIEW = LabPage.PANEL + """
        var p = panel(arguments[0]);
        if (!p) return null;
        var cell = p.content.widgets[arguments[1]];
        var view = cell.node.querySelector('.jp-OutputArea-output .widget-vbox, .jp-OutputArea-output .jupyter-widgets.widget-container');
        var result = {view: !!view, kinds: [], labels: [], pixels: null, width: 0, height: 0, messages: '', errors: 0};
        Array.from(cell.node.querySelectorAll('.jp-OutputArea-output .widget-slider, .jp-OutputArea-output .widget-dropdown'))
          .forEach(function (control) {
            var select = control.querySelector('select');
            var readout = control.querySelector('.widget-readout');
            result.kinds.push(select ? 'dropdown' : 'slider');
            result.labels.push(select
              ? (select.selectedIndex >= 0 ? select.options[select.selectedIndex].text.trim() : '')
              : (readout ? (readout.innerText || readout.textContent || '').trim() : ''));
          });
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

    /** The element of control {@code arguments[2]} of the explorable: a slider's handle or a dropdown's select. */
    static final String CONTROL = LabPage.PANEL + """
        var cell = panel(arguments[0]).content.widgets[arguments[1]];
        var control = cell.node.querySelectorAll('.jp-OutputArea-output .widget-slider, .jp-OutputArea-output .widget-dropdown')[arguments[2]];
        return control && (control.querySelector('select') || control.querySelector('.noUi-handle'));
        """;

    final String notebook;
    private final Chromium browser;
    private final LabPage page;

    Explorable(Chromium browser, LabPage page, String notebook) {
        this.browser = browser;
        this.page = page;
        this.notebook = notebook;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> view() {
        return (Map<String, Object>) browser.js(VIEW, notebook, cell());
    }

    /** The controls' value labels, in the order shown. */
    @SuppressWarnings("unchecked")
    static List<String> labels(Map<String, Object> view) {
        return (List<String>) view.get("labels");
    }

    /**
     * Waits until the explorable's view shows every one of its {@code controls} with a value label, and a drawn
     * figure; returns what it shows.
     */
    Map<String, Object> awaitDrawn(int controls, String step) {
        browser.await(step, "the explorable of " + notebook + " to show its controls and figure", DRAWN, () -> {
            Map<String, Object> v = view();
            return v != null
                    && (Boolean) v.get("view")
                    && labels(v).size() == controls
                    && labels(v).stream().noneMatch(String::isEmpty)
                    && v.get("pixels") != null;
        });
        Map<String, Object> drawn = view();
        assertTrue(((Number) drawn.get("width")).intValue() >= 200, "the figure is too small: " + drawn);
        return drawn;
    }

    /**
     * Moves control {@code control} as a student does — drags a slider's handle to the right, chooses a dropdown's
     * next option — and waits until its value label and the figure's pixels have changed (the kernel answered the
     * new value with a new image); fails when another control's label changed, on an error output or on a message
     * in the explorable's output area.
     */
    Map<String, Object> move(int control, Map<String, Object> before, String step) {
        WebElement element = browser.js(CONTROL, notebook, cell(), control) instanceof WebElement found ? found : null;
        assertTrue(element != null, notebook + "'s explorable shows no control " + control + ": " + before);
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
        if (element.getTagName().equalsIgnoreCase("select")) {
            Select select = new Select(element);
            int chosen = select.getOptions().indexOf(select.getFirstSelectedOption());
            assertTrue(select.getOptions().size() > 1, notebook + "'s dropdown " + control + " offers one option");
            select.selectByIndex((chosen + 1) % select.getOptions().size());
        } else {
            new Actions(browser.driver).dragAndDropBy(element, 60, 0).perform();
        }
        String was = labels(before).get(control);
        browser.await(
                step,
                "the figure of " + notebook + " to be drawn again after control " + control + " moved",
                DRAWN,
                () -> {
                    Map<String, Object> v = view();
                    return v != null
                            && v.get("pixels") != null
                            && !labels(v).get(control).equals(was)
                            && !v.get("pixels").equals(before.get("pixels"));
                });
        Map<String, Object> after = view();
        List<String> others = new ArrayList<>(labels(after));
        List<String> othersBefore = new ArrayList<>(labels(before));
        others.remove(control);
        othersBefore.remove(control);
        assertNotEquals(was, labels(after).get(control), "the control's value label should change");
        assertEquals(othersBefore, others, "only the moved control's label should change");
        assertNotEquals(before.get("pixels"), after.get("pixels"), "the figure's pixels should change");
        assertEquals(0, ((Number) after.get("errors")).intValue(), "the cell should show no error");
        assertEquals("", after.get("messages"), "the explorable's output area should say nothing went wrong");
        return after;
    }

    /** Runs every cell of the notebook (Run ▸ Run All Cells), waits until all have run, and fails on an error. */
    void runAll() {
        page.menu("Run", "runmenu:run-all");
        browser.await(
                "run-all-" + notebook.substring(0, 2), "Run All to run " + notebook, StudentPathIT.RUN_ALL, () -> {
                    Map<String, Object> s = page.state(notebook);
                    return (Boolean) s.get("idle")
                            && ((Number) s.get("running")).intValue() == 0
                            && (((Number) s.get("ran")).longValue() >= ((Number) s.get("code")).longValue()
                                    || !((List<?>) s.get("errors")).isEmpty());
                });
        assertEquals(List.of(), page.state(notebook).get("errors"), "Run All of " + notebook + " should show no error");
    }

    /** Brings the notebook's tab to the front and scrolls the explorable's cell into the middle of the page. */
    void show() {
        browser.js(LabPage.PANEL + """
                var p = panel(arguments[0]);
                jupyterapp.shell.activateById(p.id);
                p.content.widgets[arguments[1]].node.scrollIntoView({block: 'center'});
                """, notebook, cell());
    }

    /** The index of the explorable's cell. */
    int cell() {
        int index = page.codeCellHolding(notebook, "Widgets.interact(", false);
        assertTrue(index >= 0, notebook + " has no cell calling Widgets.interact(");
        return index;
    }
}
