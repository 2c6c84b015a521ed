package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The exercise loop of a student in a real browser, on a student edition ({@code ./lab release}) served by
 * its own {@code ./lab start} from its root, in JupyterLab 4: E3ForgetGate.java opened from the file browser, typed
 * into and saved (File ▸ Save) in JupyterLab's editor,
 * wrong (tanh) and then right (σ), each time called from notebook 02 with {@code mine(E3)}, shown next to
 * the expected output and checked with {@code check("E3")} — one kernel, never restarted (its execution
 * count goes 1, 2, … 6). Screenshots go
 * to target/browser/edition/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditionStudentPathIT {

    static final Path SHOTS = Path.of("target/browser/edition");
    static final String E3_FILE = "exercises/org/lstmlab/exercises/E3ForgetGate.java";
    static final String WRONG =
            "return Transforms.tanh(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));";
    static final String RIGHT =
            "return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));";
    /** The student's own call, on inputs where σ gives 0.5 and tanh 0. */
    static final String CALL = "import static org.lstmlab.grade.notebook.Mine.*;\n"
            + "INDArray z = Nd4j.zeros(DataType.DOUBLE, 1, 2);\n"
            + "mine(E3).forgetGate(z, z, Nd4j.zeros(DataType.DOUBLE, 2, 4), Nd4j.zeros(DataType.DOUBLE, 2))";

    static final Duration READY = BrowserSession.READY;
    static final Duration ONE_CELL = Duration.ofMinutes(3);

    BrowserSession session;
    Path edition;
    LabStart lab;
    Chromium browser;
    LabPage page;
    static final String NOTEBOOK = "notebooks/02-forget-gate.ipynb";
    /** Cells run in the notebook's kernel so far: each run's execution count must be the next, never a restart's 1. */
    int runs;

    @BeforeAll
    void releaseAnEditionAndStartItsJupyterAndTheBrowser() throws Exception {
        session = BrowserSession.start("edition-browser", SHOTS, "lab", run -> {
            Path released = run.resolve("edition");
            Process release = new ProcessBuilder("./lab", "release", "--out", released.toString())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(release.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, release.waitFor(), "./lab release failed:\n" + said);
            return new BrowserSession.Served(released, released);
        });
        edition = session.run.resolve("edition");
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
    void theEditionsFileBrowserOffersNotebooksAndExercisesAndNoSolutions() {
        page.load(lab.url("/lab?token=" + lab.token), READY);
        browser.await(
                "edition-tree",
                "the file browser to list notebooks and exercises",
                READY,
                () -> page.listed().containsAll(List.of("notebooks", "exercises")));
        browser.screenshot("01-edition-file-browser");
        assertFalse(page.listed().contains("solutions"), "the edition's file browser lists " + page.listed());
        for (String folder : List.of("exercises", "org", "lstmlab", "exercises")) {
            page.openInFileBrowser(folder);
        }
        browser.await(
                "edition-exercises",
                "the exercises folder to list E3ForgetGate.java",
                READY,
                () -> page.listed().contains("E3ForgetGate.java"));
        browser.screenshot("02-edition-exercises");
    }

    @Test
    @Order(2)
    void aWrongAnswerSavedInTheEditorIsWhatTheNotebookCallsAndTheCheckGivesTheHint() throws Exception {
        if (!page.listed().contains("E3ForgetGate.java")) {
            page.load(lab.url("/lab/tree/exercises/org/lstmlab/exercises"), READY);
        }
        page.openInFileBrowser("E3ForgetGate.java");
        browser.await(
                "editor",
                "JupyterLab's editor to load E3ForgetGate.java",
                READY,
                () -> Boolean.TRUE.equals(browser.js(EDITOR + """
                    var e = editor(arguments[0]);
                    return !!e && e.model.sharedModel.getSource().indexOf('UnsupportedOperationException') >= 0;
                    """, E3_FILE)));
        typeOverTheLineHolding("throw new UnsupportedOperationException", WRONG);
        browser.screenshot("03-editor-wrong-answer-typed");
        save(WRONG);
        browser.screenshot("04-editor-wrong-answer-saved");

        openForgetGate();
        String yours = runAtBottom(CALL, "mine-wrong");
        assertFalse(yours.contains("0.5"), "tanh(0) = 0 expected, not σ(0): " + yours);
        browser.screenshot("05-notebook-mine-wrong");
        String table = runCellHolding("expectedOutput(E3)", "expected-wrong");
        assertTrue(table.contains("f_t is wrong at [0, 0]: expected"), table);
        browser.screenshot("06-notebook-expected-output-wrong");
        String check = runCellHolding("check(\"E3\")", "check-wrong");
        assertTrue(check.contains("did you use tanh instead of σ?"), check);
        browser.screenshot("07-notebook-check-hint");
    }

    @Test
    @Order(3)
    void theRightAnswerSavedNextIsPickedUpWithoutRestartingTheKernel() throws Exception {
        browser.js(EDITOR + "jupyterapp.shell.activateById(editor(arguments[0]).parent.id);", E3_FILE);
        browser.await(
                "editor-again",
                "the editor's tab to show again",
                Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(browser.js(EDITOR + "return editor(arguments[0]).isVisible;", E3_FILE)));
        typeOverTheLineHolding("Transforms.tanh", RIGHT);
        save(RIGHT);
        browser.screenshot("08-editor-right-answer-saved");

        browser.js(LabPage.PANEL + "jupyterapp.shell.activateById(panel(arguments[0]).id);", NOTEBOOK);
        String yours = runAtBottom(CALL, "mine-right");
        assertTrue(yours.contains("0.5"), "σ(0) = 0.5 expected: " + yours);
        browser.screenshot("09-notebook-mine-right");
        String table = runCellHolding("expectedOutput(E3)", "expected-right");
        assertTrue(table.contains("✓ close") && !table.contains("wrong"), table);
        browser.screenshot("10-notebook-expected-output-right");
        String check = runCellHolding("check(\"E3\")", "check-right");
        assertTrue(check.contains("8/8"), "full public points expected: " + check);
        browser.screenshot("11-notebook-check-full-points");
    }

    // ----------------------------------------------------------------------------------- helpers

    /** The file editor open on {@code path} in the main area, or undefined. */
    static final String EDITOR = """
        function editor(path) {
          return Array.from(jupyterapp.shell.widgets('main')).find(function (w) {
            return w.context && w.context.path === path && w.content && w.content.editor;
          }).content;
        }
        """;

    /** Selects the text of the editor's line holding {@code marker} (after its indent) and types {@code text}. */
    void typeOverTheLineHolding(String marker, String text) {
        Number line = (Number) browser.js(EDITOR + """
                var e = editor(arguments[0]).editor;
                for (var i = 0; i < e.lineCount; i++) {
                  var l = e.getLine(i);
                  if (l.indexOf(arguments[1]) >= 0) {
                    e.focus();
                    e.setSelection({start: {line: i, column: l.search(/\\S/)}, end: {line: i, column: l.length}});
                    return i;
                  }
                }
                return -1;
                """, E3_FILE, marker);
        assertTrue(line.intValue() >= 0, "the editor shows no line holding " + marker);
        browser.await(
                "editor-focus",
                "the editor to take the keyboard",
                Duration.ofSeconds(30),
                () -> Boolean.TRUE.equals(browser.js(
                        EDITOR + "var e = editor(arguments[0]); e.editor.focus();"
                                + " return e.node.contains(document.activeElement);",
                        E3_FILE)));
        browser.driver.switchTo().activeElement().sendKeys(text);
        String typed = (String)
                browser.js(EDITOR + "return editor(arguments[0]).editor.getLine(arguments[1]).trim();", E3_FILE, line);
        assertEquals(text, typed, "what the editor holds after typing");
    }

    /** File ▸ Save in JupyterLab, then waits until the file on disk holds {@code text}. */
    void save(String text) throws Exception {
        page.menu("File", "docmanager:save");
        Path file = edition.resolve(E3_FILE);
        browser.await("saved", "the editor to save " + E3_FILE, Duration.ofSeconds(30), () -> {
            try {
                return Files.readString(file).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    /** Opens notebook 02 from the file browser (the notebooks folder) and waits for its kernel. */
    void openForgetGate() {
        browser.js("jupyterapp.commands.execute('filebrowser:go-to-path', {path: '/notebooks'});");
        page.openInFileBrowser("02-forget-gate.ipynb");
        assertEquals(
                "Java (LSTM Lab)", page.awaitNotebook(NOTEBOOK, READY), "notebook 02 should run on the course kernel");
    }

    /** Puts {@code source} into a new cell at the bottom, runs it, and returns its output's text. */
    String runAtBottom(String source, String step) {
        int index = ((Number) browser.js(LabPage.PANEL + """
                var p = panel(arguments[0]), n = p.content.widgets.length;
                p.content.model.sharedModel.insertCell(n, {cell_type: 'code', source: arguments[1]});
                return n;
                """, NOTEBOOK, source)).intValue();
        return run(index, step);
    }

    /** Runs the notebook's code cell whose source holds {@code text}, returns its output's text. */
    String runCellHolding(String text, String step) {
        int index = page.codeCellHolding(NOTEBOOK, text, false);
        assertTrue(index >= 0, "notebook 02 has no cell holding " + text);
        return run(index, step);
    }

    /** Selects the cell, presses the toolbar's Run button, waits for it and the kernel, returns its output. */
    String run(int index, String step) {
        page.run(NOTEBOOK, index, step, ONE_CELL);
        browser.js("arguments[0].scrollIntoView({block: 'start'});", page.cell(NOTEBOOK, index));
        runs++;
        assertEquals(
                runs,
                page.executionCount(NOTEBOOK, index).intValue(),
                "the kernel's execution count goes on from cell to cell: it was never restarted");
        return page.outputText(NOTEBOOK, index);
    }
}
