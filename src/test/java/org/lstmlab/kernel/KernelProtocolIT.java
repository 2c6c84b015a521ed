package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return talk(SCRIPT, folder, javaHome, arguments);
    }

    /** Runs a script of src/test/resources/kernel (with its arguments) on a kernel running on the given JDK. */
    static JsonObject talk(Path script, Path folder, String javaHome, String... arguments) throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(folder, javaHome);
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        Process process = jupyter.python(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), script.getFileName() + " timed out:\n" + out);
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

    // ------------------------------------------------------------------------------ protocol (issue 22)

    static JsonObject request(String name) {
        JsonObject found = results.getAsJsonObject(name);
        if (found == null) {
            throw new AssertionError("kernel_protocol.py recorded no \"" + name + "\"; it has " + results.keySet());
        }
        return found;
    }

    /** A string field of a reply, or "(missing)", so that a reply without it fails an assertion that names it. */
    static String field(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "(missing)" : value.getAsString();
    }

    static JsonObject replyOf(JsonObject exchange) {
        return exchange.getAsJsonObject("reply").getAsJsonObject("content");
    }

    static List<String> iopubTypes(JsonObject exchange) {
        List<String> found = new ArrayList<>();
        exchange.getAsJsonArray("iopub")
                .forEach(m -> found.add(m.getAsJsonObject().get("msg_type").getAsString()));
        return found;
    }

    static int count(String name) {
        return replyOf(request(name)).get("execution_count").getAsInt();
    }

    @Test
    void runAllStopsAtAFailingCellTheQueuedCellsAreAbortedAndNotRun() {
        JsonArray all = results.getAsJsonArray("run all");
        List<String> statuses = new ArrayList<>();
        for (int k : new int[] {0, 1, 3}) {
            statuses.add(replyOf(all.get(k).getAsJsonObject()).get("status").getAsString());
        }
        assertEquals(List.of("error", "aborted", "aborted"), statuses, "Run All of three cells, the first failing");
        for (int k : new int[] {1, 3}) {
            JsonObject aborted = all.get(k).getAsJsonObject();
            assertEquals(List.of("status", "status"), iopubTypes(aborted), "an aborted cell shows nothing: " + aborted);
            assertEquals(
                    "aborted",
                    aborted.getAsJsonObject("reply")
                            .getAsJsonObject("metadata")
                            .get("status")
                            .getAsString());
        }
        JsonObject completion = replyOf(all.get(2).getAsJsonObject());
        assertEquals("ok", completion.get("status").getAsString(), "a completion queued among them is answered");
        assertTrue(completion.getAsJsonArray("matches").toString().contains("max"), completion.toString());
        assertEquals("ok", replyOf(request("after abort")).get("status").getAsString(), "the next cell runs again");
        JsonObject notRun = replyOf(request("aborted cell did not run"));
        assertEquals("error", notRun.get("status").getAsString(), "abortedRan must not exist: " + notRun);
        assertEquals("CompilationException", notRun.get("ename").getAsString(), notRun.toString());
    }

    @Test
    void withoutStopOnErrorOrForASilentErrorTheQueuedCellRuns() {
        JsonArray kept = results.getAsJsonArray("no stop on error");
        assertEquals(
                "error", replyOf(kept.get(0).getAsJsonObject()).get("status").getAsString());
        assertEquals("ok", replyOf(kept.get(1).getAsJsonObject()).get("status").getAsString(), kept.toString());
        JsonArray quiet = results.getAsJsonArray("silent error");
        assertEquals(
                "error", replyOf(quiet.get(0).getAsJsonObject()).get("status").getAsString());
        assertEquals("ok", replyOf(quiet.get(1).getAsJsonObject()).get("status").getAsString(), quiet.toString());
    }

    @Test
    void aSilentExecutionBroadcastsNothingAndNeitherItNorAnUnstoredOneCounts() {
        JsonObject silent = request("silent");
        assertEquals("ok", replyOf(silent).get("status").getAsString(), silent.toString());
        assertEquals(
                List.of("status", "status"),
                iopubTypes(silent),
                "no execute_input, stream, display_data or execute_result: " + silent);
        int before = count("count before");
        assertEquals(before + 1, count("count after"), "silent and store_history=false cells take no number");
        assertEquals(before, count("silent"), "a silent reply carries the last number");
        assertEquals(before, count("not stored"));
        assertTrue(iopubTypes(request("not stored")).contains("execute_result"), "an unstored cell still shows");
        JsonArray tail = request("history after").getAsJsonArray("history");
        List<String> inputs = new ArrayList<>();
        tail.forEach(entry -> inputs.add(entry.getAsJsonArray().get(2).getAsString()));
        assertEquals(
                List.of("\"before\"", "\"after\""),
                inputs.subList(inputs.size() - 2, inputs.size()),
                "the silent and the unstored cell are not in the history: " + tail);
    }

    @Test
    void userExpressionsAreEvaluatedAfterTheCellAndReturnedInTheReply() {
        JsonObject reply = replyOf(request("user expressions"));
        JsonObject values = reply.getAsJsonObject("user_expressions");
        assertTrue(values.has("sum") && values.has("bad") && values.has("text"), "user_expressions: " + reply);
        JsonObject sum = values.getAsJsonObject("sum");
        assertEquals("ok", sum.get("status").getAsString(), values.toString());
        assertEquals("42", sum.getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(values.getAsJsonObject("text")
                .getAsJsonObject("data")
                .get("text/plain")
                .getAsString()
                .contains("hi"));
        JsonObject bad = values.getAsJsonObject("bad");
        assertEquals("error", bad.get("status").getAsString(), bad.toString());
        assertTrue(bad.get("evalue").getAsString().contains("noSuchVariable"), bad.toString());
        JsonObject afterError = replyOf(request("user expressions after an error"));
        assertEquals("{}", afterError.getAsJsonObject("user_expressions").toString(), "not evaluated after an error");
    }

    @Test
    void isCompleteSaysInvalidForCodeThatCanNeverCompileAndIncompleteWithAnIndentForAnOpenBlock() {
        assertEquals("invalid", request("is_complete )))").get("status").getAsString());
        assertEquals("invalid", request("is_complete int x = ;").get("status").getAsString());
        JsonObject open = request("is_complete for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", open.get("status").getAsString());
        assertEquals("    ", open.get("indent").getAsString());
        assertEquals("complete", request("is_complete int x = 1;").get("status").getAsString());
        assertEquals("complete", request("is_complete %lsmagic").get("status").getAsString());
    }

    @Test
    void everyReplyCarriesItsStatus() {
        for (String name : List.of("kernel_info", "comm_info")) {
            assertEquals("ok", field(request(name), "status"), name + ": " + request(name));
        }
        for (String name : List.of("interrupt", "shutdown")) {
            JsonObject content = request(name).getAsJsonObject("content");
            assertEquals("ok", field(content, "status"), name + ": " + request(name));
        }
        assertEquals("{}", request("comm_info").getAsJsonObject("comms").toString());
        assertEquals(
                false,
                request("shutdown").getAsJsonObject("content").get("restart").getAsBoolean());
    }

    @Test
    void kernelInfoOffersHelpLinksToTheCourseNd4jAndTheJavaApi() {
        JsonArray links = request("kernel_info").getAsJsonArray("help_links");
        List<String> texts = new ArrayList<>();
        links.forEach(l -> texts.add(l.getAsJsonObject().get("text").getAsString()));
        assertTrue(texts.size() >= 4, "help_links: " + links);
        assertEquals(
                List.of("LSTM Lab course guide", "ND4J API (1.0.0-M2.1)", "ND4J guide"),
                texts.subList(0, 3),
                links.toString());
        assertTrue(texts.stream().anyMatch(t -> t.matches("Java \\d+ API")), texts.toString());
        for (JsonElement link : links) {
            String url = link.getAsJsonObject().get("url").getAsString();
            assertTrue(url.startsWith("https://") || url.startsWith("file:/"), url);
        }
        assertEquals(
                "Java",
                request("kernel_info")
                        .getAsJsonObject("language_info")
                        .get("name")
                        .getAsString());
    }

    @Test
    void usageReportsTheKernelsMemoryAndCpuAsIpykernelDoes() {
        JsonObject idle = request("usage idle").getAsJsonObject("content");
        assertEquals(
                "usage_reply",
                field(request("usage idle"), "msg_type"),
                request("usage idle").toString());
        for (String key : List.of("hostname", "kernel_cpu", "kernel_memory", "cpu_count", "host_virtual_memory")) {
            assertTrue(idle.has(key), "usage_reply has no " + key + ": " + idle);
        }
        long memory = idle.get("kernel_memory").getAsLong();
        assertTrue(memory > 50L << 20 && memory < 4L << 30, "kernel_memory should be the JVM's RSS but is " + memory);
        JsonObject host = idle.getAsJsonObject("host_virtual_memory");
        assertTrue(host.get("total").getAsLong() >= host.get("available").getAsLong(), host.toString());
        double busy = request("usage busy")
                .getAsJsonObject("content")
                .get("kernel_cpu")
                .getAsDouble();
        double wall = request("usage busy").get("wall_seconds").getAsDouble();
        double cpuSeconds = busy / 100 * wall; // kernel_cpu is over the time since the previous request
        assertTrue(
                cpuSeconds > 1.0,
                "a cell that spun 1.5 s of CPU should show in kernel_cpu, but " + busy + " % over " + wall + " s is "
                        + cpuSeconds + " s");
        long grown = request("usage after 100 MB")
                .getAsJsonObject("content")
                .get("kernel_memory")
                .getAsLong();
        assertTrue(
                grown - memory > 80L << 20,
                "100 MB of ND4J array should show in kernel_memory: " + memory + " -> " + grown);
    }

    // ------------------------------------------------------------------------------ IJava's dialect (issue 31)

    static String printed(String name) {
        StringBuilder text = new StringBuilder();
        for (JsonElement message : request(name).getAsJsonArray("iopub")) {
            JsonObject m = message.getAsJsonObject();
            if (m.get("msg_type").getAsString().equals("stream")) {
                text.append(m.getAsJsonObject("content").get("text").getAsString());
            }
        }
        return text.toString();
    }

    static String value(String name) {
        for (JsonElement message : request(name).getAsJsonArray("iopub")) {
            JsonObject m = message.getAsJsonObject();
            if (m.get("msg_type").getAsString().equals("execute_result")) {
                return plain(m);
            }
        }
        throw new AssertionError(name + " shows no value: " + request(name));
    }

    @Test
    void lsmagicListsLoadAndJShellsCommands() {
        String listed = printed("lsmagic");
        for (String item : List.of(
                "%load",
                "%classpath", "%maven", "%%time", "/vars", "/methods", "/imports", "/list", "/reset", "%vars")) {
            assertTrue(listed.contains(item), item + " is not listed: " + listed);
        }
    }

    @Test
    void loadRunsAJshellFileThatLoadsAJavaFileAndANotebooksCodeCellsInOrder() {
        assertEquals(
                "ok",
                replyOf(request("load")).get("status").getAsString(),
                request("load").toString());
        assertEquals("hi 42 42", value("load"));
        JsonObject missing = replyOf(request("load missing"));
        assertEquals("LoadError", missing.get("ename").getAsString(), missing.toString());
        assertTrue(
                missing.get("evalue").getAsString().contains("nothing-here (nor with .jsh, .jshell, .java or .ipynb)"));
    }

    @Test
    void jshellsCommandsListTheSessionsVariablesMethodsImportsAndSnippets() {
        String vars = printed("/vars");
        assertTrue(vars.contains("String greeting = \"hi 42\""), vars);
        assertTrue(vars.contains("AtomicInteger counter = 42"), vars);
        assertEquals(vars, printed("%vars"), "%vars is /vars");
        assertTrue(printed("/methods").contains("int twice(int)"), printed("/methods"));
        assertTrue(printed("/imports").contains("import java.util.concurrent.atomic.*;"), printed("/imports"));
        String list = printed("/list");
        assertTrue(list.contains(": int twice(int x) {"), list);
        assertFalse(
                list.contains("import org.lstmlab"), "the course's start-up imports are not the student's: " + list);
    }

    @Test
    void resetDropsTheSessionsSnippetsButKeepsTheCoursesImports() {
        assertTrue(printed("/reset").startsWith("Reset: dropped "), printed("/reset"));
        JsonObject gone = replyOf(request("after reset"));
        assertEquals("CompilationException", gone.get("ename").getAsString(), gone.toString());
        assertFalse(printed("/vars after reset").contains("greeting"), printed("/vars after reset"));
        assertEquals("LstmParams", value("imports after reset"), "the course's imports survive /reset");
    }

    @Test
    void dropRemovesOneDeclarationByNameAndSaysSoAndAnUnknownNameIsAnError() {
        String dropped = printed("/drop");
        assertTrue(dropped.startsWith("dropped variable greeting\n"), dropped);
        assertFalse(dropped.contains("String greeting"), "/vars after /drop still shows greeting: " + dropped);
        assertTrue(dropped.contains("AtomicInteger counter = 42"), "only greeting goes: " + dropped);
        JsonObject unknown = replyOf(request("/drop nothing"));
        assertEquals("DropError", field(unknown, "ename"), unknown.toString());
        assertTrue(field(unknown, "evalue").contains("noSuchName"), unknown.toString());
    }
}
