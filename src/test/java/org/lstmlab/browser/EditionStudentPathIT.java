package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The exercise loop of a student in a real browser, on a student edition ({@code ./lab release}) served by
 * its own {@code ./lab start} from its root: E3ForgetGate.java typed into and saved from Jupyter's editor,
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

    static final Duration READY = Duration.ofMinutes(3);
    static final Duration ONE_CELL = Duration.ofMinutes(3);

    Path run;
    Path edition;
    LabStart lab;
    Chromium browser;
    String editorWindow;
    String notebookWindow;
    /** Cells run in the notebook's kernel so far: each run's execution count must be the next, never a restart's 1. */
    int runs;

    @BeforeAll
    void releaseAnEditionAndStartItsJupyterAndTheBrowser() throws Exception {
        run = Files.createTempDirectory("lstmlab-edition-browser-");
        edition = run.resolve("edition");
        Files.createDirectories(SHOTS);
        Process release = new ProcessBuilder("./lab", "release", "--out", edition.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(release.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, release.waitFor(), "./lab release failed:\n" + said);
        lab = LabStart.start(edition, run, edition, SHOTS.resolve("jupyter.log"), READY);
        browser = Chromium.start(run, SHOTS);
    }

    @AfterAll
    void shutDown() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
            StudentPathIT.deleteTree(run);
        }
    }

    @Test
    @Order(1)
    void theEditionsTreePageOffersNotebooksAndExercisesAndNoSolutions() {
        browser.driver.get(lab.url("/tree?token=" + lab.token));
        browser.await(
                "edition-tree",
                "the tree page to list notebooks and exercises",
                READY,
                () -> listed().containsAll(List.of("notebooks", "exercises")));
        browser.screenshot("01-edition-tree");
        assertFalse(listed().contains("solutions"), "the edition's tree page lists " + listed());
        browser.driver.get(lab.url("/tree/exercises/org/lstmlab/exercises"));
        browser.await(
                "edition-exercises",
                "the exercises folder to list E3ForgetGate.java",
                READY,
                () -> listed().contains("E3ForgetGate.java"));
        browser.screenshot("02-edition-exercises");
    }

    @Test
    @Order(2)
    void aWrongAnswerSavedInTheEditorIsWhatTheNotebookCallsAndTheCheckGivesTheHint() throws Exception {
        browser.driver.get(lab.url("/edit/" + E3_FILE));
        editorWindow = browser.driver.getWindowHandle();
        browser.await(
                "editor",
                "Jupyter's editor to load E3ForgetGate.java",
                READY,
                () -> (Boolean) browser.js("return !!(window.IPython && IPython.editor && IPython.editor.codemirror"
                        + " && IPython.editor.codemirror.getValue().indexOf('UnsupportedOperationException') >= 0);"));
        typeOverTheLineHolding("throw new UnsupportedOperationException", WRONG);
        browser.screenshot("03-editor-wrong-answer-typed");
        save(WRONG);
        browser.screenshot("04-editor-wrong-answer-saved");

        openForgetGateInANewTab();
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
        browser.driver.switchTo().window(editorWindow);
        typeOverTheLineHolding("Transforms.tanh", RIGHT);
        save(RIGHT);
        browser.screenshot("08-editor-right-answer-saved");

        browser.driver.switchTo().window(notebookWindow);
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

    List<String> listed() {
        return browser.driver.findElements(By.cssSelector("#notebook_list .list_item .item_name")).stream()
                .map(e -> e.getText().trim())
                .toList();
    }

    /** Selects the text of the editor's line holding {@code marker} (after its indent) and types {@code text}. */
    void typeOverTheLineHolding(String marker, String text) {
        Number line = (Number) browser.js("""
                var cm = IPython.editor.codemirror;
                for (var i = 0; i < cm.lineCount(); i++) {
                  var l = cm.getLine(i);
                  if (l.indexOf(arguments[0]) >= 0) {
                    cm.focus();
                    cm.setSelection({line: i, ch: l.search(/\\S/)}, {line: i, ch: l.length});
                    return i;
                  }
                }
                return -1;
                """, marker);
        assertTrue(line.intValue() >= 0, "the editor shows no line holding " + marker);
        browser.driver.switchTo().activeElement().sendKeys(text);
        String typed = (String) browser.js("return IPython.editor.codemirror.getLine(arguments[0]).trim();", line);
        assertEquals(text, typed, "what the editor holds after typing");
    }

    /** File ▸ Save in the editor, then waits until the file on disk holds {@code text}. */
    void save(String text) throws Exception {
        browser.find(By.xpath("//ul[@id='file-menu']/preceding-sibling::a")).click();
        browser.await(
                "file-menu",
                "the editor's File menu",
                Duration.ofSeconds(30),
                () -> browser.find(By.cssSelector("#save-file a")).isDisplayed());
        browser.find(By.cssSelector("#save-file a")).click();
        Path file = edition.resolve(E3_FILE);
        browser.await("saved", "the editor to save " + E3_FILE, Duration.ofSeconds(30), () -> {
            try {
                return Files.readString(file).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    void openForgetGateInANewTab() {
        browser.driver.switchTo().newWindow(WindowType.TAB);
        notebookWindow = browser.driver.getWindowHandle();
        browser.driver.get(lab.url("/notebooks/notebooks/02-forget-gate.ipynb"));
        browser.await(
                "edition-kernel-ready",
                "notebook 02 to load and its kernel to go idle",
                READY,
                () -> Boolean.TRUE.equals(browser.js("""
            return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel
              && Jupyter.notebook.kernel.is_connected()
              && document.getElementById('kernel_indicator_icon').className === 'kernel_idle_icon');
            """)));
        browser.js(StudentPathIT.COUNTERS);
    }

    @SuppressWarnings("unchecked")
    long counter(String name) {
        return ((Number) ((Map<String, Object>) browser.js(StudentPathIT.STATE)).get(name)).longValue();
    }

    /** Puts {@code source} into a new cell at the bottom, runs it, and returns its output's text. */
    String runAtBottom(String source, String step) {
        int index = ((Number) browser.js("""
                var cell = Jupyter.notebook.insert_cell_at_bottom('code');
                cell.set_text(arguments[0]);
                return Jupyter.notebook.find_cell_index(cell);
                """, source)).intValue();
        return run(index, step);
    }

    /** Runs the notebook's code cell whose source holds {@code text}, returns its output's text. */
    String runCellHolding(String text, String step) {
        int index = ((Number) browser.js("""
                var cells = Jupyter.notebook.get_cells();
                for (var i = 0; i < cells.length; i++) {
                  if (cells[i].cell_type === 'code' && cells[i].get_text().indexOf(arguments[0]) >= 0) return i;
                }
                return -1;
                """, text)).intValue();
        assertTrue(index >= 0, "notebook 02 has no cell holding " + text);
        return run(index, step);
    }

    /** Selects the cell, presses the toolbar's Run button, waits for it and the kernel, returns its output. */
    String run(int index, String step) {
        long base = counter("finished");
        browser.js("Jupyter.notebook.select(arguments[0]); Jupyter.notebook.command_mode();", index);
        WebElement cell = cell(index);
        browser.js("arguments[0].scrollIntoView({block: 'start'});", cell);
        browser.find(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']"))
                .click();
        browser.await(
                step,
                "cell " + index + " to run",
                ONE_CELL,
                () -> counter("finished") > base
                        && !cell(index).getAttribute("class").contains("running"));
        browser.js("arguments[0].scrollIntoView({block: 'start'});", cell(index));
        runs++;
        assertEquals(
                runs,
                ((Number) browser.js("return Jupyter.notebook.get_cell(arguments[0]).input_prompt_number;", index))
                        .intValue(),
                "the kernel's execution count goes on from cell to cell: it was never restarted");
        return cell(index).findElement(By.cssSelector(".output_wrapper")).getText();
    }

    WebElement cell(int index) {
        return (WebElement) browser.js("return Jupyter.notebook.get_cell(arguments[0]).element[0];", index);
    }
}
