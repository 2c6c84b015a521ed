package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No lost output: a cell printing 200,000 lines delivers every one of them, in order. */
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
}
