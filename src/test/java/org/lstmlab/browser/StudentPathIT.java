package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The student's path through the course in a real browser: Jupyter started by {@code ./lab start}
 * on a temporary copy of notebooks/ (with the Vietnamese edition in vi/), Debian's chromium driving the
 * classic notebook UI the way a student clicks it. One Jupyter and one browser serve the steps, in order; every step saves
 * screenshots into target/browser/. Both are shut down whatever happens, and no process of the run
 * may be left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentPathIT {

    static final Path COURSE_NOTEBOOKS = Path.of("notebooks");
    static final String FORGET_GATE = "02-forget-gate.ipynb";
    static final String KERNEL_NAME = "Java (LSTM Lab)";
    static final Path SHOTS = Path.of("target/browser");

    static final Duration KERNEL_READY = Duration.ofMinutes(3);
    static final Duration RUN_ALL = Duration.ofMinutes(20);
    static final Duration ONE_CELL = Duration.ofMinutes(3);

    /** Counters fed by the notebook's own events, installed once per notebook page. */
    static final String COUNTERS = """
      if (!window.labTest) {
        window.labTest = {started: 0, finished: 0, ready: 0};
        Jupyter.notebook.events.on('execute.CodeCell', function () { window.labTest.started++; });
        Jupyter.notebook.events.on('finished_execute.CodeCell', function () { window.labTest.finished++; });
        Jupyter.notebook.events.on('kernel_ready.Kernel', function () { window.labTest.ready++; });
      }
      return true;
      """;

    /** The notebook's state: code cells, counters, error outputs, running cells, kernel idle. */
    static final String STATE = """
      var cells = Jupyter.notebook.get_cells();
      var code = 0, errors = [];
      cells.forEach(function (c, i) {
        if (c.cell_type !== 'code') return;
        if (c.get_text().trim().length > 0) code++;
        c.output_area.outputs.forEach(function (o) {
          if (o.output_type === 'error') errors.push('cell ' + (i + 1) + ': ' + o.ename + ': ' + o.evalue);
        });
      });
      var icon = document.getElementById('kernel_indicator_icon');
      return {code: code, started: window.labTest.started, finished: window.labTest.finished,
              ready: window.labTest.ready, errors: errors,
              running: document.querySelectorAll('.code_cell.running').length,
              idle: icon !== null && icon.className === 'kernel_idle_icon'};
      """;

    /**
     * What MathJax made of the page's Markdown: how many formulas it typeset, which rendered
     * Markdown still shows TeX source ($$ or a backslash command), how many formulas it could not
     * parse, and whether it is still working.
     */
    static final String MATH = """
      var markdown = Array.from(document.querySelectorAll('.text_cell_render, .jp-MarkdownOutput'));
      var raw = markdown.filter(function (m) { return /\\$\\$|\\\\(sigma|tanh|frac|tilde|cdot)/.test(m.innerText); })
        .map(function (m) { return m.innerText.slice(0, 120); });
      var hub = window.MathJax && MathJax.Hub;
      return {loaded: !!hub,
              typeset: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_CHTML, mjx-container').length,
              raw: raw, markdown: markdown.length,
              errors: document.querySelectorAll('.MathJax_Error, .mjx-merror, merror').length,
              busy: hub ? (hub.queue.pending || 0) + (hub.queue.running || 0) : -1};
      """;

    Path run;
    LabStart lab;
    Chromium browser;
    String notebookWindow;
    long started;

    /** Also shuts down when the test JVM is stopped (e.g. Ctrl-C or a build timeout) before @AfterAll. */
    final Thread onJvmExit = new Thread(this::shutDown, "browser-suite-shutdown");

    @BeforeAll
    void startJupyterAndTheBrowser() throws Exception {
        started = System.nanoTime();
        run = Files.createTempDirectory("lstmlab-browser-");
        Runtime.getRuntime().addShutdownHook(onJvmExit);
        Path notebooks = Files.createDirectories(run.resolve("notebooks"));
        copyTree(COURSE_NOTEBOOKS, notebooks);
        Files.createDirectories(SHOTS);
        try (Stream<Path> old = Files.list(SHOTS)) {
            for (Path shot : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(shot);
            }
        }
        lab = LabStart.start(run, notebooks, SHOTS.resolve("jupyter.log"), KERNEL_READY);
        browser = Chromium.start(run, SHOTS);
    }

    @AfterAll
    void shutDownEverythingAndLeaveNoProcess() throws Exception {
        if (run == null) {
            return;
        }
        List<String> running = Processes.matching(run.toString());
        shutDown();
        Runtime.getRuntime().removeShutdownHook(onJvmExit);
        List<String> left = Processes.leftAfter(run.toString(), 30);
        System.out.printf(
                "browser suite: %.1f s from start to shut-down%nprocesses of the run before shut-down:%n  %s%n"
                        + "left after: %s%n",
                (System.nanoTime() - started) / 1e9, String.join("\n  ", running), left);
        deleteTree(run);
        assertEquals(List.of(), left, "Jupyter, its kernels, chromedriver and chromium should all have exited");
        if (lab != null
                && browser != null) { // the check above could see them: they ran with the run's folder in their command
            // lines
            for (String what : List.of("jupyter", "chromedriver", "chromium", "-kernel.jar")) {
                assertTrue(
                        running.stream().anyMatch(line -> line.contains(what)),
                        "pgrep should have seen " + what + " while the suite ran: " + running);
            }
        }
    }

    /** Browser first, then Jupyter (which shuts its kernels down). */
    void shutDown() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------- steps

    @Test
    @Order(1)
    void theTreePageListsTheCourseNotebooksAndOffersTheJavaKernel() throws Exception {
        List<String> expected = courseNotebookNames();
        assertTrue(expected.contains(FORGET_GATE), "notebooks/ should hold " + FORGET_GATE + " but has " + expected);
        browser.driver.get(lab.url("/tree?token=" + lab.token));
        browser.await(
                "tree",
                "the tree page to list " + expected,
                Duration.ofMinutes(1),
                () -> listedNotebooks().containsAll(expected));
        browser.screenshot("01-tree");

        browser.find(By.id("new-dropdown-button")).click();
        browser.await(
                "new-menu",
                "the New menu to offer " + KERNEL_NAME,
                Duration.ofSeconds(30),
                () -> browser.driver.findElements(By.cssSelector("#new-menu li a")).stream()
                        .anyMatch(a -> a.isDisplayed() && a.getText().trim().equals(KERNEL_NAME)));
        browser.screenshot("02-new-menu-offers-the-java-kernel");
        browser.find(By.id("new-dropdown-button")).click(); // close the menu again
    }

    @Test
    @Order(2)
    void runAllInTheForgetGateNotebookShowsNoErrorAChartAndTheScoreTable() throws Exception {
        openForgetGate();
        runAllWithoutAnError(FORGET_GATE, "03-run-all-done-top", "03-math");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) browser.js("""
        return Array.from(document.querySelectorAll('.output_png img, img[src^="data:image/png"]'))
          .map(function (img, i) { img.setAttribute('data-lab-index', i);
            return {index: i, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight}; });
        """);
        Map<String, Object> largest = images.stream()
                .filter(i -> (Boolean) i.get("complete"))
                .max(Comparator.comparingLong(
                        i -> ((Number) i.get("width")).longValue() * ((Number) i.get("height")).longValue()))
                .orElseThrow(() -> new AssertionError("Run All rendered no PNG image; images: " + images));
        long width = ((Number) largest.get("width")).longValue();
        long height = ((Number) largest.get("height")).longValue();
        assertTrue(
                width >= 200 && height >= 150,
                "the largest rendered PNG is only " + width + "×" + height + ": " + images);
        scrollIntoView(browser.find(By.cssSelector("img[data-lab-index='" + largest.get("index") + "']")));
        browser.screenshot("04-run-all-chart");

        WebElement checkCell = lastCodeCellCalling("check(");
        List<WebElement> tables = checkCell.findElements(By.cssSelector(".output_html table"));
        assertFalse(tables.isEmpty(), "the check cell should show its score table; it shows:\n" + checkCell.getText());
        WebElement table = tables.get(0);
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertFalse(rows.isEmpty(), "the score table has no rows:\n" + table.getText());
        assertTrue(table.getText().contains("E3"), "the score table should name exercise E3:\n" + table.getText());
        assertTrue(table.isDisplayed() && table.getSize().getHeight() > 0, "the score table is not visible");
        scrollIntoView(table);
        browser.screenshot("05-run-all-check-score-table");
    }

    @Test
    @Order(3)
    void anInterruptedBusyLoopStopsWithAMessageAndTheNextCellStillSeesEarlierVariables() throws Exception {
        ensureNotebookOpen();
        WebElement before = runNewCell("int earlier = 41;", "interrupt-before");
        assertTrue(errorsIn(before).isEmpty(), "defining a variable failed: " + before.getText());

        int loop = appendCell("System.out.println(\"looping\");\nwhile (true) {\n}");
        long base = counter("started");
        selectAndRun(loop);
        browser.await(
                "busy-loop",
                "the busy-loop cell to start and print",
                ONE_CELL,
                () -> counter("started") > base
                        && cell(loop).getText().contains("looping")
                        && cell(loop).getAttribute("class").contains("running"));
        browser.screenshot("06-busy-loop-running");

        browser.find(By.cssSelector("button[data-jupyter-action='jupyter-notebook:interrupt-kernel']"))
                .click();
        browser.await(
                "interrupt",
                "the interrupted cell to stop and the kernel to go idle",
                ONE_CELL,
                () -> !cell(loop).getAttribute("class").contains("running") && (Boolean) state().get("idle"));
        scrollIntoView(cell(loop));
        browser.screenshot("07-busy-loop-interrupted");
        List<String> errors = errorsIn(cell(loop));
        assertEquals(
                1,
                errors.size(),
                "the interrupted cell should show one error output: "
                        + cell(loop).getText());
        assertTrue(
                errors.get(0).toLowerCase(java.util.Locale.ROOT).contains("interrupt"),
                "the error should say the cell was interrupted: " + errors.get(0));

        WebElement next = runNewCell("earlier + 1", "interrupt-after");
        assertTrue(errorsIn(next).isEmpty(), "the cell after the interrupt failed: " + next.getText());
        assertTrue(
                next.findElement(By.cssSelector(".output_area")).getText().contains("42"),
                "the cell after the interrupt should see earlier = 41 and show 42: " + next.getText());
        browser.screenshot("08-next-cell-sees-earlier-variable");
    }

    @Test
    @Order(4)
    void restartingFromTheKernelMenuGivesAFreshKernelThatRunsTheFirstCellAgain() throws Exception {
        ensureNotebookOpen();
        long ready = counter("ready");
        clickMenu("kernellink", "restart_kernel");
        browser.await(
                "restart-dialog", "the Restart kernel? dialog", Duration.ofSeconds(30), () -> restartButton() != null);
        browser.screenshot("09-restart-dialog");
        restartButton().click();
        browser.await(
                "restart",
                "the kernel to restart and go idle",
                KERNEL_READY,
                () -> counter("ready") > ready && (Boolean) state().get("idle"));

        int first = ((Number) browser.js("""
        return Jupyter.notebook.get_cells().findIndex(function (c) {
          return c.cell_type === 'code' && c.get_text().trim().length > 0; });
        """)).intValue();
        assertTrue(first >= 0, FORGET_GATE + " has no code cell");
        long base = counter("finished");
        selectAndRun(first);
        browser.await(
                "first-cell",
                "the first code cell to run again",
                ONE_CELL,
                () -> counter("finished") > base
                        && (Boolean) state().get("idle")
                        && !cell(first).getAttribute("class").contains("running"));
        scrollIntoView(cell(first));
        browser.screenshot("10-restarted-first-cell-ran");
        assertEquals(
                1L,
                ((Number) browser.js("return Jupyter.notebook.get_cell(arguments[0]).input_prompt_number;", first))
                        .longValue(),
                "after a restart the first cell should be the kernel's execution 1");
        assertTrue(
                errorsIn(cell(first)).isEmpty(),
                "the first cell failed after the restart: " + cell(first).getText());
    }

    @Test
    @Order(5)
    void aWaitThatTimesOutFailsWithThePageTextAndAScreenshot() {
        browser.driver.get(lab.url("/tree"));
        browser.await(
                "tree-again",
                "the tree page",
                Duration.ofMinutes(1),
                () -> listedNotebooks().contains(FORGET_GATE));
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> browser.await(
                        "expected-by-the-self-test",
                        "a condition that never holds",
                        Duration.ofSeconds(1),
                        () -> false));
        assertTrue(failure.getMessage().contains("waiting for a condition that never holds"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains(FORGET_GATE), "the page text is in the message: " + failure.getMessage());
        Path shot = SHOTS.resolve("timeout-expected-by-the-self-test.png");
        assertTrue(failure.getMessage().contains(shot.toString()), failure.getMessage());
        assertTrue(Files.isRegularFile(shot), "no screenshot " + shot);
    }

    @Test
    @Order(6)
    void theHtmlExportOfANotebookTypesetsItsEquationsWithTheLocalMathJax() throws Exception {
        Path out = SHOTS.resolve("export");
        Process export = new ProcessBuilder(
                        System.getenv().getOrDefault("LAB_PYTHON", "/usr/bin/python3"),
                        "src/main/python/run_notebooks.py",
                        "--no-execute",
                        "--out",
                        out.toString(),
                        COURSE_NOTEBOOKS.resolve(FORGET_GATE).toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(export.getInputStream().readAllBytes());
        assertEquals(0, export.waitFor(), "run_notebooks.py --no-execute failed: " + said);
        Path html = out.resolve(FORGET_GATE.replace(".ipynb", ".html")).toAbsolutePath();
        String page = Files.readString(html);
        var script = java.util.regex.Pattern.compile("<script src=\"([^\"]*MathJax\\.js[^\"]*)\"")
                .matcher(page);
        assertTrue(script.find(), "the export loads no MathJax");
        assertTrue(script.group(1).startsWith("file://"), "the export loads MathJax from " + script.group(1));
        browser.driver.get(html.toUri().toString()); // the browser reaches 127.0.0.1 only: this is offline
        assertMathTypeset("the HTML export of " + FORGET_GATE, "11-html-export-math");
    }

    @Test
    @Order(7)
    void runAllInTheVietnameseForgetGateNotebookTypesetsItsMathAndShowsTheScoreTableInVietnamese() throws Exception {
        String page = "vi/" + FORGET_GATE;
        browser.driver.switchTo().newWindow(WindowType.TAB); // a student opens it beside the English one
        browser.driver.get(lab.url("/notebooks/" + page));
        awaitNotebookAndKernel();
        runAllWithoutAnError(page, "12-vi-run-all-done-top", "12-vi-math");
        assertTrue(
                browser.find(By.cssSelector(".text_cell_render h1")).getText().contains("Cổng quên (forget gate)"),
                "the Vietnamese notebook's title");
        WebElement table = lastCodeCellCalling("check(").findElement(By.cssSelector(".output_html table"));
        scrollIntoView(table);
        browser.screenshot("13-vi-check-score-table");
        assertTrue(table.getText().contains("bài tập") && table.getText().contains("E3 cổng quên"), table.getText());
        assertTrue(table.getText().contains("chưa được cài đặt"), table.getText());
    }

    // ----------------------------------------------------------------------------------- helpers

    /**
     * Runs every cell of the open notebook (Cell ▸ Run All), waits until all have finished and the kernel is
     * idle, and fails on an error output, a cell that did not run, or math MathJax did not typeset.
     */
    void runAllWithoutAnError(String page, String shot, String mathShot) {
        long base = counter("finished");
        clickMenu("celllink", "run_all_cells");
        browser.await("run-all", "Run All to finish every code cell and the kernel to go idle", RUN_ALL, () -> {
            Map<String, Object> s = state();
            boolean settled = (Boolean) s.get("idle") && ((Number) s.get("running")).intValue() == 0;
            return settled
                    && (((Number) s.get("finished")).longValue() - base >= ((Number) s.get("code")).longValue()
                            || !((List<?>) s.get("errors")).isEmpty());
        });
        Map<String, Object> s = state();
        browser.js("Jupyter.notebook.scroll_to_top(0);");
        browser.screenshot(shot);
        assertMathTypeset("Jupyter's page of " + page, mathShot);
        assertEquals(List.of(), s.get("errors"), "no cell of " + page + " should show an error after Run All");
        assertEquals(
                ((Number) s.get("code")).longValue(),
                ((Number) s.get("finished")).longValue() - base,
                "every code cell should have run");
    }

    /** Waits for MathJax to typeset the page's equations and fails if any TeX is left raw or broken. */
    @SuppressWarnings("unchecked")
    void assertMathTypeset(String page, String shot) {
        browser.await(shot, "MathJax to typeset " + page, ONE_CELL, () -> {
            Map<String, Object> m = (Map<String, Object>) browser.js(MATH);
            return (Boolean) m.get("loaded")
                    && ((Number) m.get("busy")).intValue() == 0
                    && ((Number) m.get("typeset")).intValue() > 0
                    && ((List<?>) m.get("raw")).isEmpty();
        });
        Map<String, Object> m = (Map<String, Object>) browser.js(MATH);
        browser.screenshot(shot);
        assertEquals(List.of(), m.get("raw"), page + ": Markdown with TeX left untypeset");
        assertEquals(0, ((Number) m.get("errors")).intValue(), page + ": formulas MathJax could not parse");
        assertTrue(((Number) m.get("typeset")).intValue() >= 5, page + ": too few formulas typeset: " + m);
    }

    List<String> courseNotebookNames() throws IOException {
        try (Stream<Path> files = Files.list(COURSE_NOTEBOOKS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .sorted()
                    .toList();
        }
    }

    List<String> listedNotebooks() {
        return browser.driver.findElements(By.cssSelector("#notebook_list .list_item .item_name")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    /** Opens 02-forget-gate from the tree page, as a student does (it opens in a new tab). */
    void openForgetGate() {
        browser.driver.get(lab.url("/tree"));
        browser.await(
                "tree-for-notebook",
                "the tree page to list " + FORGET_GATE,
                Duration.ofMinutes(1),
                () -> listedNotebooks().contains(FORGET_GATE));
        var windows = browser.driver.getWindowHandles();
        browser.driver.findElements(By.cssSelector("#notebook_list .list_item a.item_link")).stream()
                .filter(a -> a.getText().trim().equals(FORGET_GATE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to " + FORGET_GATE))
                .click();
        browser.await(
                "notebook-tab",
                "the notebook to open in a new tab",
                Duration.ofSeconds(30),
                () -> browser.driver.getWindowHandles().size() > windows.size());
        notebookWindow = browser.driver.getWindowHandles().stream()
                .filter(h -> !windows.contains(h))
                .findFirst()
                .orElseThrow();
        browser.driver.switchTo().window(notebookWindow);
        awaitNotebookAndKernel();
    }

    /** Waits for the notebook page of this tab to load and its course kernel to go idle. */
    void awaitNotebookAndKernel() {
        browser.await(
                "kernel-ready",
                "the notebook to load and its " + KERNEL_NAME + " kernel to go idle",
                KERNEL_READY,
                () -> Boolean.TRUE.equals(browser.js("""
            return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel
              && Jupyter.notebook.kernel.is_connected()
              && document.getElementById('kernel_indicator_icon').className === 'kernel_idle_icon');
            """)));
        browser.js(COUNTERS);
        String kernel =
                browser.find(By.cssSelector(".kernel_indicator_name")).getText().trim();
        assertEquals(KERNEL_NAME, kernel, "the notebook should run on the course kernel");
    }

    /** Makes sure the notebook page is showing (the earlier steps may have failed before opening it). */
    void ensureNotebookOpen() {
        if (notebookWindow == null) {
            openForgetGate();
        } else {
            browser.driver.switchTo().window(notebookWindow);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> state() {
        return (Map<String, Object>) browser.js(STATE);
    }

    long counter(String name) {
        return ((Number) state().get(name)).longValue();
    }

    void clickMenu(String menu, String item) {
        browser.find(By.id(menu)).click();
        browser.await(
                "menu-" + item,
                "the menu item " + item,
                Duration.ofSeconds(30),
                () -> browser.find(By.cssSelector("#" + item + " a")).isDisplayed());
        browser.find(By.cssSelector("#" + item + " a")).click();
    }

    WebElement restartButton() {
        return browser.driver.findElements(By.cssSelector(".modal-dialog .modal-footer button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals("Restart"))
                .findFirst()
                .orElse(null);
    }

    WebElement cell(int index) {
        return (WebElement) browser.js("return Jupyter.notebook.get_cell(arguments[0]).element[0];", index);
    }

    WebElement lastCodeCellCalling(String call) {
        int index = ((Number) browser.js("""
        var cells = Jupyter.notebook.get_cells();
        for (var i = cells.length - 1; i >= 0; i--) {
          if (cells[i].cell_type === 'code' && cells[i].get_text().indexOf(arguments[0]) >= 0) return i;
        }
        return -1;
        """, call)).intValue();
        assertTrue(index >= 0, FORGET_GATE + " has no cell calling " + call);
        return cell(index);
    }

    List<String> errorsIn(WebElement cell) {
        List<String> errors = new ArrayList<>();
        for (WebElement error : cell.findElements(By.cssSelector(".output_error"))) {
            errors.add(error.getText());
        }
        return errors;
    }

    /**
     * Puts {@code source} into the empty cell that Run left at the bottom (or a new one there); the
     * text goes in through the cell's API because CodeMirror would auto-close typed brackets.
     */
    int appendCell(String source) {
        return ((Number) browser.js("""
        var cells = Jupyter.notebook.get_cells(), last = cells[cells.length - 1];
        var cell = last.cell_type === 'code' && last.get_text().trim().length === 0
          ? last : Jupyter.notebook.insert_cell_at_bottom('code');
        cell.set_text(arguments[0]);
        return Jupyter.notebook.find_cell_index(cell);
        """, source)).intValue();
    }

    /** Selects the cell and presses the toolbar's Run button. */
    void selectAndRun(int index) {
        browser.js("Jupyter.notebook.select(arguments[0]); Jupyter.notebook.command_mode();", index);
        scrollIntoView(cell(index));
        browser.find(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']"))
                .click();
    }

    WebElement runNewCell(String source, String step) {
        int index = appendCell(source);
        long base = counter("finished");
        selectAndRun(index);
        browser.await(
                step,
                "the cell «" + source + "» to run",
                ONE_CELL,
                () -> counter("finished") > base
                        && !cell(index).getAttribute("class").contains("running"));
        return cell(index);
    }

    void scrollIntoView(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException(
                    "no " + from.toAbsolutePath() + ": the browser tests open the course notebooks");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
