package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kernel > Interrupt stops a {@code while (true) {}} cell, a busy loop in a method the notebook
 * declared, and {@code Thread.sleep}, on the JDK the tests run on (17) and on JDK 25, where
 * {@code Thread.stop} no longer exists; also a loop inside a class loaded from a folder (as the
 * course library is). The kernel keeps its state and runs the next cell.
 */
class KernelInterruptIT {

    @TempDir
    Path home;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"the test JDK", Jupyter.JDK_25})
    void interruptStopsLoopsAndSleepsAndTheKernelKeepsItsState(String jdk) throws Exception {
        String javaHome = jdk.equals("the test JDK") ? Jupyter.currentJavaHome() : jdk;
        if (!Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            throw new AssertionError("the interrupt test needs a JDK at " + javaHome);
        }
        Path folder = Files.createDirectories(home.resolve("notebooks"));
        Files.copy(Jupyter.TEST_NOTEBOOKS.resolve("interrupt.ipynb"), folder.resolve("interrupt.ipynb"));
        Path source = Files.createDirectories(home.resolve("src/labextra")).resolve("Busy.java");
        Files.writeString(
                source,
                "package labextra; public class Busy {"
                        + " public static long spin() { long n = 0; while (true) { n++; } } }");
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "--release",
                                "17",
                                "-d",
                                folder.resolve("extra").toString(),
                                source.toString()));
        Jupyter jupyter = Jupyter.withKernelOn(home.resolve("jupyter"), javaHome);
        long started = System.nanoTime();
        Jupyter.Run run = jupyter.execute(
                List.of("--timeout", "300", "--interrupt-after", "5"), folder.resolve("interrupt.ipynb"));
        JsonObject nb = run.notebook("interrupt");
        for (int cell : new int[] {1, 3, 4, 8}) {
            JsonObject error = Jupyter.only(nb, cell, "error");
            assertEquals("CellInterrupted", error.get("ename").getAsString(), "cell " + cell + ": " + error);
        }
        assertEquals("8", Jupyter.result(nb, 5, "text/plain"), "the state survives: " + run.log());
        assertEquals(
                String.valueOf(
                        Jupyter.javaFeature(Path.of(javaHome, "bin", "java").toString())),
                Jupyter.result(nb, 6, "text/plain"),
                "the kernel ran on the JDK under test");
        assertEquals("7", Jupyter.result(nb, 9, "text/plain"), "the state survives a loop in a library class");
        System.out.printf(
                "interrupt notebook on Java %s: %.1f s%n",
                Jupyter.result(nb, 6, "text/plain"), (System.nanoTime() - started) / 1e9);
    }
}
