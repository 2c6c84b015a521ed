package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The student's path through the course in a real browser: JupyterLab 4 started by {@code ./lab start} on a
 * temporary copy of notebooks/ (with the Vietnamese edition in vi/), Debian's chromium driving it the way a student
 * clicks it — the file browser, the launcher, the Run menu, the notebook's toolbar, the restart dialog — in the light
 * and the dark theme. One Jupyter and one browser serve the steps, in order; every step saves screenshots into
 * target/browser/. Both are shut down whatever happens, and no process of the run may be left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentPathIT {

    static final Path COURSE_NOTEBOOKS = Path.of("notebooks");
    static final String FORGET_GATE = "02-forget-gate.ipynb";
    static final String KERNEL_NAME = "Java (LSTM Lab)";
    static final Path SHOTS = Path.of("target/browser");
    /** WCAG 2's AA contrast for normal text. */
    static final double READABLE = 4.5;

    static final Duration KERNEL_READY = Duration.ofMinutes(3);
    static final Duration RUN_ALL = Duration.ofMinutes(20);
    static final Duration ONE_CELL = Duration.ofMinutes(3);

    Path run;
    LabStart lab;
    Chromium browser;
    LabPage page;
    /** Whether notebook 02 is open in JupyterLab. */
    boolean opened;

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
        page = new LabPage(browser);
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
    void theFileBrowserListsTheCourseNotebooksAndTheLauncherOffersTheJavaKernel() throws Exception {
        List<String> expected = courseNotebookNames();
        assertTrue(expected.contains(FORGET_GATE), "notebooks/ should hold " + FORGET_GATE + " but has " + expected);
        page.load(lab.url("/lab?token=" + lab.token), Duration.ofMinutes(2));
        browser.await(
                "file-browser",
                "the file browser to list " + expected,
                Duration.ofMinutes(1),
                () -> page.listed().containsAll(expected));
        browser.screenshot("01-file-browser");

        By card = By.cssSelector(".jp-LauncherCard[title='" + KERNEL_NAME + "']");
        if (browser.driver.findElements(card).isEmpty()) {
            browser.driver
                    .findElement(By.cssSelector("[data-command='launcher:create']"))
                    .click();
        }
        browser.await(
                "launcher",
                "the launcher to offer " + KERNEL_NAME,
                Duration.ofSeconds(30),
                () -> browser.driver.findElements(card).stream().anyMatch(WebElement::isDisplayed));
        browser.screenshot("02-launcher-offers-the-java-kernel");
        // jupyter-resource-usage, part of the pinned stack, shows the server's memory in the status bar
        browser.await(
                "memory-indicator",
                "the status bar to show the memory in use (jupyter-resource-usage)",
                Duration.ofSeconds(30),
                () -> browser.find(By.id("jp-main-statusbar")).getText().contains("Mem:"));
    }

    @Test
    @Order(2)
    void runAllInTheForgetGateNotebookShowsNoErrorAChartAndTheScoreTable() throws Exception {
        openForgetGate();
        runAllWithoutAnError(FORGET_GATE, "03-run-all-done-top", "03-math");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) browser.js(LabPage.PANEL + """
        return Array.from(panel(arguments[0]).node.querySelectorAll('.jp-OutputArea-output img[src^="data:image/png"]'))
          .map(function (img, i) { img.setAttribute('data-lab-index', i);
            return {index: i, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
              alt: img.getAttribute('alt') || ''}; });
        """, FORGET_GATE);
        // the kernel's HTML image carries the figure's text alternative (JupyterLab's own image output has none)
        assertTrue(
                images.stream().allMatch(i -> !((String) i.get("alt")).isBlank() && !"Image".equals(i.get("alt"))),
                "every figure has its text alternative as alt: " + images);
        assertTrue(
                images.stream().anyMatch(i -> ((String) i.get("alt")).contains("a heatmap of H = 8 hidden units")),
                "the forget gate's heatmap says what it shows: " + images);
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
        page.scrollIntoView(browser.find(By.cssSelector("img[data-lab-index='" + largest.get("index") + "']")));
        browser.screenshot("04-run-all-chart");

        WebElement table = checkTable(FORGET_GATE);
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertFalse(rows.isEmpty(), "the score table has no rows:\n" + table.getText());
        assertTrue(table.getText().contains("E3"), "the score table should name exercise E3:\n" + table.getText());
        assertTrue(table.isDisplayed() && table.getSize().getHeight() > 0, "the score table is not visible");
        page.scrollIntoView(table);
        browser.screenshot("05-run-all-check-score-table");
        assertReadable(table, "the check score table in the light theme");
        int expected = page.codeCellHolding(FORGET_GATE, "expectedOutput(", true);
        assertTrue(expected >= 0, FORGET_GATE + " has no cell calling expectedOutput(");
        assertReadable(
                page.cell(FORGET_GATE, expected).findElement(By.cssSelector(".jp-OutputArea-output table")),
                "the expected-output table in the light theme");
    }

    @Test
    @Order(3)
    void anInterruptedBusyLoopStopsWithAMessageAndTheNextCellStillSeesEarlierVariables() throws Exception {
        ensureNotebookOpen();
        int before = runNewCell("int earlier = 41;", "interrupt-before");
        assertTrue(
                page.errors(FORGET_GATE, before).isEmpty(),
                "defining a variable failed: " + page.outputText(FORGET_GATE, before));

        int loop = page.appendCell(FORGET_GATE, "System.out.println(\"looping\");\nwhile (true) {\n}");
        page.selectAndRun(FORGET_GATE, loop);
        browser.await(
                "busy-loop",
                "the busy-loop cell to start and print",
                ONE_CELL,
                () -> page.running(FORGET_GATE, loop)
                        && page.cell(FORGET_GATE, loop).getText().contains("looping"));
        browser.screenshot("06-busy-loop-running");

        page.toolbar(FORGET_GATE, "notebook:interrupt-kernel");
        browser.await(
                "interrupt",
                "the interrupted cell to stop and the kernel to go idle",
                ONE_CELL,
                () -> !page.running(FORGET_GATE, loop)
                        && (Boolean) page.state(FORGET_GATE).get("idle"));
        page.scrollIntoView(page.cell(FORGET_GATE, loop));
        browser.screenshot("07-busy-loop-interrupted");
        List<String> errors = page.errors(FORGET_GATE, loop);
        assertEquals(
                1,
                errors.size(),
                "the interrupted cell should show one error output: " + page.outputText(FORGET_GATE, loop));
        assertTrue(
                errors.get(0).toLowerCase(java.util.Locale.ROOT).contains("interrupt"),
                "the error should say the cell was interrupted: " + errors.get(0));

        int next = runNewCell("earlier + 1", "interrupt-after");
        assertTrue(
                page.errors(FORGET_GATE, next).isEmpty(),
                "the cell after the interrupt failed: " + page.outputText(FORGET_GATE, next));
        assertTrue(
                page.outputText(FORGET_GATE, next).contains("42"),
                "the cell after the interrupt should see earlier = 41 and show 42: "
                        + page.outputText(FORGET_GATE, next));
        browser.screenshot("08-next-cell-sees-earlier-variable");
    }

    @Test
    @Order(4)
    void inTheDarkThemeAnErrorIsReadable() throws Exception {
        ensureNotebookOpen();
        int broken = runNewCell("int x = \"not a number\";", "dark-error");
        assertFalse(page.errors(FORGET_GATE, broken).isEmpty(), "the ill-typed cell should fail");
        page.theme("JupyterLab Dark");
        try {
            WebElement error = page.cell(FORGET_GATE, broken).findElement(By.cssSelector(".jp-Cell-outputArea"));
            page.scrollIntoView(error);
            browser.screenshot("09-dark-error");
            assertReadable(error, "a compile error in the dark theme");
            page.scrollIntoView(checkTable(FORGET_GATE));
            browser.screenshot("10-dark-check-score-table");
        } finally {
            page.theme("JupyterLab Light");
        }
    }

    @Test
    @Order(4)
    void inTheDarkThemeTheScoreAndExpectedOutputTablesAreReadable() throws Exception {
        ensureNotebookOpen();
        page.theme("JupyterLab Dark");
        try {
            WebElement table = checkTable(FORGET_GATE);
            page.scrollIntoView(table);
            assertReadable(table, "the check score table in the dark theme");
            int expected = page.codeCellHolding(FORGET_GATE, "expectedOutput(", true);
            assertReadable(
                    page.cell(FORGET_GATE, expected).findElement(By.cssSelector(".jp-OutputArea-output table")),
                    "the expected-output table in the dark theme");
        } finally {
            page.theme("JupyterLab Light");
        }
    }

    @Test
    @Order(5)
    void restartingFromTheToolbarGivesAFreshKernelThatRunsTheFirstCellAgain() throws Exception {
        ensureNotebookOpen();
        long restarts = page.count(FORGET_GATE, "restarts");
        page.toolbar(FORGET_GATE, "notebook:restart-kernel");
        browser.await(
                "restart-dialog",
                "the Restart Kernel? dialog",
                Duration.ofSeconds(30),
                () -> page.dialogButton("Restart") != null);
        browser.screenshot("11-restart-dialog");
        page.dialogButton("Restart").click();
        browser.await(
                "restart",
                "the kernel to restart and go idle",
                KERNEL_READY,
                () -> page.count(FORGET_GATE, "restarts") > restarts
                        && (Boolean) page.state(FORGET_GATE).get("idle"));

        int first = page.codeCellHolding(FORGET_GATE, "", false);
        assertTrue(first >= 0, FORGET_GATE + " has no code cell");
        page.run(FORGET_GATE, first, "first-cell", ONE_CELL);
        page.scrollIntoView(page.cell(FORGET_GATE, first));
        browser.screenshot("12-restarted-first-cell-ran");
        assertEquals(
                1L,
                page.executionCount(FORGET_GATE, first).longValue(),
                "after a restart the first cell should be the kernel's execution 1");
        assertTrue(
                page.errors(FORGET_GATE, first).isEmpty(),
                "the first cell failed after the restart: " + page.outputText(FORGET_GATE, first));
    }

    @Test
    @Order(6)
    void aWaitThatTimesOutFailsWithThePageTextAndAScreenshot() {
        ensureNotebookOpen();
        AssertionError failure = assertThrows(
                AssertionError.class,
                () -> browser.await(
                        "expected-by-the-self-test",
                        "a condition that never holds",
                        Duration.ofSeconds(1),
                        () -> false));
        assertTrue(failure.getMessage().contains("waiting for a condition that never holds"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("forget gate"),
                "the page text is in the message: " + failure.getMessage());
        Path shot = SHOTS.resolve("timeout-expected-by-the-self-test.png");
        assertTrue(failure.getMessage().contains(shot.toString()), failure.getMessage());
        assertTrue(Files.isRegularFile(shot), "no screenshot " + shot);
    }

    @Test
    @Order(7)
    void theHtmlExportOfANotebookTypesetsItsEquationsWithTheLocalMathJax() throws Exception {
        Path out = SHOTS.resolve("export");
        Process export = new ProcessBuilder(
                        org.lstmlab.LabPython.path(),
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
    @Order(8)
    void runAllInTheVietnameseForgetGateNotebookTypesetsItsMathAndShowsItsTablesWithoutAnEnglishWord()
            throws Exception {
        String path = "vi/" + FORGET_GATE;
        page.load(lab.url("/lab/tree/vi"), Duration.ofMinutes(2)); // the file browser opens on vi/
        page.openInFileBrowser(FORGET_GATE);
        assertEquals(
                KERNEL_NAME, page.awaitNotebook(path, KERNEL_READY), "the notebook should run on the course kernel");
        runAllWithoutAnError(path, "13-vi-run-all-done-top", "13-vi-math");
        WebElement title = (WebElement) browser.js(
                LabPage.PANEL + "return panel(arguments[0]).node.querySelector('.jp-RenderedMarkdown h1');", path);
        assertTrue(title.getText().contains("Cổng quên"), "the Vietnamese notebook's title: " + title.getText());
        WebElement table = checkTable(path);
        page.scrollIntoView(table);
        browser.screenshot("14-vi-check-score-table");
        assertTrue(table.getText().contains("bài tập") && table.getText().contains("E3 cổng quên"), table.getText());
        assertTrue(table.getText().contains("chưa làm"), table.getText());
        assertEquals(
                List.of(),
                org.lstmlab.grade.report.EnglishWords.in(table.getText()),
                "the Vietnamese check table:\n" + table.getText());
        int expected = page.codeCellHolding(path, "expectedOutput(", true);
        assertTrue(expected >= 0, path + " has no cell calling expectedOutput(");
        WebElement output = page.cell(path, expected).findElement(By.cssSelector(".lstmlab-expected"));
        page.scrollIntoView(output);
        browser.screenshot("15-vi-expected-output-table");
        assertTrue(output.getText().contains("kết quả mong đợi"), output.getText());
        assertEquals(
                List.of(),
                org.lstmlab.grade.report.EnglishWords.in(output.getText()),
                "the Vietnamese expected-output table:\n" + output.getText());
        // DejaVu Sans Mono has no "ễ", "ể", "ấ": the course's custom CSS puts a font that has them first
        String font = (String) browser.js(
                LabPage.PANEL + "var pre = panel(arguments[0]).node.querySelector('.jp-OutputArea-output pre');"
                        + " return pre ? getComputedStyle(pre).fontFamily : 'no printed output';",
                path);
        assertTrue(
                font.startsWith("\"Noto Sans Mono\""),
                "output areas should show Vietnamese in Noto Sans Mono (requirements/jupyter-custom.css), but use "
                        + font);
    }

    // ----------------------------------------------------------------------------------- helpers

    /**
     * Runs every cell of the open notebook (Run ▸ Run All Cells), waits until all have run and the kernel is idle,
     * and fails on an error output, a cell that did not run, or math MathJax did not typeset.
     */
    void runAllWithoutAnError(String path, String shot, String mathShot) {
        browser.js(LabPage.PANEL + "jupyterapp.shell.activateById(panel(arguments[0]).id);", path);
        page.menu("Run", "runmenu:run-all");
        browser.await("run-all", "Run All to run every code cell and the kernel to go idle", RUN_ALL, () -> {
            Map<String, Object> s = page.state(path);
            boolean settled = (Boolean) s.get("idle") && ((Number) s.get("running")).intValue() == 0;
            return settled
                    && (((Number) s.get("ran")).longValue() >= ((Number) s.get("code")).longValue()
                            || !((List<?>) s.get("errors")).isEmpty());
        });
        Map<String, Object> s = page.state(path);
        browser.js(LabPage.PANEL + "panel(arguments[0]).content.widgets[0].node.scrollIntoView();", path);
        browser.screenshot(shot);
        assertMathTypeset("JupyterLab's page of " + path, mathShot);
        assertEquals(List.of(), s.get("errors"), "no cell of " + path + " should show an error after Run All");
        assertEquals(s.get("code"), s.get("ran"), "every code cell should have run");
    }

    /** Waits for MathJax to typeset the page's equations and fails if any TeX is left raw or broken. */
    @SuppressWarnings("unchecked")
    void assertMathTypeset(String what, String shot) {
        browser.await(shot, "MathJax to typeset " + what, ONE_CELL, () -> {
            Map<String, Object> m = (Map<String, Object>) browser.js(LabPage.MATH);
            return ((Number) m.get("busy")).intValue() == 0
                    && ((Number) m.get("typeset")).intValue() > 0
                    && ((List<?>) m.get("raw")).isEmpty();
        });
        Map<String, Object> m = (Map<String, Object>) browser.js(LabPage.MATH);
        browser.screenshot(shot);
        assertEquals(List.of(), m.get("raw"), what + ": Markdown with TeX left untypeset");
        assertEquals(0, ((Number) m.get("errors")).intValue(), what + ": formulas MathJax could not parse");
        assertTrue(((Number) m.get("typeset")).intValue() >= 5, what + ": too few formulas typeset: " + m);
    }

    /** Fails unless every text inside {@code element} stands out from its background (WCAG AA, 4.5:1). */
    void assertReadable(WebElement element, String what) {
        Map<String, Object> worst = page.contrast(element);
        double ratio = ((Number) worst.get("ratio")).doubleValue();
        assertTrue(
                ratio >= READABLE,
                what + " should be readable (contrast at least " + READABLE + ":1) but «" + worst.get("text") + "» is "
                        + worst.get("color") + " on " + worst.get("background") + ", "
                        + String.format(java.util.Locale.ROOT, "%.2f", ratio) + ":1");
    }

    /** The score table of the last cell calling check( in the notebook. */
    WebElement checkTable(String path) {
        int index = page.codeCellHolding(path, "check(", true);
        assertTrue(index >= 0, path + " has no cell calling check(");
        List<WebElement> tables = page.cell(path, index).findElements(By.cssSelector(".jp-OutputArea-output table"));
        assertFalse(
                tables.isEmpty(),
                "the check cell should show its score table; it shows:\n" + page.outputText(path, index));
        return tables.get(0);
    }

    List<String> courseNotebookNames() throws IOException {
        try (Stream<Path> files = Files.list(COURSE_NOTEBOOKS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .sorted()
                    .toList();
        }
    }

    /** Opens 02-forget-gate from the file browser, as a student does, and waits for its kernel. */
    void openForgetGate() {
        page.load(lab.url("/lab"), Duration.ofMinutes(2));
        page.openInFileBrowser(FORGET_GATE);
        String kernel = page.awaitNotebook(FORGET_GATE, KERNEL_READY);
        assertEquals(KERNEL_NAME, kernel, "the notebook should run on the course kernel");
        assertEquals(
                KERNEL_NAME,
                browser.js(
                        LabPage.PANEL
                                + "return panel(arguments[0]).node.querySelector('.jp-Toolbar-kernelName').innerText.trim();",
                        FORGET_GATE),
                "the notebook's toolbar should name the course kernel");
        opened = true;
    }

    /** Makes sure notebook 02 is open (the earlier steps may have failed before opening it). */
    void ensureNotebookOpen() {
        if (!opened) {
            openForgetGate();
        }
    }

    /** Puts {@code source} into a cell at the bottom, runs it with the toolbar and waits; returns its index. */
    int runNewCell(String source, String step) {
        int index = page.appendCell(FORGET_GATE, source);
        page.run(FORGET_GATE, index, step, ONE_CELL);
        return index;
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

    /** Closes the browser, then Jupyter, then removes the run's folder, each even when the one before failed. */
    static void shutDown(Chromium browser, LabStart lab, Path run) throws Exception {
        try (LabStart jupyter = lab;
                Chromium chromium = browser) {
            // try-with-resources closes the browser first, then Jupyter; a null one is skipped
        } finally {
            deleteTree(run);
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
