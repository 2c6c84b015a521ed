package org.lstmlab.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a student's browser does with a notebook, through the hub's proxy: read the notebook and save files with
 * the contents API, open a session (which starts the notebook's kernel in its folder), and run cells over the
 * kernel's WebSocket with the Jupyter messaging protocol.
 */
final class StudentSession implements AutoCloseable {

    /** What one cell showed: its text (streams, text/plain and text/html) and its errors ("ename: evalue"). */
    record Cell(String source, String text, List<String> errors) {}

    private final Hub hub;
    private final String student;
    private final String token;
    private final String sessionId;
    private final String clientSession = UUID.randomUUID().toString();
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonObject> messages;

    private StudentSession(
            Hub hub,
            String student,
            String token,
            String sessionId,
            WebSocket socket,
            LinkedBlockingQueue<JsonObject> messages) {
        this.hub = hub;
        this.student = student;
        this.token = token;
        this.sessionId = sessionId;
        this.socket = socket;
        this.messages = messages;
    }

    /** The notebook as the student's server has it (contents API). */
    static JsonObject readNotebook(Hub hub, String student, String token, String path) throws Exception {
        HttpResponse<String> r = hub.send(
                HttpRequest.newBuilder(URI.create(serverUrl(hub, student) + "/api/contents/" + path + "?content=1")),
                token);
        check(r, "reading " + path + " from " + student + "'s server");
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("content");
    }

    /** Saves a text file into the student's folder, as Jupyter's editor does (contents API, PUT). */
    static void saveFile(Hub hub, String student, String token, String path, String text) throws Exception {
        JsonObject model = new JsonObject();
        model.addProperty("type", "file");
        model.addProperty("format", "text");
        model.addProperty("content", text);
        HttpResponse<String> r = hub.send(
                HttpRequest.newBuilder(URI.create(serverUrl(hub, student) + "/api/contents/" + path))
                        .PUT(HttpRequest.BodyPublishers.ofString(model.toString())),
                token);
        check(r, "saving " + path + " on " + student + "'s server");
    }

    /**
     * Opens the notebook: a session on the lstm-lab kernel, and the kernel's channels, ready when this returns.
     *
     * @param path the notebook, relative to the student's folder
     */
    static StudentSession open(Hub hub, String student, String token, String path) throws Exception {
        JsonObject kernel = new JsonObject();
        kernel.addProperty("name", "lstm-lab");
        JsonObject body = new JsonObject();
        body.addProperty("path", path);
        body.addProperty("type", "notebook");
        body.addProperty("name", "");
        body.add("kernel", kernel);
        HttpResponse<String> r = hub.send(
                HttpRequest.newBuilder(URI.create(serverUrl(hub, student) + "/api/sessions"))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                token);
        check(r, "opening " + path + " for " + student);
        JsonObject session = JsonParser.parseString(r.body()).getAsJsonObject();
        String kernelId = session.getAsJsonObject("kernel").get("id").getAsString();
        LinkedBlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
        URI channels = URI.create(
                serverUrl(hub, student).replaceFirst("^http", "ws") + "/api/kernels/" + kernelId + "/channels");
        WebSocket socket = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .newWebSocketBuilder()
                .header("Authorization", "token " + token)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(channels, new Listener(queue))
                .get(60, TimeUnit.SECONDS);
        StudentSession opened =
                new StudentSession(hub, student, token, session.get("id").getAsString(), socket, queue);
        opened.awaitKernel(Duration.ofMinutes(3));
        return opened;
    }

    /** Sends kernel_info_request until the kernel answers (it may still be starting). */
    private void awaitKernel(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String id = send("kernel_info_request", new JsonObject());
            long retry = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < retry) {
                JsonObject m = messages.poll(500, TimeUnit.MILLISECONDS);
                if (m != null && "kernel_info_reply".equals(type(m)) && id.equals(parent(m))) {
                    return;
                }
            }
        }
        throw new AssertionError(
                student + "'s kernel did not answer kernel_info_request within " + timeout + ":\n" + hub.log());
    }

    /** Runs every code cell of the notebook in order, as Run All does. */
    List<Cell> runAll(JsonObject notebook, Duration perCell) throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (JsonElement e : notebook.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                Cell ran = execute(source(cell), perCell);
                cells.add(ran);
                if (!ran.errors().isEmpty()) {
                    break; // Run All stops at the first error too
                }
            }
        }
        return cells;
    }

    /** Runs one cell and collects what it shows until the kernel is idle again. */
    Cell execute(String code, Duration timeout) throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        String id = send("execute_request", content);
        StringBuilder text = new StringBuilder();
        List<String> errors = new ArrayList<>();
        boolean idle = false;
        boolean replied = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(idle && replied)) {
            long left = deadline - System.nanoTime();
            JsonObject m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                throw new AssertionError(
                        student + ": no end of the cell within " + timeout + " (shown so far: " + text + ")\n" + code);
            }
            if (!id.equals(parent(m))) {
                continue;
            }
            JsonObject c = m.getAsJsonObject("content");
            switch (type(m)) {
                case "stream" -> text.append(c.get("text").getAsString());
                case "execute_result", "display_data" -> {
                    JsonObject data = c.getAsJsonObject("data");
                    for (String mime : List.of("text/plain", "text/html")) {
                        if (data.has(mime)) {
                            text.append(data.get(mime).getAsString()).append('\n');
                        }
                    }
                }
                case "error" ->
                    errors.add(c.get("ename").getAsString() + ": "
                            + c.get("evalue").getAsString());
                case "status" -> idle = "idle".equals(c.get("execution_state").getAsString());
                case "execute_reply" -> replied = true;
                default -> {}
            }
        }
        return new Cell(code, text.toString(), errors);
    }

    private String send(String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("username", student);
        header.addProperty("session", clientSession);
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        header.addProperty("date", Instant.now().toString());
        JsonObject message = new JsonObject();
        message.add("header", header);
        message.add("parent_header", new JsonObject());
        message.add("metadata", new JsonObject());
        message.add("content", content);
        message.addProperty("channel", "shell");
        message.add("buffers", new JsonArray());
        socket.sendText(message.toString(), true).join();
        return id;
    }

    /** Shuts the notebook's kernel down, as closing the notebook with "Close and Halt" does. */
    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        hub.send(
                HttpRequest.newBuilder(URI.create(serverUrl(hub, student) + "/api/sessions/" + sessionId))
                        .DELETE(),
                token);
    }

    static String serverUrl(Hub hub, String student) {
        return hub.url + "/user/" + student;
    }

    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonPrimitive()) {
            return s.getAsString();
        }
        StringBuilder b = new StringBuilder();
        s.getAsJsonArray().forEach(line -> b.append(line.getAsString()));
        return b.toString();
    }

    private static String type(JsonObject message) {
        return message.getAsJsonObject("header").get("msg_type").getAsString();
    }

    private static String parent(JsonObject message) {
        JsonObject parent = message.getAsJsonObject("parent_header");
        return parent != null && parent.has("msg_id") ? parent.get("msg_id").getAsString() : "";
    }

    private static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** Collects the kernel's messages; a message may arrive in several frames. */
    private static final class Listener implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonObject> queue;
        private final StringBuilder partial = new StringBuilder();

        Listener(LinkedBlockingQueue<JsonObject> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
