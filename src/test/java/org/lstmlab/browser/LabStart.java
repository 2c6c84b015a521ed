package org.lstmlab.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JupyterLab (or Notebook 7) started by {@code ./lab start} itself (the student's command, not a copy of it):
 * on 127.0.0.1, a free port, a random token, a notebook folder of the test's choosing and the
 * course kernelspec under a temporary prefix. Closing shuts it down (and its kernels) for good.
 */
final class LabStart implements AutoCloseable {

    final int port;
    final String token;
    final Path notebooks;
    private final Process process;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LabStart(int port, String token, Path notebooks, Process process, Path log) {
        this.port = port;
        this.token = token;
        this.notebooks = notebooks;
        this.process = process;
        this.log = log;
    }

    /**
     * Runs {@code ./lab start --port P --no-browser --notebook-dir D --prefix R/prefix} (JupyterLab, the page
     * exposing its application object to the test) and waits until the server answers.
     *
     * @param run a fresh temporary folder: Jupyter's config, data and runtime folders go under it
     * @param notebooks the folder Jupyter shows (a copy of notebooks/)
     * @param log where Jupyter's output goes
     * @param ready how long to wait for the server
     */
    static LabStart start(Path run, Path notebooks, Path log, Duration ready) throws Exception {
        return start(Path.of(""), run, notebooks, log, ready);
    }

    /** The same, with the {@code ./lab} of another course folder, e.g. a student edition. */
    static LabStart start(Path course, Path run, Path notebooks, Path log, Duration ready) throws Exception {
        return start(course, run, notebooks, log, ready, "lab");
    }

    /**
     * The same in the user interface {@code ui}: {@code lab} (JupyterLab) or {@code notebook} (Notebook 7, {@code
     * ./lab start --ui notebook}).
     */
    static LabStart start(Path course, Path run, Path notebooks, Path log, Duration ready, String ui) throws Exception {
        int port = freePort();
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "./lab",
                        "start",
                        "--port",
                        String.valueOf(port),
                        "--no-browser",
                        "--notebook-dir",
                        notebooks.toString(),
                        "--prefix",
                        run.resolve("prefix").toString(),
                        "--ui",
                        ui,
                        // window.jupyterapp: the tests read a notebook's cells and kernel through it
                        ui.equals("lab")
                                ? "--LabApp.expose_app_in_browser=True"
                                : "--JupyterNotebookApp.expose_app_in_browser=True"))
                .directory(course.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("JUPYTER_PATH");
        env.put("JUPYTER_TOKEN", token);
        env.put("JUPYTER_CONFIG_DIR", run.resolve("config").toString());
        env.put("JUPYTER_DATA_DIR", run.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", run.resolve("runtime").toString());
        env.put("LSTMLAB_QUICK", "1"); // the course's switch that shrinks training loops, as in CI's notebook runs
        LabStart lab = new LabStart(port, token, notebooks, builder.start(), log);
        try {
            lab.awaitReady(ready);
        } catch (Exception | AssertionError e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The process {@code ./lab start} became (it execs Jupyter). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitReady(Duration ready) throws Exception {
        long deadline = System.nanoTime() + ready.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "./lab start exited with " + process.exitValue() + " before Jupyter answered:\n" + log());
            }
            try {
                HttpResponse<String> status =
                        http.send(request("/api/status").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "Jupyter did not answer on port " + port + " within " + ready.toSeconds() + " s:\n" + log());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "token " + token);
    }

    /**
     * Asks Jupyter to shut down (it shuts its kernels down first), then terminates whatever of it and
     * its children is still running.
     */
    @Override
    public void close() {
        List<ProcessHandle> family =
                new java.util.ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        if (process.isAlive()) {
            try {
                http.send(
                        request("/api/shutdown")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException | RuntimeException e) {
                process.destroy(); // SIGTERM: Jupyter also shuts its kernels down on it
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle member : family) {
            if (member.isAlive()) {
                member.destroyForcibly();
            }
        }
    }
}
