package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
 * The kernel under protocol probes (kernel_probes.py): wrongly signed, replayed, malformed and oversized
 * messages on the shell socket, each followed by a well-formed cell that must still run; the replies whose
 * fields the messaging specification (5.3) fixes, each framed by busy and idle; comms to unknown targets;
 * the control channel's unknown and debug requests; the heartbeat. The rest of the protocol (aborts,
 * silent, store_history, user_expressions, stdin, history, interrupt) is held by KernelProtocolIT and
 * KernelInterruptIT.
 */
class KernelProtocolProbesIT {

    static final Path SCRIPT = Jupyter.TEST_NOTEBOOKS.resolve("kernel_probes.py");
    static final String SERVING = "ok 42";

    @TempDir
    static Path home;

    static JsonObject results;

    @BeforeAll
    static void probeTheKernel() throws Exception {
        results = KernelProtocolIT.talk(SCRIPT, home.resolve("probes"), Jupyter.currentJavaHome());
    }

    static JsonObject probe(String name) {
        assertTrue(results.has(name), "no probe " + name + " in " + results.keySet());
        return results.getAsJsonObject(name);
    }

    /** A message sent raw must have had no reply, and a cell after it must still run. */
    static void droppedAndStillServing(String name) {
        JsonObject probe = probe(name);
        assertEquals(0, probe.getAsJsonArray("replies").size(), name + " was answered: " + probe);
        assertEquals(SERVING, probe.get("after").getAsString(), "after " + name);
    }

    /** The content of the one reply a message sent raw must have had. */
    static JsonObject onlyReply(String name) {
        JsonArray replies = probe(name).getAsJsonArray("replies");
        assertEquals(1, replies.size(), name + " must be answered once: " + probe(name));
        return replies.get(0).getAsJsonObject().getAsJsonObject("content");
    }

    /** A message sent raw must have had exactly one reply, an error naming the field, and a cell after it runs. */
    static String refusedAndStillServing(String name, String replyType) {
        JsonObject probe = probe(name);
        JsonObject content = onlyReply(name);
        JsonObject reply = probe.getAsJsonArray("replies").get(0).getAsJsonObject();
        assertEquals(replyType, reply.getAsJsonObject("header").get("msg_type").getAsString());
        assertEquals("error", content.get("status").getAsString(), content.toString());
        assertEquals(SERVING, probe.get("after").getAsString(), "after " + name);
        return content.get("evalue").getAsString();
    }

    static List<String> states(JsonObject request) {
        List<String> found = new ArrayList<>();
        for (JsonElement message : request.getAsJsonArray("iopub")) {
            JsonObject m = message.getAsJsonObject();
            if (m.get("msg_type").getAsString().equals("status")) {
                found.add(m.getAsJsonObject("content").get("execution_state").getAsString());
            }
        }
        return found;
    }

    static List<String> types(JsonObject request) {
        List<String> found = new ArrayList<>();
        for (JsonElement message : request.getAsJsonArray("iopub")) {
            found.add(message.getAsJsonObject().get("msg_type").getAsString());
        }
        return found;
    }

    static JsonObject reply(String name) {
        JsonObject request = probe(name);
        assertTrue(request.get("reply").isJsonObject(), name + " had no reply: " + request);
        return request.getAsJsonObject("reply");
    }

    // ------------------------------------------------------------------------------ signatures

    @Test
    void theKernelServesAWellFormedCellBeforeAnyProbe() {
        assertEquals(SERVING, results.get("baseline").getAsString());
    }

    @Test
    void aMessageWithAWrongSignatureIsDroppedAndTheKernelGoesOn() {
        droppedAndStillServing("wrong signature");
    }

    @Test
    void aMessageWithoutASignatureIsDroppedWhenTheConnectionFileHasAKey() {
        droppedAndStillServing("no signature");
    }

    @Test
    void aReplayedMessageIsAnsweredOnceOnly() {
        JsonObject replay = probe("replay");
        assertEquals(1, replay.getAsJsonArray("first").size(), replay.toString());
        assertEquals(0, replay.getAsJsonArray("second").size(), "the replay was answered: " + replay);
        assertEquals(SERVING, replay.get("after").getAsString());
    }

    @Test
    void aConnectionFileWithAnotherSignatureSchemeIsRefusedAtStartNamingIt() throws Exception {
        Path file = home.resolve("sha1-connection.json");
        Files.writeString(
                file,
                "{\"shell_port\": 50001, \"iopub_port\": 50002, \"stdin_port\": 50003,"
                        + " \"control_port\": 50004, \"hb_port\": 50005, \"ip\": \"127.0.0.1\", \"key\": \"secret\","
                        + " \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha1\", \"kernel_name\": \"lstm-lab\"}");
        String java = Path.of(Jupyter.currentJavaHome(), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("lab.kernelJar", "target/lstm-lab-0.1.0-SNAPSHOT-kernel.jar"),
                        KernelMain.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(2, process.exitValue(), out);
        assertTrue(out.contains("signature_scheme must be hmac-sha256, got \"hmac-sha1\""), out);
    }

    // ------------------------------------------------------------------------------ malformed input

    @Test
    void framesThatAreNotJsonAreDropped() {
        droppedAndStillServing("not json");
    }

    @Test
    void aHeaderWithoutMsgTypeIsDropped() {
        droppedAndStillServing("header without msg_type");
    }

    @Test
    void contentBytesThatAreNotUtf8AreDropped() {
        droppedAndStillServing("content not utf-8");
    }

    @Test
    void aMessageWithTooFewFramesIsDropped() {
        droppedAndStillServing("too few frames");
    }

    @Test
    void contentThatIsAListIsRefusedWithAnErrorReply() {
        String evalue = refusedAndStillServing("content a list", "execute_reply");
        assertTrue(evalue.contains("content must be a JSON object"), evalue);
    }

    @Test
    void codeThatIsANumberIsRefusedNamingTheField() {
        String evalue = refusedAndStillServing("code a number", "execute_reply");
        assertTrue(evalue.contains("content.code must be a string, got 42"), evalue);
    }

    @Test
    void silentThatIsAStringIsRefusedNamingTheField() {
        String evalue = refusedAndStillServing("silent a string", "execute_reply");
        assertTrue(evalue.contains("content.silent must be a boolean"), evalue);
    }

    @Test
    void anUnknownRequestIsIgnoredBetweenBusyAndIdle() {
        droppedAndStillServing("unknown request");
        assertEquals(List.of("busy", "idle"), states(probe("unknown request")));
    }

    @Test
    void aOneMegabyteCellRuns() {
        assertEquals("ok", onlyReply("1 MB cell").get("status").getAsString());
        assertEquals(SERVING, probe("1 MB cell").get("after").getAsString());
    }

    @Test
    void anEightMegabyteCellIsAnsweredAndTheKernelGoesOn() {
        JsonObject probe = probe("8 MB cell");
        JsonObject content = onlyReply("8 MB cell");
        if (content.get("status").getAsString().equals("error")) {
            assertTrue(content.get("evalue").getAsString().contains("8000009 characters"), content.toString());
        } else {
            assertEquals("ok", content.get("status").getAsString(), content.toString());
        }
        assertEquals(List.of("busy", "idle"), states(probe), "its idle follows its busy");
        assertEquals(SERVING, probe.get("after").getAsString());
    }

    @Test
    void contentSplitAcrossTwoFramesIsRefusedAsNotJson() {
        String evalue = refusedAndStillServing("content split across two frames", "execute_reply");
        assertTrue(evalue.contains("its content is not JSON"), evalue);
    }

    @Test
    void aRequestWithBufferFramesIsServed() {
        assertEquals("ok", onlyReply("a message with buffers").get("status").getAsString());
    }

    @Test
    void aCommMsgForAnUnknownCommIsIgnored() {
        droppedAndStillServing("comm_msg for an unknown comm");
    }

    // ------------------------------------------------------------------------------ replies per specification

    @Test
    void kernelInfoCarriesEveryFieldTheSpecificationNames() {
        JsonObject info = reply("kernel_info");
        assertEquals("ok", info.get("status").getAsString());
        assertTrue(info.get("protocol_version").getAsString().startsWith("5."), info.toString());
        for (String field : List.of("implementation", "implementation_version", "banner")) {
            assertTrue(info.has(field) && !info.get(field).getAsString().isEmpty(), field + ": " + info);
        }
        assertTrue(info.get("help_links").isJsonArray(), info.toString());
        JsonObject language = info.getAsJsonObject("language_info");
        assertEquals("Java", language.get("name").getAsString());
        assertEquals("text/x-java-source", language.get("mimetype").getAsString());
        assertEquals(".jshell", language.get("file_extension").getAsString());
        assertEquals("java", language.get("codemirror_mode").getAsString());
        assertTrue(language.get("version").getAsString().matches("\\d+.*"), language.toString());
        assertEquals(false, info.get("debugger").getAsBoolean(), "JupyterLab shows a debugger otherwise");
    }

    @Test
    void completionCursorsCountUnicodeCodePointsPastANonBmpCharacter() {
        JsonObject request = probe("complete non-BMP");
        JsonObject reply = reply("complete non-BMP");
        int cursor = request.get("cursor").getAsInt();
        assertEquals(cursor, reply.get("cursor_end").getAsInt(), reply.toString());
        assertEquals(cursor - "len".length(), reply.get("cursor_start").getAsInt(), reply.toString());
        assertTrue(reply.getAsJsonArray("matches").toString().contains("length"), reply.toString());
    }

    @Test
    void everyShellRequestIsFramedByBusyAndIdleWithTheRequestAsParent() {
        for (String name : List.of(
                "kernel_info", "complete non-BMP", "inspect", "history", "is_complete", "comm_info", "execute")) {
            List<String> states = states(probe(name));
            assertEquals(List.of("busy", "idle"), states, name + ": " + probe(name));
        }
    }

    @Test
    void executeInputComesBeforeTheStreamAndTheResult() {
        List<String> types = types(probe("execute"));
        assertEquals(List.of("status", "execute_input", "stream", "execute_result", "status"), types);
        JsonObject reply = reply("execute");
        assertEquals("ok", reply.get("status").getAsString());
        assertTrue(reply.get("execution_count").getAsInt() > 0, reply.toString());
        assertTrue(reply.get("payload").isJsonArray()
                && reply.get("user_expressions").isJsonObject());
    }

    @Test
    void inspectHistoryIsCompleteAndCommInfoAnswerInTheirShapes() {
        assertTrue(
                reply("inspect").get("found").getAsBoolean(), reply("inspect").toString());
        assertTrue(
                reply("history").get("history").isJsonArray(), reply("history").toString());
        assertEquals("incomplete", reply("is_complete").get("status").getAsString());
        assertEquals("    ", reply("is_complete").get("indent").getAsString());
        assertEquals(
                0,
                reply("comm_info").getAsJsonObject("comms").size(),
                reply("comm_info").toString());
    }

    @Test
    void readingStdinWithoutAllowStdinIsAClearError() {
        JsonObject reply = reply("allow_stdin false");
        assertEquals("error", reply.get("status").getAsString(), reply.toString());
        String said =
                reply.get("ename").getAsString() + ": " + reply.get("evalue").getAsString();
        assertTrue(said.contains("allow_stdin") || said.toLowerCase().contains("input"), said);
    }

    // ------------------------------------------------------------------------------ comms, control, heartbeat

    @Test
    void aCommOpenForAnUnknownTargetIsClosedBack() {
        JsonObject probe = probe("comm_open unknown target");
        String commId = probe.get("comm_id").getAsString();
        boolean closed = false;
        for (JsonElement message : probe.getAsJsonArray("iopub")) {
            JsonObject m = message.getAsJsonObject();
            closed |= m.get("msg_type").getAsString().equals("comm_close")
                    && m.getAsJsonObject("content").get("comm_id").getAsString().equals(commId);
        }
        assertTrue(closed, "no comm_close for " + commId + ": " + probe);
        assertEquals(SERVING, probe.get("after").getAsString());
    }

    @Test
    void anInterruptRequestOnControlStopsAWhileTrueLoop() {
        JsonObject interrupt = probe("interrupt_request");
        assertEquals("interrupt_reply", interrupt.get("reply_type").getAsString(), interrupt.toString());
        assertEquals("ok", interrupt.getAsJsonObject("reply").get("status").getAsString());
        JsonObject stopped = probe("interrupted while(true)");
        assertTrue(stopped.get("reply").isJsonObject(), "the loop never stopped: " + stopped);
        assertEquals("error", stopped.getAsJsonObject("reply").get("status").getAsString(), stopped.toString());
        assertTrue(stopped.get("seconds").getAsDouble() < 10, stopped.toString());
    }

    @Test
    void aDebugRequestIsAnsweredAsRefused() {
        JsonObject debug = probe("debug_request");
        assertEquals("debug_reply", debug.get("reply_type").getAsString(), debug.toString());
        assertEquals(false, debug.getAsJsonObject("reply").get("success").getAsBoolean(), debug.toString());
    }

    @Test
    void anUnknownControlRequestIsIgnoredAndTheKernelGoesOn() {
        JsonObject unknown = probe("unknown control request");
        assertTrue(unknown.get("reply").isJsonNull(), unknown.toString());
        assertEquals(SERVING, results.get("after control probes").getAsString());
    }

    @Test
    void theHeartbeatEchoesWhatItIsSent() {
        assertEquals("ping \uD83D\uDC93", results.get("heartbeat").getAsString());
    }

    @Test
    void aShutdownWithRestartIsAnsweredOnControlWithRestartTrue() {
        JsonObject shutdown = probe("shutdown restart");
        assertEquals("shutdown_reply", shutdown.get("reply_type").getAsString(), shutdown.toString());
        assertEquals("ok", shutdown.getAsJsonObject("reply").get("status").getAsString());
        assertTrue(shutdown.getAsJsonObject("reply").get("restart").getAsBoolean());
    }
}
