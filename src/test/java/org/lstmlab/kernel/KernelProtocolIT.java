package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's messages as a Jupyter front end exchanges them (jupyter_client, through
 * kernel_protocol.py): input requests, interrupting a cell that waits for input, display updates,
 * training progress, inspection, completion and history.
 */
class KernelProtocolIT {

    static final Path SCRIPT = Jupyter.TEST_NOTEBOOKS.resolve("kernel_protocol.py");

    @TempDir
    static Path home;

    static JsonObject results;

    @BeforeAll
    static void talkToTheKernel() throws Exception {
        results = talk(home.resolve("test-jdk"), Jupyter.currentJavaHome());
    }

    /** Runs kernel_protocol.py (with its arguments) on a kernel running on the given JDK. */
    static JsonObject talk(Path folder, String javaHome, String... arguments) throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(folder, javaHome);
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = jupyter.python(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "kernel_protocol.py timed out:\n" + out);
        assertEquals(0, process.exitValue(), out);
        String line = out.lines()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line:\n" + out));
        return JsonParser.parseString(line.substring("RESULT ".length())).getAsJsonObject();
    }

    static JsonObject cell(String name) {
        return results.getAsJsonObject(name);
    }

    /** The IOPub messages of a cell other than status and execute_input. */
    static List<JsonObject> outputs(String name) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement message : cell(name).getAsJsonArray("iopub")) {
            String type = message.getAsJsonObject().get("msg_type").getAsString();
            if (!type.equals("status") && !type.equals("execute_input")) {
                found.add(message.getAsJsonObject());
            }
        }
        return found;
    }

    static List<String> types(List<JsonObject> messages) {
        return messages.stream().map(m -> m.get("msg_type").getAsString()).toList();
    }

    static String plain(JsonObject message) {
        return message.getAsJsonObject("content")
                .getAsJsonObject("data")
                .get("text/plain")
                .getAsString();
    }

    static String displayId(JsonObject message) {
        return message.getAsJsonObject("content")
                .getAsJsonObject("transient")
                .get("display_id")
                .getAsString();
    }

    static String inspected(String code) {
        return inspected(results, code);
    }

    static String inspected(JsonObject from, String code) {
        JsonObject reply = from.getAsJsonObject("inspect " + code);
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        assertTrue(reply.get("found").getAsBoolean(), code + ": " + reply);
        return reply.getAsJsonObject("data").get("text/plain").getAsString();
    }

    // ------------------------------------------------------------------------------ System.in

    @Test
    void readingSystemInAsksTheFrontEndForALineAfterThePromptWasPrinted() {
        JsonObject stdin = cell("stdin");
        assertEquals(1, stdin.getAsJsonArray("prompts").size(), stdin.toString());
        List<JsonObject> outputs = outputs("stdin");
        assertEquals(List.of("stream", "execute_result"), types(outputs));
        assertEquals(
                "name? ", outputs.get(0).getAsJsonObject("content").get("text").getAsString());
        assertEquals("hello Ada", plain(outputs.get(1)));
        assertEquals("second line", plain(outputs("stdin_next_line").get(0)), "the next read asks again");
    }

    @Test
    void readingSystemInWithoutAllowStdinFailsAtOnceWithoutAnInputRequest() {
        JsonObject refused = cell("stdin_refused");
        assertEquals(0, refused.getAsJsonArray("prompts").size());
        JsonObject reply = refused.getAsJsonObject("reply");
        assertEquals("org.lstmlab.kernel.StdinUnavailable", reply.get("ename").getAsString());
        assertTrue(reply.get("evalue").getAsString().startsWith("standard input is not available: "), reply.toString());
    }

    @Test
    void aCellWaitingForInputCanBeInterruptedAndInputWorksAfterwards() {
        JsonObject reply = cell("stdin_interrupted").getAsJsonObject("reply");
        assertEquals("CellInterrupted", reply.get("ename").getAsString(), reply.toString());
        assertEquals("2", plain(outputs("after_interrupt").get(0)));
        assertEquals("still here", plain(outputs("stdin_after_interrupt").get(0)), "the stdin channel still works");
    }

    // ------------------------------------------------------------------------------ displays

    @Test
    void displayPublishesDisplayDataWithAnIdAndUpdateDisplayUpdatesThatId() {
        List<JsonObject> outputs = outputs("display");
        assertEquals(List.of("display_data", "update_display_data"), types(outputs));
        assertEquals(displayId(outputs.get(0)), displayId(outputs.get(1)));
        assertEquals("first", plain(outputs.get(0)));
        assertEquals("second", plain(outputs.get(1)));
    }

    @Test
    void trainingProgressIsOneDisplayUpdatedInPlaceThenTheSummaryAsText() {
        List<JsonObject> outputs = outputs("progress");
        assertEquals("display_data", types(outputs).get(0), types(outputs).toString());
        List<JsonObject> updates = outputs.subList(1, outputs.size() - 1);
        assertTrue(updates.size() >= 1, "at least the last step updates the line: " + types(outputs));
        for (JsonObject update : updates) {
            assertEquals("update_display_data", update.get("msg_type").getAsString());
            assertEquals(displayId(outputs.get(0)), displayId(update), "every update is for the one line");
        }
        assertTrue(plain(updates.get(updates.size() - 1)).contains("step 60/60 (100%)"));
        JsonObject summary = outputs.get(outputs.size() - 1);
        assertEquals("stream", summary.get("msg_type").getAsString());
        assertTrue(summary.getAsJsonObject("content").get("text").getAsString().startsWith("done: 60 steps"));
    }

    // ------------------------------------------------------------------------------ editor

    @Test
    void completionStillOffersTheLibrarysMethodsAndClasses() {
        JsonArray methods = results.getAsJsonObject("complete cell.forw").getAsJsonArray("matches");
        assertTrue(methods.toString().contains("\"forward(\""), methods.toString());
        JsonArray classes = results.getAsJsonObject("complete LstmPar").getAsJsonArray("matches");
        assertTrue(classes.toString().contains("\"LstmParams\""), classes.toString());
    }

    @Test
    void shiftTabOnALibraryClassShowsItsJavadoc() {
        String shown = inspected("LstmCell");
        assertTrue(shown.startsWith("org.lstmlab.nn.LstmCell\n\nThe LSTM cell of Hochreiter & Schmidhuber"), shown);
    }

    @Test
    void shiftTabInACallShowsTheSignatureThenTheSummaryParametersWithShapesAndReturn() {
        String shown = inspected("cell.forward(");
        assertTrue(shown.contains("LstmCell.forward("), shown);
        assertTrue(shown.contains("\n\nOne step forward.\n\nParameters:\n  x      x_t, [B, X]\n"), shown);
        assertTrue(shown.contains("Returns:\n  the step's cache with every gate, C_t and h_t"), shown);
    }

    @Test
    void shiftTabOnOverloadsFactoriesChartsDisplayAndConstantsShowsTheirJavadoc() {
        String init = inspected("LstmParams.init(");
        assertTrue(init.contains("forgetBias  added to b_f after drawing"), init);
        assertTrue(init.contains("seed        the same seed gives the same parameters"), init);
        assertTrue(inspected("GateHeatmapChart.chart(").contains("example   b, the row of the batch to show"));
        assertTrue(inspected("display(").contains("Returns:\n  the display's id"));
        assertTrue(inspected("new LstmCell(").startsWith("LstmCell(LstmParams params)"));
        assertTrue(inspected("Progress.Mode.BAR").contains("One line redrawn in place"));
    }

    @Test
    void shiftTabOnARecordAccessorShowsWhatTheRecordSaysOfThatComponent() {
        assertTrue(inspected("cell.forward(null, null, null).f(").contains("forget gate f_t = σ(W_f"));
    }

    /** Java 25's JShell writes signatures differently (a record's components after its name). */
    @Test
    void onJava25ShiftTabShowsTheLibrarysJavadocToo() throws Exception {
        if (!Files.isExecutable(Path.of(Jupyter.JDK_25, "bin", "java"))) {
            throw new AssertionError("this test needs a JDK 25 at " + Jupyter.JDK_25);
        }
        JsonObject on25 = talk(home.resolve("jdk-25"), Jupyter.JDK_25, "inspect");
        assertTrue(inspected(on25, "LstmCell").contains("The LSTM cell of Hochreiter & Schmidhuber"));
        assertTrue(inspected(on25, "cell.forward(").contains("\n  x      x_t, [B, X]\n"));
        String init = inspected(on25, "LstmParams.init(");
        assertTrue(init.contains("forgetBias  added to b_f") && init.contains("the same seed gives"), init);
        assertTrue(inspected(on25, "cell.forward(null, null, null).f(").contains("forget gate f_t = σ(W_f"));
        assertTrue(inspected(on25, "GateHeatmapChart.chart(").contains("example   b, the row of the batch to show"));
    }

    @Test
    void inspectionOfAJdkMethodStillShowsItsSignatures() {
        assertTrue(inspected("Math.max(").contains("double Math.max(double a, double b)"));
    }

    // ------------------------------------------------------------------------------ history

    static JsonArray history(String name) {
        JsonObject reply = results.getAsJsonObject("history " + name);
        assertEquals("ok", reply.get("status").getAsString(), reply.toString());
        return reply.getAsJsonArray("history");
    }

    @Test
    void historyTailGivesTheLastCellsAsSessionLineInputTuplesWithOutputsPaired() {
        JsonArray tail = history("tail");
        assertEquals(3, tail.size(), tail.toString());
        JsonArray withValue = tail.get(0).getAsJsonArray();
        assertEquals(SessionHistory.SESSION, withValue.get(0).getAsInt());
        assertEquals(7, withValue.get(1).getAsInt());
        assertEquals(
                "[\"new java.util.Scanner(System.in).nextLine()\",\"still here\"]",
                withValue.get(2).toString(),
                "a cell with a value: [input, output]");
        JsonArray withoutValue = tail.get(2).getAsJsonArray();
        assertEquals(9, withoutValue.get(1).getAsInt(), "the training cell is the ninth");
        assertTrue(withoutValue.get(2).getAsString().startsWith("var model = "), withoutValue.toString());
    }

    @Test
    void historyRangeAndSearchFindTheCellsAskedFor() {
        JsonArray range = history("range");
        assertEquals(2, range.size(), range.toString());
        assertEquals(
                "var cell = new LstmCell(LstmParams.init(3, 4, 42));",
                range.get(0).getAsJsonArray().get(2).getAsString());
        JsonArray search = history("search");
        List<Integer> lines = new ArrayList<>();
        search.forEach(entry -> lines.add(entry.getAsJsonArray().get(1).getAsInt()));
        assertEquals(List.of(2, 5, 7), lines, "cells reading a line, each input once: " + search);
    }
}
