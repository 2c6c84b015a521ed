package org.lstmlab.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

/**
 * The shell or control socket, reading messages as the messaging specification (5.3) and ipykernel's
 * {@code Session} do, where the base library's reader would stop the socket's thread or lose its place:
 * every frame of a message is read before it is judged; a message whose signature is missing or wrong, or
 * that repeats a signature already seen (a replay), is dropped and logged; so is one with too few frames,
 * bytes that are not UTF-8, parts that are not JSON objects, or a header without {@code msg_id} and
 * {@code msg_type}. A signed request whose content has the wrong shape ({@code content} a list,
 * {@code code} a number) is answered with an error reply naming the field, what it should be and what
 * came. An unknown {@code msg_type} is logged and ignored, as ipykernel does. Every request is framed by
 * busy and idle on IOPub with the request as parent, and a handler that fails is logged: the socket keeps
 * serving.
 */
final class LabShellChannel extends ShellChannel {

    /** ipykernel's {@code Session.digest_history_size}: how many signatures are remembered against replays. */
    static final int REMEMBERED_SIGNATURES = 1 << 16;

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final java.lang.reflect.Type MAP = new TypeToken<Map<String, Object>>() {}.getType();
    private static final Gson GSON = baseLibraryGson();

    private final JupyterConnection connection;
    private final HMACGenerator hmac;
    private final boolean signed;
    private final boolean isControl;
    private final PrintStream log;
    private final LinkedHashSet<String> seenSignatures = new LinkedHashSet<>();
    private volatile Thread loop;
    private volatile boolean running;

    LabShellChannel(
            ZMQ.Context context,
            HMACGenerator hmac,
            boolean signed,
            boolean isControl,
            JupyterConnection connection,
            PrintStream log) {
        super(context, hmac, isControl, connection);
        this.connection = connection;
        this.hmac = hmac;
        this.signed = signed;
        this.isControl = isControl;
        this.log = log;
    }

    private String name() {
        return isControl ? "control" : "shell";
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = isControl ? properties.getControlPort() : properties.getShellPort();
        super.bind(properties.getTransport() + "://" + properties.getIp() + ":" + port);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> serve(poller), "lstm-lab " + name());
        loop.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            try {
                if (poller.poll(50) > 0) {
                    Message<?> message = readMessage();
                    if (message != null) {
                        dispatch(message);
                    }
                }
            } catch (Throwable e) { // whatever one message does, the socket keeps serving
                if (running) {
                    report("%s: %s while serving a message, at %s; going on", name(), e, where(e));
                }
            }
        }
    }

    /**
     * Runs a request's handler (each frames its request with busy and idle itself); an unknown request gets busy
     * and idle only. A handler that fails is logged; one that runs out of memory before its reply is answered.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message<?> message) {
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = connection.getHandler((MessageType) type);
        try {
            if (handler == null) {
                env.setStatusBusy(); // an unknown request: logged when read, answered by busy and idle only
                env.setStatusIdle();
                return;
            }
            handler.handle(env, message);
        } catch (Exception e) {
            report("%s: the handler of %s failed: %s", name(), type.getName(), e);
        } catch (OutOfMemoryError e) {
            // the handler stopped before its reply: answer (its idle is deferred), or the front end waits for ever
            report("%s: %s ran out of memory: %s, at %s", name(), type.getName(), e, where(e));
            replyError(
                    env,
                    message,
                    type.getName(),
                    "OutOfMemoryError",
                    "the kernel ran out of memory (" + memory() + ") serving it; the request was " + size(message)
                            + " — the kernel goes on");
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    /**
     * The next well-formed, correctly signed message waiting on the socket, or null when none is: the
     * ones that are not are dropped (and logged) on the way, and a signed request whose content has the
     * wrong shape is answered with an error reply here.
     */
    @Override
    public synchronized Message<?> readMessage() {
        while (!closed && (getEvents() & ZMQ.Poller.POLLIN) != 0) {
            List<byte[]> frames = new ArrayList<>();
            do {
                frames.add(recv());
            } while (hasReceiveMore());
            try {
                Message<?> message = parse(frames);
                if (message != null) {
                    return message;
                }
            } catch (Malformed e) {
                report("%s: dropped a message: %s", name(), e.getMessage());
            }
        }
        return null;
    }

    /** A message that is not one: why, as the log says it. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String why) {
            super(why);
        }
    }

    private Message<?> parse(List<byte[]> frames) throws Malformed {
        int at = 0;
        while (at < frames.size() && !Arrays.equals(DELIMITER, frames.get(at))) {
            at++;
        }
        if (at == frames.size()) {
            throw new Malformed("no <IDS|MSG> delimiter among its " + frames.size() + " frames");
        }
        List<byte[]> identities = frames.subList(0, at);
        if (frames.size() - at - 1 < 5) {
            throw new Malformed("expected a signature, header, parent_header, metadata and content after"
                    + " <IDS|MSG>, got " + (frames.size() - at - 1) + " frames");
        }
        byte[][] parts = {frames.get(at + 2), frames.get(at + 3), frames.get(at + 4), frames.get(at + 5)};
        checkSignature(frames.get(at + 1), parts);
        JsonObject header = object("header", parts[0]);
        JsonObject parentHeader = object("parent_header", parts[1]);
        object("metadata", parts[2]);
        String content = utf8("content", parts[3]);
        for (String field : List.of("msg_id", "msg_type")) {
            if (!header.has(field) || !header.get(field).isJsonPrimitive()) {
                throw new Malformed("the header has no " + field + " (a string): " + abbreviated(header.toString()));
            }
        }
        Header<?> head;
        try {
            head = GSON.fromJson(header, Header.class);
        } catch (RuntimeException e) {
            throw new Malformed("the header " + abbreviated(header.toString()) + " cannot be read: " + e.getMessage());
        }
        Header<?> parent = parentHeader.size() == 0 ? null : readParent(parentHeader);
        Map<String, Object> metadata = GSON.fromJson(utf8("metadata", parts[2]), MAP);
        List<byte[]> blobs = new ArrayList<>(frames.subList(at + 6, frames.size()));
        String type = header.get("msg_type").getAsString();
        if (head.getType() == MessageType.UNKNOWN) {
            report("%s: unknown message type %s ignored", name(), abbreviated(type));
            return new Message(identities, head, parent, metadata, null, blobs);
        }
        String problem;
        try {
            JsonElement json = JsonParser.parseString(content);
            problem = RequestShapes.problem(type, json);
            if (problem == null) {
                Object body = GSON.fromJson(
                        RequestShapes.withDefaults(type, json), head.getType().getContentType());
                return new Message(identities, head, parent, metadata, body, blobs);
            }
        } catch (com.google.gson.JsonParseException e) {
            problem = "its content is not JSON: " + abbreviated(content);
        } catch (RuntimeException e) {
            problem = "its content cannot be read: " + e.getMessage();
        }
        refuse(new Message<>(identities, head, parent, metadata, null, blobs), type, problem);
        return null;
    }

    private static Header<?> readParent(JsonObject parentHeader) {
        try {
            return GSON.fromJson(parentHeader, Header.class);
        } catch (RuntimeException e) {
            return null; // a parent the kernel cannot read is not the request's fault
        }
    }

    /** The signature must be the HMAC of the four parts under the connection file's key, and new. */
    private void checkSignature(byte[] signature, byte[][] parts) throws Malformed {
        if (!signed) {
            return;
        }
        String expected = hmac.calculateSignature(parts);
        String received = new String(signature, StandardCharsets.US_ASCII);
        if (received.isEmpty()) {
            throw new Malformed("it carries no signature (the connection file has a key)");
        }
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), received.getBytes(StandardCharsets.US_ASCII))) {
            throw new Malformed("its signature is not the HMAC of its parts under the connection file's key");
        }
        if (!seenSignatures.add(received)) {
            throw new Malformed("its signature was seen before: a replayed message");
        }
        if (seenSignatures.size() > REMEMBERED_SIGNATURES) {
            var oldest = seenSignatures.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private static JsonObject object(String part, byte[] bytes) throws Malformed {
        String text = utf8(part, bytes);
        try {
            JsonElement json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                throw new Malformed("its " + part + " is not a JSON object: " + abbreviated(text));
            }
            return json.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new Malformed("its " + part + " is not JSON: " + abbreviated(text));
        }
    }

    private static String utf8(String part, byte[] bytes) throws Malformed {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("its " + part + " is not UTF-8 (" + bytes.length + " bytes)");
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " characters)";
    }

    /** A signed request whose content has the wrong shape: busy, an error reply naming the problem, idle. */
    private void refuse(Message<?> request, String type, String problem) {
        report("%s: %s refused: %s", name(), type, problem);
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, request);
        env.setStatusBusy();
        replyError(env, request, type, "InvalidRequest", problem);
        env.setStatusIdle();
    }

    /** An error reply to a request, when the request has a reply type ({@code x_request} → {@code x_reply}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyError(
            ShellReplyEnvironment env, Message<?> request, String type, String ename, String problem) {
        MessageType<?> replyType = type.endsWith("_request")
                ? MessageType.getType(type.substring(0, type.length() - "_request".length()) + "_reply")
                : MessageType.UNKNOWN;
        if (replyType != MessageType.UNKNOWN) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("status", "error");
            content.put("ename", ename);
            content.put("evalue", type + ": " + problem);
            content.put("traceback", List.of(ename + ": " + type + ": " + problem));
            env.reply(new Message<>(request, (MessageType) replyType, content));
        }
    }

    /** The first frames of a throwable's stack, for the log. */
    private static String where(Throwable e) {
        return java.util.Arrays.stream(e.getStackTrace())
                .limit(6)
                .map(StackTraceElement::toString)
                .collect(java.util.stream.Collectors.joining(" < "));
    }

    private static String memory() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "heap limit %d MB", runtime.maxMemory() >> 20);
    }

    private static String size(Message<?> message) {
        Object content = message.getContent();
        int length = content instanceof org.dflib.jjava.jupyter.messages.request.ExecuteRequest execute
                ? execute.getCode().length()
                : -1;
        return length < 0 ? "a " + message.getHeader().getType().getName() : "a cell of " + length + " characters";
    }

    private void report(String format, Object... args) {
        log.println("lstm-lab kernel: " + String.format(Locale.ROOT, format, args));
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread serving = loop;
        if (serving != null && serving != Thread.currentThread()) {
            try {
                serving.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The base library's Gson (its adapters for headers, timestamps and message types), read once. */
    private static Gson baseLibraryGson() {
        try {
            Field field = JupyterSocket.class.getDeclaredField("gson");
            field.setAccessible(true);
            return (Gson) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "the Jupyter base library changed: its message reader's Gson is gone (" + e + ")", e);
        }
    }
}
