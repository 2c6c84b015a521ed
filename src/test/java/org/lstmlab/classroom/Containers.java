package org.lstmlab.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The container engine the tests drive (podman, else docker) with the options {@code ./lab}'s
 * {@code container_opts} gives every build and run, and the course image, built once per test run by
 * {@code ./lab image}.
 */
final class Containers {

    /** Where the classroom tests write their logs. */
    static final Path LOGS = Path.of("target", "classroom").toAbsolutePath();

    private static String courseImage;
    private static double courseImageSeconds;

    private Containers() {}

    /** The outcome of one command: its exit code and everything it printed. */
    record Result(int exitCode, String output) {
        Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + tail(output, 6000));
            }
            return this;
        }
    }

    static String engine() {
        Prerequisites.require("podman", "it builds and runs the course image");
        Prerequisites.require("runc", "podman runs containers with it here");
        return "podman";
    }

    /**
     * The options of every build and run: runc with explicit ulimits (what this machine's sandbox accepts) and the
     * given network ("host" for builds and servers, "none" for grading).
     */
    static List<String> options(String network) {
        List<String> options = new ArrayList<>();
        if (Prerequisites.onPath("runc")) {
            options.addAll(List.of("--runtime", "runc"));
        }
        options.addAll(List.of("--network", network, "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"));
        return options;
    }

    /** Runs the engine with {@code args}, keeping its output in {@code log}. */
    static Result engine(Duration timeout, Path log, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(engine());
        command.addAll(args);
        return run(command, timeout, log);
    }

    static Result run(List<String> command, Duration timeout, Path log) throws IOException, InterruptedException {
        return run(command, Map.of(), timeout, log);
    }

    /** Runs a command with more environment variables, keeping its output in {@code log}. */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                    + tail(Files.readString(log, StandardCharsets.UTF_8), 4000));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * The course image, built by {@code ./lab image} the first time a test asks for it.
     *
     * @return its tag
     */
    static synchronized String courseImage() throws IOException, InterruptedException {
        if (courseImage == null) {
            engine();
            long started = System.nanoTime();
            Result built = run(List.of("./lab", "image"), Duration.ofMinutes(40), LOGS.resolve("image-build.log"))
                    .orFail("./lab image (log: " + LOGS.resolve("image-build.log") + ")");
            courseImageSeconds = (System.nanoTime() - started) / 1e9;
            List<String> lines = built.output().strip().lines().toList();
            courseImage = lines.get(lines.size() - 1).strip();
            System.out.printf("classroom: ./lab image built %s in %.0f s%n", courseImage, courseImageSeconds);
        }
        return courseImage;
    }

    /** The base image the Containerfile names, pulled or made with debootstrap by {@code ./lab image base}. */
    static String baseImage() throws IOException, InterruptedException {
        engine();
        Result base = run(List.of("./lab", "image", "base"), Duration.ofMinutes(15), LOGS.resolve("image-base.log"))
                .orFail("./lab image base");
        List<String> lines = base.output().strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    /** The image's size in MB, as the engine reports it. */
    static long sizeMb(String image) throws IOException, InterruptedException {
        Result size = engine(
                        Duration.ofMinutes(1),
                        LOGS.resolve("image-size.log"),
                        List.of("image", "inspect", "--format", "{{.Size}}", image))
                .orFail("image inspect " + image);
        return Long.parseLong(size.output().strip()) / 1_000_000;
    }

    static String tail(String text, int characters) {
        return text.length() <= characters ? text : "…" + text.substring(text.length() - characters);
    }
}
