package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost output: a cell printing 200,000 lines delivers every one of them, in order. No output too many: a cell
 * ending in {@code display(...)} shows the display and not its id, and where runs are compared
 * ({@code LSTMLAB_SEQUENTIAL_IDS}) display ids and widget model ids count from 1. Nothing left out at the end: a
 * shutdown hook runs to its end when the kernel shuts down, without a {@code CellInterrupted} in the log.
 */
class KernelOutputIT {

    @TempDir
    Path home;

    @Test
    void aCellPrinting200000LinesDeliversEveryLineInOrder() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        Jupyter.Run run = jupyter.execute(List.of("--timeout", "600"), Jupyter.TEST_NOTEBOOKS.resolve("output.ipynb"));
        assertEquals(0, run.exitCode(), run.log());
        JsonObject nb = run.notebook("output");
        List<String> lines = Jupyter.stream(nb, 0, "stdout").lines().toList();
        assertEquals(200_000, lines.size(), "lines delivered");
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("line " + i, lines.get(i), "line " + i + " out of order or damaged");
        }
        System.out.println("200,000 lines arrived in " + Jupyter.outputs(nb, 0).size() + " stream messages");
    }

    @Test
    void aCellEndingInDisplayShowsTheDisplayAloneAndIdsCountFromOneWhereRunsAreCompared() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        jupyter.environment.put("LSTMLAB_SEQUENTIAL_IDS", "1");
        Jupyter.Run run = jupyter.execute(List.of(), Jupyter.TEST_NOTEBOOKS.resolve("displays.ipynb"));
        assertEquals(0, run.exitCode(), run.log());
        JsonObject nb = run.notebook("displays");
        assertEquals(List.of("display_data:shown"), shown(nb, 0), "a comment above the display call");
        assertEquals(List.of("display_data:a", "display_data:b"), shown(nb, 1), "a comment after it");
        assertEquals(
                List.of("display_data:c", "execute_result:00000000-0000-4000-8000-000000000004"),
                shown(nb, 2),
                "an id the cell asks for is shown, the fourth of the session");
        JsonObject view = Jupyter.only(nb, 3, "display_data")
                .getAsJsonObject("data")
                .getAsJsonObject("application/vnd.jupyter.widget-view+json");
        // counted, not random: the widget's comm is among the first of the session (a control may open its style first)
        assertTrue(view.get("model_id").getAsString().matches("0{30}0[1-9]"), view.toString());
    }

    @Test
    void atShutdownACellsCleanupRunsToItsEndWithoutACellInterruptedInTheLog() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        Path mark = home.resolve("cleanup.txt");
        jupyter.environment.put("LAB_SHUTDOWN_MARK", mark.toString());
        Jupyter.Run run = jupyter.execute(List.of(), Jupyter.TEST_NOTEBOOKS.resolve("shutdown.ipynb"));
        assertEquals(0, run.exitCode(), run.log());
        for (int k = 0; k < 100 && !Files.exists(mark); k++) Thread.sleep(100); // the kernel exits after nbclient
        assertTrue(Files.exists(mark), "the cell's shutdown hook did not run to its end:\n" + run.log());
        assertEquals("cleanup ran to its end after 1000 steps", Files.readString(mark), run.log());
        assertFalse(run.log().contains("CellInterrupted"), run.log());
    }

    /** Each output of a cell as its type and its text/plain. */
    private static List<String> shown(JsonObject nb, int cell) {
        return Jupyter.outputs(nb, cell).stream()
                .map(o -> o.get("output_type").getAsString() + ":"
                        + Jupyter.text(o.getAsJsonObject("data").get("text/plain")))
                .toList();
    }
}
