package org.lstmlab.classroom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A JupyterHub 6 (the pinned stack's, first on PATH under {@code ./lab test}, with Debian's configurable-http-proxy)
 * on 127.0.0.1 for a test, opening JupyterLab for every student as Zero to JupyterHub does: the dummy
 * authenticator (one shared password), and a local spawner that starts each student's Jupyter in a folder of
 * their own — or, for the students named {@code inImage}, in the course image with podman, the way Zero to
 * JupyterHub starts {@code singleuser.image}, with an empty folder mounted as their home.
 */
final class Hub implements AutoCloseable {

    static final String PASSWORD = "lstm-lab-class";

    final String url;
    final Path work;
    private final Process process;
    // HTTP/1.1: the JDK's client otherwise asks for an h2c upgrade, which the proxy leaves unanswered
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Hub(String url, Path work, Process process) {
        this.url = url;
        this.work = work;
        this.process = process;
    }

    /**
     * Starts the hub and waits until its API answers.
     *
     * @param work an empty folder: the config, database, log and the students' homes ({@code home/NAME})
     * @param students every student who may log in
     * @param jupyterPath the Jupyter data folder holding the lstm-lab kernelspec, for the local students
     * @param image the course image, for the students in {@code inImage}
     * @param inImage students whose servers run in the image
     * @param memoryLimit the container's memory limit, e.g. "1g" (Zero to JupyterHub's singleuser.memory.limit)
     */
    static Hub start(
            Path work, Set<String> students, Path jupyterPath, String image, Set<String> inImage, String memoryLimit)
            throws Exception {
        Prerequisites.require("jupyterhub", "it serves the class");
        Prerequisites.require("configurable-http-proxy", "JupyterHub routes every student through it");
        int port = freePort();
        int hubPort = freePort();
        int proxyApiPort = freePort();
        List<String> containerOptions = new ArrayList<>();
        if (!inImage.isEmpty()) {
            containerOptions.add(Containers.engine());
            containerOptions.addAll(Containers.options("host"));
        }
        String config = CONFIG.formatted(
                python(work.toString()),
                port,
                hubPort,
                proxyApiPort,
                python(PASSWORD),
                pythonSet(students),
                python(jupyterPath.toString()),
                pythonList(containerOptions),
                python(image == null ? "" : image),
                pythonSet(inImage),
                python(memoryLimit));
        Path file = Files.writeString(work.resolve("jupyterhub_config.py"), config);
        ProcessBuilder builder = new ProcessBuilder("jupyterhub", "-f", file.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("hub.log").toFile());
        // Debian's proxy finds its Node modules there even when another Node.js (e.g. NodeSource's) comes first.
        builder.environment().put("NODE_PATH", "/usr/share/nodejs:/usr/lib/nodejs");
        Hub hub = new Hub("http://127.0.0.1:" + port, work, builder.start());
        try {
            hub.awaitApi(Duration.ofMinutes(2));
        } catch (Exception | AssertionError e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    /** The version the hub's API reports, e.g. 6.1.1. */
    String version() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/hub/api/")), null);
        return JsonParser.parseString(r.body()).getAsJsonObject().get("version").getAsString();
    }

    /**
     * The page the student's server answers at the hub's default URL for them ({@code /user/NAME/lab}): JupyterLab's,
     * whose page config names the application; fails with what came instead.
     */
    String labPage(String student, String token) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "/user/" + student + "/lab")), token);
        if (r.statusCode() != 200 || !r.body().contains("\"appName\": \"JupyterLab\"")) {
            throw new AssertionError(student + "'s server should answer /lab with JupyterLab's page but answered HTTP "
                    + r.statusCode() + ":\n" + Containers.tail(r.body(), 2000));
        }
        return r.body();
    }

    /** The hub's log so far, for failure messages. */
    String log() throws IOException {
        return Containers.tail(Files.readString(work.resolve("hub.log"), StandardCharsets.UTF_8), 6000);
    }

    private void awaitApi(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("jupyterhub exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = send(
                        HttpRequest.newBuilder(URI.create(url + "/hub/api/")).timeout(Duration.ofSeconds(5)), null);
                if (r.statusCode() == 200 && r.body().contains("version")) {
                    return;
                }
            } catch (IOException notYet) {
                // the proxy is not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("JupyterHub did not answer on " + url + " within " + timeout + ":\n" + log());
    }

    /**
     * Logs a student in through the REST API (username and password, as the dummy authenticator takes them) and
     * returns their API token.
     *
     * @return the token, or null when the hub refused the login (HTTP 403)
     */
    String login(String student, String password) throws Exception {
        JsonObject auth = new JsonObject();
        auth.addProperty("username", student);
        auth.addProperty("password", password);
        JsonObject body = new JsonObject();
        body.add("auth", auth);
        body.addProperty("note", "LSTM Lab class test");
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(URI.create(url + "/hub/api/users/" + student + "/tokens"))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                null);
        if (r.statusCode() == 403) {
            return null;
        }
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new AssertionError("logging " + student + " in: HTTP " + r.statusCode() + " " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject().get("token").getAsString();
    }

    /** Asks the hub to start the student's server and waits until the hub says it is ready. */
    void startServer(String student, String token, Duration timeout) throws Exception {
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(URI.create(url + "/hub/api/users/" + student + "/server"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                token);
        if (r.statusCode() != 201 && r.statusCode() != 202 && r.statusCode() != 400) {
            throw new AssertionError("starting " + student + "'s server: HTTP " + r.statusCode() + " " + r.body());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> user =
                    send(HttpRequest.newBuilder(URI.create(url + "/hub/api/users/" + student)), token);
            JsonObject model = JsonParser.parseString(user.body()).getAsJsonObject();
            JsonObject servers = model.getAsJsonObject("servers");
            if (servers != null && servers.has("")) {
                JsonObject server = servers.getAsJsonObject("");
                if (server.has("ready") && server.get("ready").getAsBoolean()) {
                    return;
                }
            } else if (model.get("pending").isJsonNull()) {
                throw new AssertionError(student + "'s server stopped while starting:\n" + log());
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(student + "'s server was not ready within " + timeout + ":\n" + log());
    }

    /** Stops the student's server and waits until the hub has no server for them. */
    void stopServer(String student, String token, Duration timeout) throws Exception {
        send(
                HttpRequest.newBuilder(URI.create(url + "/hub/api/users/" + student + "/server"))
                        .DELETE(),
                token);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> user =
                    send(HttpRequest.newBuilder(URI.create(url + "/hub/api/users/" + student)), token);
            JsonObject servers =
                    JsonParser.parseString(user.body()).getAsJsonObject().getAsJsonObject("servers");
            if (servers == null || !servers.has("")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(student + "'s server did not stop within " + timeout + ":\n" + log());
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (request.build().timeout().isEmpty()) {
            request.timeout(Duration.ofSeconds(60));
        }
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the hub (which stops every student's server and the proxy), then anything left of it. */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy(); // SIGTERM: JupyterHub stops the servers it spawned and its proxy
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle left : tree) {
            left.destroyForcibly();
        }
    }

    /**
     * The processes whose command line names {@code folder} (the hub, and every kernel through its connection file
     * in a student's home) still running after {@code grace}.
     */
    static List<String> processesUnder(Path folder, Duration grace) throws InterruptedException {
        String marker = folder.toAbsolutePath().toString();
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList();
            if (!left.isEmpty()) {
                Thread.sleep(500);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String python(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String pythonList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(Hub::python).toList()) + "]";
    }

    private static String pythonSet(Set<String> items) {
        return items.isEmpty()
                ? "set()"
                : "{"
                        + String.join(
                                ", ", items.stream().sorted().map(Hub::python).toList()) + "}";
    }

    /** The hub's configuration; the values come from {@link #start}. */
    private static final String CONFIG = """
            # JupyterHub for the LSTM Lab class test (written by org.lstmlab.classroom.Hub).
            import os
            from jupyterhub.spawner import SimpleLocalProcessSpawner

            c = get_config()
            work = %s
            c.JupyterHub.bind_url = 'http://127.0.0.1:%d'
            c.JupyterHub.hub_bind_url = 'http://127.0.0.1:%d'
            c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:%d'
            c.ConfigurableHTTPProxy.pid_file = os.path.join(work, 'proxy.pid')
            c.JupyterHub.pid_file = os.path.join(work, 'hub.pid')
            c.JupyterHub.db_url = 'sqlite:///' + os.path.join(work, 'jupyterhub.sqlite')
            c.JupyterHub.cookie_secret_file = os.path.join(work, 'jupyterhub_cookie_secret')
            c.JupyterHub.authenticator_class = 'jupyterhub.auth.DummyAuthenticator'
            c.DummyAuthenticator.password = %s
            c.Authenticator.allowed_users = %s
            jupyter_path = %s
            engine = %s
            image = %s
            in_image = %s
            memory_limit = %s


            class CourseSpawner(SimpleLocalProcessSpawner):
                \"""A student's Jupyter in work/home/NAME: on this machine, or in the course image.\"""

                async def start(self):
                    if self.user.name in in_image:
                        # As Zero to JupyterHub runs singleuser.image: the hub's settings reach the server as
                        # JUPYTERHUB_* variables, the student's home is a volume (empty at first), uid 1000.
                        env = self.get_env()
                        names = sorted(k for k in env if k.startswith(('JUPYTERHUB_', 'JPY_')))
                        self.cmd = engine[:1] + ['run', '--rm', '--name', 'lstm-lab-class-' + self.user.name] \\
                            + engine[1:] + ['--memory', memory_limit, '-v', self.home_dir + ':/home/jovyan'] \\
                            + [a for k in names for a in ('-e', k)] + [image, 'jupyterhub-singleuser']
                        self.args = []
                    else:
                        self.cmd = ['jupyterhub-singleuser']
                        self.args = ['--allow-root']
                    return await super().start()


            c.JupyterHub.spawner_class = CourseSpawner
            c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(work, 'home', '{username}')
            c.Spawner.environment = {'JUPYTER_PATH': jupyter_path}
            c.Spawner.default_url = '/lab'
            c.Spawner.start_timeout = 600
            c.Spawner.http_timeout = 300
            """;
}
