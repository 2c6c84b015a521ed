package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IJava's {@code %maven} through the real kernel and the real mvn, offline ({@code LAB_MAVEN_ARGS=-o}):
 * what the course's own build put in ~/.m2 resolves without the network.
 */
class KernelMavenIT {

    @TempDir
    static Path home;

    static JsonObject nb;

    @BeforeAll
    static void runNotebook() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        jupyter.environment.put("LAB_MAVEN_ARGS", "-o");
        Jupyter.Run run = jupyter.execute(
                List.of("--allow-errors", "--timeout", "300"), Jupyter.TEST_NOTEBOOKS.resolve("maven.ipynb"));
        nb = run.notebook("maven");
    }

    @Test
    void anArtifactInTheLocalRepositoryResolvesOfflineAndItsClassesAreUsableInTheSameCell() {
        String printed = Jupyter.stream(nb, 0, "stdout");
        assertTrue(printed.contains("added to the classpath: "), printed);
        assertTrue(printed.contains("/org/ow2/asm/asm/9.8/asm-9.8.jar"), printed);
        assertEquals("589824", Jupyter.result(nb, 0, "text/plain"), "Opcodes.ASM9");
    }

    @Test
    void jarsTheNotebookAlreadyHasAreNotAddedTwice() {
        String printed = Jupyter.stream(nb, 1, "stdout");
        assertTrue(
                printed.contains("already on the classpath: ") && printed.contains("commons-math3-3.6.1.jar"), printed);
        assertTrue(!printed.contains("added to the classpath: "), printed);
    }

    @Test
    void anArtifactNobodyHasFailsNamingItAndWhatMavenSaid() {
        JsonObject error = Jupyter.only(nb, 2, "error");
        assertEquals("MavenMagicError", error.get("ename").getAsString());
        String message = error.get("evalue").getAsString();
        assertTrue(message.startsWith("%maven could not resolve org.lstmlab.nosuch:nothing:0.0.1: "), message);
        assertTrue(message.contains("offline"), message);
    }

    @Test
    void somethingThatIsNotACoordinateIsRefusedWithAnExampleBeforeMavenRuns() {
        assertEquals("", Jupyter.stream(nb, 3, "stdout"), "nothing is resolved");
        String message = Jupyter.only(nb, 3, "error").get("evalue").getAsString();
        assertTrue(
                message.startsWith("'commons-math3' is not a Maven coordinate; write %maven group:artifact:version"));
    }

    @Test
    void lsmagicListsMaven() {
        assertTrue(Jupyter.stream(nb, 4, "stdout").contains("%maven"));
    }
}
