package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * The student's own code called from a notebook on the real kernel: mine.ipynb saves E3ForgetGate.java
 * between cells, as Jupyter's editor would, and one kernel, never restarted, sees each saved version.
 */
class MineIT {

    @TempDir
    static Path home;

    static JsonObject nb;
    /** The line of the starter file's TODO, where mine.ipynb writes each version's body. */
    static int line;

    @BeforeAll
    static void runNotebook() throws Exception {
        Path course = Path.of("").toAbsolutePath();
        Files.writeString(home.resolve("lab"), "#!/bin/sh\n");
        GradingFixtures.copyTree(course.resolve("exercises"), home.resolve("exercises"));
        GradingFixtures.copyTree(course.resolve("target/grading-classes"), home.resolve("target/grading-classes"));
        List<String> starter = Files.readAllLines(home.resolve("exercises/org/lstmlab/exercises/E3ForgetGate.java"));
        for (int k = 0; k < starter.size() && line == 0; k++) {
            line = starter.get(k).contains("throw new UnsupportedOperationException(") ? k + 1 : 0;
        }
        Path folder = Files.createDirectories(home.resolve("notebooks"));
        Files.copy(Jupyter.TEST_NOTEBOOKS.resolve("mine.ipynb"), folder.resolve("mine.ipynb"));
        Jupyter jupyter = Jupyter.withKernelOn(home.resolve("jupyter"), Jupyter.currentJavaHome());
        jupyter.environment.put("LSTMLAB_HOME", home.toString());
        Jupyter.Run run = jupyter.execute(List.of("--allow-errors", "--timeout", "300"), folder.resolve("mine.ipynb"));
        nb = run.notebook("mine");
    }

    private static JsonObject error(int cell) {
        return Jupyter.only(nb, cell, "error");
    }

    @Test
    void theStarterFileShowsNotImplementedNextToTheExpectedOutputWithoutFailingTheCell() {
        String html = Jupyter.result(nb, 1, "text/html");
        assertTrue(html.contains("expected output"), html);
        assertTrue(html.contains("not implemented yet: replace the TODO in E3ForgetGate.forgetGate"), html);
        assertTrue(html.contains("fixed case (seed 7, B=2, X=3, H=4)"), html);
    }

    @Test
    void callingTheStarterFileSaysWhatTheGraderSays() {
        JsonObject e = error(2);
        assertEquals(
                "org.lstmlab.grade.author.StudentCodeFailed", e.get("ename").getAsString());
        assertEquals(
                "not implemented yet: replace the TODO in E3ForgetGate.forgetGate with f_t = σ(W_f · [h_{t-1}, x_t]"
                        + " + b_f) (notebook 02-forget-gate)",
                e.get("evalue").getAsString());
    }

    @Test
    void aSavedWrongAnswerIsWhatTheNextCallReturnsAndTheTableShowsTheDifference() {
        assertEquals("0.0", Jupyter.result(nb, 3, "text/plain"), "tanh(0) from the saved tanh version");
        String html = Jupyter.result(nb, 4, "text/html");
        assertTrue(html.contains("f_t is wrong at [0, 0]: expected"), html);
        assertFalse(html.contains("✓ close"), html);
    }

    @Test
    void theRightAnswerSavedNextIsPickedUpWithoutARestart() {
        assertEquals("0.5", Jupyter.result(nb, 5, "text/plain"), "σ(0) from the saved σ version");
        String html = Jupyter.result(nb, 6, "text/html");
        assertTrue(html.contains("✓ close"), html);
        assertFalse(html.contains("wrong"), html);
        assertTrue(html.contains("E3 forget gate"), html);
    }

    @Test
    void aCompileErrorIsReportedWithItsLineAsTheGraderWritesIt() {
        String message = error(7).get("evalue").getAsString();
        assertTrue(
                message.startsWith("E3ForgetGate.java does not compile:\n  E3ForgetGate.java:" + line + ": "), message);
        assertTrue(message.contains("';' expected"), message);
    }

    @Test
    void anExceptionIsReportedWithTheLineOfTheStudentsFile() {
        assertEquals(
                "E3ForgetGate.forgetGate threw java.lang.IllegalStateException: my bug (at E3ForgetGate.java:" + line
                        + ")",
                error(8).get("evalue").getAsString());
        String html = Jupyter.result(nb, 9, "text/html");
        assertTrue(html.contains("my bug (at E3ForgetGate.java:" + line + ")"), "the table shows it too: " + html);
    }
}
