package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel as a notebook sees it: evaluation.ipynb executed by nbclient on the shaded kernel. */
class KernelEvaluationIT {

    @TempDir
    static Path home;

    static JsonObject nb;
    static String log;

    @BeforeAll
    static void runNotebook() throws Exception {
        Path folder = Files.createDirectories(home.resolve("notebooks"));
        Files.copy(Jupyter.TEST_NOTEBOOKS.resolve("evaluation.ipynb"), folder.resolve("evaluation.ipynb"));
        Path source = Files.createDirectories(home.resolve("src/labextra")).resolve("Greeting.java");
        Files.writeString(
                source,
                "package labextra; public class Greeting {"
                        + " public static String hello() { return \"hello from extra\"; } }");
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", folder.resolve("extra").toString(), source.toString());
        assertEquals(0, compiled, "javac of the %classpath fixture");
        Jupyter jupyter = Jupyter.withKernelOn(home.resolve("jupyter"), Jupyter.currentJavaHome());
        Jupyter.Run run =
                jupyter.execute(List.of("--allow-errors", "--timeout", "300"), folder.resolve("evaluation.ipynb"));
        log = run.log();
        nb = run.notebook("evaluation");
    }

    @Test
    void stateCarriesAcrossCellsAndTheLastExpressionIsTheCellValue() {
        assertTrue(Jupyter.outputs(nb, 0).isEmpty(), "a declaration shows nothing: " + Jupyter.outputs(nb, 0));
        assertEquals("42", Jupyter.result(nb, 1, "text/plain"));
    }

    @Test
    void printedTextArrivesAsStdoutAndStderrStreams() {
        assertEquals("to stdout\n", Jupyter.stream(nb, 2, "stdout"));
        assertEquals("to stderr\n", Jupyter.stream(nb, 2, "stderr"));
    }

    @Test
    void aRuntimeExceptionIsReportedWithItsRealClassAndMessage() {
        JsonObject error = Jupyter.only(nb, 3, "error");
        assertEquals("java.lang.ArithmeticException", error.get("ename").getAsString());
        assertEquals("/ by zero", error.get("evalue").getAsString());
    }

    @Test
    void aCompileErrorNamesJavacsMessageAndItsLineAndColumnInTheCell() {
        JsonObject error = Jupyter.only(nb, 4, "error");
        assertEquals("CompilationException", error.get("ename").getAsString());
        String message = error.get("evalue").getAsString();
        assertTrue(message.startsWith("line 2, column 9: cannot find symbol"), message);
        assertTrue(message.contains("undefinedName"), message);
    }

    @Test
    void anExceptionFromANotebookMethodCarriesTheStackThroughThatMethod() {
        JsonObject error = Jupyter.only(nb, 5, "error");
        assertEquals("java.lang.IllegalStateException", error.get("ename").getAsString());
        assertEquals("from a method", error.get("evalue").getAsString());
        String traceback =
                String.join("\n", Jupyter.text(error.get("traceback")).lines().toList());
        assertTrue(error.getAsJsonArray("traceback").toString().contains("boom"), traceback);
    }

    @Test
    void theKernelKeepsItsStateAfterErrors() {
        assertEquals("43", Jupyter.result(nb, 6, "text/plain"));
    }

    @Test
    void displayOfAnXChartChartIsAPngOfTheChartsSize() throws Exception {
        JsonObject shown = Jupyter.only(nb, 7, "display_data");
        assertEquals(1, Jupyter.outputs(nb, 7).size(), "a cell ending in display(chart); shows the chart once");
        BufferedImage image = png(Jupyter.text(shown.getAsJsonObject("data").get("image/png")));
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
    }

    @Test
    void aChartAsTheCellValueIsAPngToo() throws Exception {
        BufferedImage image = png(Jupyter.result(nb, 8, "image/png"));
        assertEquals(320, image.getWidth());
        assertTrue(Jupyter.result(nb, 8, "text/plain").contains("squares"));
    }

    @Test
    void aBufferedImageIsShownAsPng() throws Exception {
        BufferedImage image = png(Jupyter.result(nb, 9, "image/png"));
        assertEquals(40, image.getWidth());
        assertEquals(30, image.getHeight());
    }

    @Test
    void aTablesawTableIsAnHtmlTableOfItsFirstRowsWithItsShape() {
        String html = Jupyter.result(nb, 10, "text/html");
        assertTrue(html.contains("<th>step</th>") && html.contains("<th>loss</th>"), html);
        assertTrue(html.contains("12 rows × 2 columns"), html);
        assertEquals(Rendering.TABLE_ROWS + 1, html.split("<tr>").length - 1, "header + first rows: " + html);
    }

    @Test
    void anIndArrayShowsItsShapeAndDataType() {
        String text = Jupyter.result(nb, 11, "text/plain");
        assertTrue(text.startsWith("INDArray [2, 3] DOUBLE"), text);
    }

    @Test
    void anObjectWithToHtmlIsShownAsHtmlWithItsToStringAsText() {
        assertEquals("<b>E3 passed</b>", Jupyter.result(nb, 12, "text/html"));
        assertEquals("E3 passed", Jupyter.result(nb, 12, "text/plain"));
    }

    @Test
    void lsmagicListsTheMagics() {
        String listed = Jupyter.stream(nb, 13, "stdout");
        assertTrue(listed.contains("%classpath") && listed.contains("%jars") && listed.contains("%%time"), listed);
    }

    @Test
    void timeMagicRunsTheCellAndReportsItsWallTime() {
        assertEquals("\"timed\"".replace("\"", ""), Jupyter.result(nb, 14, "text/plain"));
        assertTrue(Jupyter.stream(nb, 14, "stdout").matches("Wall time: \\d+ ms\\n"), Jupyter.stream(nb, 14, "stdout"));
    }

    @Test
    void exitCallsFailTheCellInsteadOfEndingTheKernel() {
        assertTrue(Jupyter.only(nb, 15, "error").get("evalue").getAsString().startsWith("System.exit(3)"));
        assertTrue(Jupyter.only(nb, 16, "error").get("evalue").getAsString().startsWith("Runtime.exit(4)"));
        assertTrue(Jupyter.only(nb, 17, "error").get("evalue").getAsString().startsWith("Runtime.halt(5)"));
        assertEquals(
                "org.lstmlab.kernel.ExitBlocked",
                Jupyter.only(nb, 15, "error").get("ename").getAsString());
        assertEquals("42", Jupyter.result(nb, 18, "text/plain"), "the kernel and its state live on");
    }

    @Test
    void theStartupSnippetImportsTheLibraryNd4jTablesawAndXChart() {
        assertEquals(
                "org.lstmlab.nn.RnnCell INDArray Table XYChart NDArrayIndex", Jupyter.result(nb, 19, "text/plain"));
    }

    /**
     * ZeroMQ, ASM and jjava are the kernel's alone. (Gson is not in the list: the grader behind
     * {@code check("E3")} writes results.json with it, so the library's class path carries it.)
     */
    @Test
    void theKernelsOwnLibrariesAreInvisibleToNotebookCode() {
        assertEquals(
                "org.zeromq.ZMQ hidden; org.objectweb.asm.ClassReader hidden;"
                        + " org.dflib.jjava.jupyter.kernel.BaseKernel hidden",
                Jupyter.result(nb, 20, "text/plain"));
    }

    @Test
    void notebookCodeSeesTheLibrarysSlf4jNotTheKernels() {
        String location = Jupyter.result(nb, 21, "text/plain");
        assertTrue(location.contains("/org/slf4j/slf4j-api/"), location);
        assertFalse(location.contains("-kernel.jar"), location);
    }

    @Test
    void classpathMagicAddsAFolderRelativeToTheNotebook() {
        assertTrue(
                Jupyter.stream(nb, 22, "stdout").startsWith("added to the classpath: "),
                Jupyter.stream(nb, 22, "stdout"));
        assertEquals("\"hello from extra\"".replace("\"", ""), Jupyter.result(nb, 22, "text/plain"));
    }

    @Test
    void printedTextBeforeADisplayStaysBeforeIt() {
        List<JsonObject> outputs = Jupyter.outputs(nb, 23);
        assertEquals(
                List.of("stream", "display_data", "stream"),
                outputs.stream().map(o -> o.get("output_type").getAsString()).toList(),
                outputs.toString());
        assertEquals("before\n", Jupyter.text(outputs.get(0).get("text")));
        assertEquals(
                "shown", Jupyter.text(outputs.get(1).getAsJsonObject("data").get("text/plain")));
    }

    @Test
    void anUnknownMagicIsAnErrorNamingIt() {
        JsonObject error = Jupyter.only(nb, 24, "error");
        assertEquals("UndefinedMagic", error.get("ename").getAsString());
        assertTrue(error.get("evalue").getAsString().contains("%nosuchmagic"));
    }

    @Test
    void displayReturnsAnIdThatUpdateDisplayUsesToReplaceTheDisplayInPlaceEvenFromALaterCell() {
        List<JsonObject> outputs = Jupyter.outputs(nb, 25);
        assertEquals(
                List.of("display_data", "execute_result"),
                outputs.stream().map(o -> o.get("output_type").getAsString()).toList(),
                "one display, updated in place, then the id's length: " + outputs);
        assertEquals("36", Jupyter.result(nb, 25, "text/plain"), "a UUID");
        JsonObject data = outputs.get(0).getAsJsonObject("data");
        assertEquals("<b>third</b>", Jupyter.text(data.get("text/html")), "cell 26 updated cell 25's display: " + data);
        assertFalse(data.has("text/plain"), "the update sent text/html only: " + data);
        assertTrue(Jupyter.outputs(nb, 26).isEmpty(), "an update shows nothing new: " + Jupyter.outputs(nb, 26));
    }

    @Test
    void aCellEndingInABareDisplayCallShowsTheDisplayNotItsId() {
        List<JsonObject> outputs = Jupyter.outputs(nb, 27);
        assertEquals(1, outputs.size(), outputs.toString());
        assertEquals("display_data", outputs.get(0).get("output_type").getAsString());
        assertTrue(Jupyter.text(outputs.get(0).getAsJsonObject("data").get("text/plain"))
                .startsWith("INDArray [2, 2] DOUBLE"));
    }

    @Test
    void updateDisplayOfAnUnknownIdFailsSayingWhereIdsComeFrom() {
        JsonObject error = Jupyter.only(nb, 28, "error");
        assertEquals("java.lang.IllegalArgumentException", error.get("ename").getAsString());
        assertTrue(error.get("evalue").getAsString().contains("an id that display(...) returned"), error.toString());
        assertTrue(error.get("evalue").getAsString().contains("\"no-such-id\""), error.toString());
    }

    @Test
    void readingSystemInWhereTheFrontEndAllowsNoInputFailsAtOnceSayingSo() {
        JsonObject error = Jupyter.only(nb, 29, "error");
        assertEquals("org.lstmlab.kernel.StdinUnavailable", error.get("ename").getAsString());
        String message = error.get("evalue").getAsString();
        assertTrue(message.startsWith("standard input is not available: "), message);
        assertTrue(message.contains("allow_stdin = false"), message);
    }

    @Test
    void trainingShowsOneProgressLineUpdatedInPlaceAndPrintsOnlyItsSummary() {
        List<JsonObject> outputs = Jupyter.outputs(nb, 30);
        assertEquals(
                List.of("stream", "display_data", "stream", "execute_result"),
                outputs.stream().map(o -> o.get("output_type").getAsString()).toList(),
                outputs.toString());
        assertEquals("training\n", Jupyter.text(outputs.get(0).get("text")));
        String line = Jupyter.text(outputs.get(1).getAsJsonObject("data").get("text/plain"));
        assertTrue(line.startsWith("[========================] step 40/40 (100%)  loss "), line);
        String summary = Jupyter.text(outputs.get(2).get("text"));
        assertTrue(summary.startsWith("done: 40 steps in "), summary);
        assertEquals(1, summary.lines().count(), "no progress lines in the stream: " + summary);
        assertEquals("40", Jupyter.result(nb, 30, "text/plain"));
    }

    private static BufferedImage png(String base64) throws Exception {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.strip())));
        assertTrue(image != null, "not a decodable PNG");
        return image;
    }
}
