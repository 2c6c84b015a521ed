package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * JupyterLab 4's page (and Notebook 7's, which is built from JupyterLab's parts) as the browser tests drive it: the
 * file browser, menus and toolbar buttons are clicked as a student clicks them; what the page shows is read from the
 * DOM, and what a notebook holds (sources, outputs, execution counts, the kernel's status) from the application
 * object that {@code ./lab start} lets the page expose to tests ({@code expose_app_in_browser}, {@code
 * window.jupyterapp}). A notebook is named by its path relative to the server's root.
 */
final class LabPage {

    /** The notebook panel open on {@code path} in the main area, or undefined. */
    static final String PANEL = """
        function panel(path) {
          return Array.from(jupyterapp.shell.widgets('main')).find(function (w) {
            return w.content && w.sessionContext && w.context && w.context.path === path;
          });
        }
        """;

    /**
     * The notebook's state: non-empty code cells, how many of them ran (have an execution count), cells still
     * running or queued ([*]), error outputs, whether the kernel is idle, and how often it restarted.
     */
    static final String STATE = PANEL + """
        var p = panel(arguments[0]);
        if (!p) return null;
        if (!p.labTest) {
          p.labTest = {restarts: 0};
          p.sessionContext.statusChanged.connect(function (_, status) {
            if (status === 'restarting' || status === 'autorestarting') p.labTest.restarts++;
          });
        }
        var code = 0, ran = 0, running = 0, errors = [];
        p.content.widgets.forEach(function (c, i) {
          if (c.model.type !== 'code') return;
          if (c.model.sharedModel.getSource().trim().length > 0) {
            code++;
            if (c.model.executionCount !== null) ran++;
          }
          var prompt = c.node.querySelector('.jp-InputPrompt');
          if (prompt && prompt.textContent.indexOf('*') >= 0) running++;
          c.model.outputs.toJSON().forEach(function (o) {
            if (o.output_type === 'error') errors.push('cell ' + (i + 1) + ': ' + o.ename + ': ' + o.evalue);
          });
        });
        var kernel = p.sessionContext.session && p.sessionContext.session.kernel;
        return {code: code, ran: ran, running: running, errors: errors, restarts: p.labTest.restarts,
                idle: !!kernel && kernel.status === 'idle' && p.context.isReady,
                kernel: p.sessionContext.kernelDisplayName};
        """;

    /**
     * What MathJax made of the page's Markdown: how many formulas it typeset, which rendered Markdown still shows
     * TeX source ($$ or a backslash command), how many formulas it could not parse. JupyterLab 4 typesets with
     * MathJax 3 (mjx-container); an nbconvert HTML export with MathJax 2 (MathJax.Hub).
     */
    static final String MATH = """
        var markdown = Array.from(document.querySelectorAll('.jp-MarkdownOutput, .jp-RenderedMarkdown, .text_cell_render'));
        var raw = markdown.filter(function (m) { return /\\$\\$|\\\\(sigma|tanh|frac|tilde|cdot)/.test(m.innerText); })
          .map(function (m) { return m.innerText.slice(0, 120); });
        var hub = window.MathJax && MathJax.Hub;
        return {typeset: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_CHTML, mjx-container').length,
                raw: raw, markdown: markdown.length,
                errors: document.querySelectorAll('.MathJax_Error, mjx-merror, merror').length,
                busy: hub ? (hub.queue.pending || 0) + (hub.queue.running || 0) : 0};
        """;

    /**
     * The lowest contrast ratio (WCAG 2: (L1 + 0.05) / (L2 + 0.05) of relative luminances) between the text of an
     * element's descendants and the background it is drawn on (the nearest opaque one up the tree), with the worst
     * text and its colours.
     */
    static final String CONTRAST = """
        function rgba(css) {
          var m = css.match(/rgba?\\(([^)]*)\\)/);
          if (!m) return [0, 0, 0, 0];
          var v = m[1].split(/[ ,\\/]+/).filter(function (s) { return s.length; }).map(parseFloat);
          return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
        }
        function luminance(c) {
          var l = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
          return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
        }
        function background(e) {
          for (; e && e.nodeType === 1; e = e.parentElement) {
            var c = rgba(getComputedStyle(e).backgroundColor);
            if (c[3] > 0.5) return c;
          }
          return rgba(getComputedStyle(document.body).backgroundColor);
        }
        var worst = {ratio: 99, text: '', color: '', background: ''};
        var all = [arguments[0]].concat(Array.from(arguments[0].querySelectorAll('*')));
        all.forEach(function (e) {
          var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim().length; });
          if (!own || e.offsetParent === null) return;
          var fg = rgba(getComputedStyle(e).color), bg = background(e);
          var a = luminance(fg), b = luminance(bg);
          var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < worst.ratio) worst = {ratio: ratio, text: e.textContent.trim().slice(0, 80),
            color: getComputedStyle(e).color, background: 'rgb(' + bg.slice(0, 3).join(', ') + ')'};
        });
        return worst;
        """;

    final Chromium browser;

    LabPage(Chromium browser) {
        this.browser = browser;
    }

    /** Loads {@code url} and waits until the application has started and restored its layout. */
    void load(String url, Duration timeout) {
        browser.driver.get(url);
        browser.await("app", "JupyterLab's application to start", timeout, () -> Boolean.TRUE.equals(browser.js("""
            if (!window.jupyterapp) return false;
            if (!window.labTestRestored) jupyterapp.restored.then(function () { window.labTestRestored = true; });
            return !!window.labTestRestored;
            """)));
        dismissNotifications();
    }

    /** Closes the toasts JupyterLab shows on a first start (e.g. whether to fetch Jupyter's news). */
    void dismissNotifications() {
        browser.js("""
            Array.from(document.querySelectorAll('.Toastify button, .jp-Notification-Toast button'))
              .filter(function (b) { return b.innerText.trim() === 'No' || b.getAttribute('title') === 'Hide notification'; })
              .forEach(function (b) { b.click(); });
            """);
    }

    /** The names the file browser lists. */
    List<String> listed() {
        return browser.driver.findElements(By.cssSelector(".jp-DirListing-item .jp-DirListing-itemText")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    /** Double-clicks {@code name} in the file browser (a folder opens, a file opens in the main area). */
    void openInFileBrowser(String name) {
        browser.await(
                "file-browser-" + name.replaceAll("[^A-Za-z0-9.-]", "_"),
                "the file browser to list " + name,
                Duration.ofMinutes(1),
                () -> listed().contains(name));
        WebElement item = browser.driver.findElements(By.cssSelector(".jp-DirListing-item")).stream()
                .filter(e -> e.findElement(By.cssSelector(".jp-DirListing-itemText"))
                        .getText()
                        .trim()
                        .equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the file browser lists no " + name + ": " + listed()));
        new Actions(browser.driver).doubleClick(item).perform();
    }

    /** Waits until the notebook {@code path} is open, its kernel connected and idle; returns the kernel's name. */
    String awaitNotebook(String path, Duration timeout) {
        browser.await(
                "kernel-ready-" + path.replaceAll("[^A-Za-z0-9.-]", "_"),
                "notebook " + path + " to open and its kernel to go idle",
                timeout,
                () -> {
                    Map<String, Object> s = state(path);
                    return s != null && (Boolean) s.get("idle");
                });
        return (String) state(path).get("kernel");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state(String path) {
        return (Map<String, Object>) browser.js(STATE, path);
    }

    long count(String path, String what) {
        return ((Number) state(path).get(what)).longValue();
    }

    /** Clicks the menu bar's {@code menu} (e.g. "Run"), then its item that runs {@code command}. */
    void menu(String menu, String command) {
        browser.driver.findElements(By.cssSelector(".lm-MenuBar-item")).stream()
                .filter(e -> e.getText().trim().equals(menu))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the menu bar has no " + menu + " menu"))
                .click();
        By item = By.cssSelector(".lm-Menu-item[data-command='" + command + "']");
        browser.await(
                "menu-" + command.replace(':', '-'),
                "the " + menu + " menu to offer " + command,
                Duration.ofSeconds(30),
                () -> browser.find(item).isDisplayed());
        browser.find(item).click();
    }

    /** Clicks the notebook's toolbar button that runs {@code command} (e.g. notebook:interrupt-kernel). */
    void toolbar(String path, String command) {
        WebElement button = (WebElement) browser.js(
                PANEL + "return panel(arguments[0]).node.querySelector(\"[data-command='\" + arguments[1] + \"']\");",
                path,
                command);
        assertTrue(button != null, "the toolbar of " + path + " has no button for " + command);
        button.click();
    }

    /** The accept button of the dialog on the page whose label is {@code label}, or null. */
    WebElement dialogButton(String label) {
        return browser.driver.findElements(By.cssSelector(".jp-Dialog button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals(label))
                .findFirst()
                .orElse(null);
    }

    /** The DOM node of cell {@code index}. */
    WebElement cell(String path, int index) {
        return (WebElement)
                browser.js(PANEL + "return panel(arguments[0]).content.widgets[arguments[1]].node;", path, index);
    }

    /** The execution count of cell {@code index} (null while it never ran). */
    Number executionCount(String path, int index) {
        return (Number) browser.js(
                PANEL + "return panel(arguments[0]).content.widgets[arguments[1]].model.executionCount;", path, index);
    }

    /** Whether cell {@code index} is running or queued: its prompt shows [*]. */
    boolean running(String path, int index) {
        return Boolean.TRUE.equals(browser.js(PANEL + """
            var prompt = panel(arguments[0]).content.widgets[arguments[1]].node.querySelector('.jp-InputPrompt');
            return !!prompt && prompt.textContent.indexOf('*') >= 0;
            """, path, index));
    }

    /** The index of the first (or last) code cell whose source holds {@code text}, or -1. */
    int codeCellHolding(String path, String text, boolean last) {
        return ((Number) browser.js(PANEL + """
            var cells = panel(arguments[0]).content.widgets, found = -1;
            for (var i = 0; i < cells.length; i++) {
              if (cells[i].model.type === 'code' && cells[i].model.sharedModel.getSource().indexOf(arguments[1]) >= 0) {
                found = i;
                if (!arguments[2]) break;
              }
            }
            return found;
            """, path, text, last)).intValue();
    }

    /**
     * Puts {@code source} into the empty code cell at the bottom (or a new one there) and returns its index; the text
     * goes in through the cell's model because the editor would auto-close typed brackets.
     */
    int appendCell(String path, String source) {
        return ((Number) browser.js(PANEL + """
            var p = panel(arguments[0]), cells = p.content.widgets, last = cells[cells.length - 1];
            if (!(last.model.type === 'code' && last.model.sharedModel.getSource().trim().length === 0)) {
              p.content.model.sharedModel.insertCell(cells.length, {cell_type: 'code', source: ''});
            }
            var index = p.content.widgets.length - 1;
            p.content.widgets[index].model.sharedModel.setSource(arguments[1]);
            return index;
            """, path, source)).intValue();
    }

    /**
     * Selects cell {@code index} (command mode), scrolls to it and presses the toolbar's Run button. The cell's
     * execution count is cleared first, so that a count that comes back is this run's (after a restart the new
     * count can equal the old one).
     */
    void selectAndRun(String path, int index) {
        browser.js(PANEL + """
            var p = panel(arguments[0]);
            p.content.widgets[arguments[1]].model.executionCount = null;
            jupyterapp.shell.activateById(p.id);
            p.content.activeCellIndex = arguments[1];
            p.content.mode = 'command';
            p.content.widgets[arguments[1]].node.scrollIntoView({block: 'center'});
            """, path, index);
        toolbar(path, "notebook:run-cell-and-select-next");
    }

    /** Runs cell {@code index} with the toolbar and waits until it has run and the kernel is idle. */
    void run(String path, int index, String step, Duration timeout) {
        selectAndRun(path, index);
        browser.await(
                step,
                "cell " + (index + 1) + " of " + path + " to run",
                timeout,
                () -> executionCount(path, index) != null
                        && !running(path, index)
                        && (Boolean) state(path).get("idle"));
    }

    /** The text of the cell's outputs. */
    String outputText(String path, int index) {
        return cell(path, index)
                .findElement(By.cssSelector(".jp-Cell-outputArea"))
                .getText();
    }

    /** The error outputs of cell {@code index} ("ename: evalue"). */
    @SuppressWarnings("unchecked")
    List<String> errors(String path, int index) {
        return new ArrayList<>((List<String>) browser.js(PANEL + """
            return panel(arguments[0]).content.widgets[arguments[1]].model.outputs.toJSON()
              .filter(function (o) { return o.output_type === 'error'; })
              .map(function (o) { return o.ename + ': ' + o.evalue; });
            """, path, index));
    }

    /** Switches JupyterLab's theme (Settings ▸ Theme) and waits until the page wears it. */
    void theme(String name) {
        browser.js("jupyterapp.commands.execute('apputils:change-theme', {theme: arguments[0]});", name);
        browser.await(
                "theme-" + name.replace(' ', '-'),
                "the " + name + " theme",
                Duration.ofSeconds(30),
                () -> name.equals(browser.js("return document.body.getAttribute('data-jp-theme-name');")));
    }

    /** The lowest text contrast inside {@code element} (see {@link #CONTRAST}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> contrast(WebElement element) {
        return (Map<String, Object>) browser.js(CONTRAST, element);
    }

    void scrollIntoView(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
    }
}
