package org.lstmlab.grade.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole batch graded inside the course image (container/Containerfile, built by {@code ./lab image}) with podman
 * or docker, where the machine has no namespace sandbox of its own: no network, a read-only root with a private
 * {@code /tmp}, memory and process limits, only the capabilities the grader needs to give each child a user and a
 * PID namespace of its own, the submissions mounted read-only and the output folder the one writable mount. The grader's classes, the
 * hidden tests, the submissions and the output folder are mounted under {@code /root}, which the children's users
 * cannot enter; the course's solutions, the instructor's home and the rest of the machine are not there at all.
 *
 * <p>{@link #find()} looks for {@code LAB_CONTAINER_ENGINE} (or podman, then docker) and the image {@code LAB_IMAGE}
 * (default {@code lstm-lab:latest}); {@code LSTMLAB_SANDBOX_NO_CONTAINER=1} (or the system property
 * {@code lstmlab.sandbox.noContainer=1}) makes it find none, for tests.
 *
 * @param engine the podman or docker program
 * @param image the course image's tag
 * @param options the engine's options for this machine: {@code LAB_CONTAINER_OPTS}, and for podman with runc
 *     installed {@code --runtime runc}
 */
public record ContainerBatch(Path engine, String image, List<String> options) {

    /** The image {@code ./lab image} builds unless {@code LAB_IMAGE} names another. */
    public static final String DEFAULT_IMAGE = "lstm-lab:latest";

    /** What the container may hold at once: the grader, and one child per submission graded at a time, and a spare. */
    static final int PIDS = 2048;

    /**
     * The engine and image to grade in, or why there are none.
     *
     * @param batch null when there is none
     * @param why for the refusal when there is none
     */
    public record Found(ContainerBatch batch, String why) {}

    /** The container this machine can grade in, or why it cannot. */
    public static Found find() {
        String off = System.getProperty("lstmlab.sandbox.noContainer", System.getenv("LSTMLAB_SANDBOX_NO_CONTAINER"));
        if ("1".equals(off)) {
            return new Found(null, "no container engine either (LSTMLAB_SANDBOX_NO_CONTAINER=1)");
        }
        if (OsSandbox.IN_CONTAINER.equalsIgnoreCase(System.getenv("LSTMLAB_SANDBOX"))) {
            return new Found(null, "already in the grading container");
        }
        String engines = env("LAB_CONTAINER_ENGINE", "podman docker");
        Path engine = null;
        for (String name : engines.trim().split("\\s+")) {
            engine = OsSandbox.onPath(System.getenv(), name);
            if (engine != null) {
                break;
            }
        }
        if (engine == null) {
            return new Found(null, "no container engine either (" + engines + " is not installed)");
        }
        String image = env("LAB_IMAGE", DEFAULT_IMAGE);
        List<String> options = new ArrayList<>();
        boolean podman = engine.getFileName().toString().startsWith("podman");
        if (podman && OsSandbox.onPath(System.getenv(), "runc") != null) {
            options.addAll(List.of("--runtime", "runc"));
        }
        for (String o : env("LAB_CONTAINER_OPTS", "").trim().split("\\s+")) {
            if (!o.isEmpty()) {
                options.add(o);
            }
        }
        try {
            Process p = new ProcessBuilder(engine.toString(), "image", "inspect", "--format", "{{.Id}}", image)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return new Found(
                        null,
                        "and the course image " + image + " is not built for " + engine.getFileName()
                                + ": run ./lab image to grade in it");
            }
        } catch (IOException e) {
            return new Found(null, engine + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Found(null, "interrupted while looking for the course image");
        }
        return new Found(new ContainerBatch(engine, image, List.copyOf(options)), null);
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /** One line for the log: which isolation the batch gets. */
    public String describe() {
        return "isolation: container (" + engine.getFileName() + ", the course image " + image
                + ": no network, read-only root, memory " + memoryGb() + " GB, " + PIDS
                + " processes, the submissions read-only, the output folder the one writable mount)";
    }

    /** Memory for the grader and a JVM per submission graded at once, with room for javac. */
    static int memoryGb() {
        return Runtime.getRuntime().availableProcessors() + 3;
    }

    /**
     * The engine's command that grades in the container: each submission path mounted read-only under
     * {@code /root/submissions}, {@code out} as {@code /root/out}, the grader's class path read-only under {@code /root/grader}
     * (ND4J's jars, which the children load, under {@code /sandbox}), and {@code gradeArgs} — the options of
     * {@code ./lab grade} other than the paths and {@code --out} — passed on.
     *
     * @param name the container's name, so it can be removed if the grader is stopped
     * @param roster the roster file, or null
     * @param course the course folder (its exercises/, the starting code the similarity check leaves out), or null
     * @param links a folder for links to the paths the engine cannot mount by name (see {@link #mountable})
     */
    public List<String> command(
            String name, List<Path> submissions, Path out, Path roster, Path course, List<String> gradeArgs, Path links)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(engine.toString(), "run", "--rm", "--name", name));
        cmd.addAll(options);
        cmd.addAll(List.of(
                "--network",
                "none",
                "--read-only",
                "--tmpfs",
                "/tmp:rw,exec,nosuid,nodev,mode=1777",
                "--memory",
                memoryGb() + "g",
                "--memory-swap",
                memoryGb() + "g",
                "--pids-limit",
                Integer.toString(PIDS),
                "--ulimit",
                "nofile=1024:1024",
                "--ulimit",
                "nproc=4096:4096",
                "--cap-drop",
                "ALL",
                "--cap-add",
                // SYS_ADMIN lets the grader give each child a PID namespace and /proc of its own (unshare); every
                // capability is dropped (setpriv --bounding-set=-all) before anything of the child's runs
                "CHOWN,DAC_OVERRIDE,FOWNER,KILL,SETUID,SETGID,SETPCAP,SYS_ADMIN",
                "--security-opt",
                "no-new-privileges",
                "--user",
                "0:0",
                "--workdir",
                "/tmp",
                "--entrypoint",
                "/usr/bin/tini",
                "-e",
                "LSTMLAB_SANDBOX=" + OsSandbox.IN_CONTAINER,
                "-e",
                "LANG=C.UTF-8",
                "-e",
                "HOME=/tmp/grader"));
        Map<Path, String> mounts = new LinkedHashMap<>();
        List<String> sandboxJars = new ArrayList<>();
        for (String e : ChildRuntime.sandboxJarPaths()) {
            Path jar = Path.of(e).toAbsolutePath().normalize();
            String at = "/sandbox/" + sandboxJars.size() + "-"
                    + plain(jar.getFileName().toString());
            mounts.put(jar, at);
            sandboxJars.add(at);
        }
        List<String> classpath = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                continue;
            }
            String at = mounts.get(p);
            if (at == null) {
                at = "/root/grader/" + classpath.size() + "-"
                        + plain(p.getFileName().toString());
                mounts.put(p, at);
            }
            classpath.add(at);
        }
        List<String> inside = new ArrayList<>();
        for (int k = 0; k < submissions.size(); k++) {
            Path s = submissions.get(k).toAbsolutePath().normalize();
            String at = "/root/submissions/" + k + "/" + plain(s.getFileName().toString());
            mounts.put(s, at);
            inside.add(at);
        }
        String home = null;
        if (course != null && Files.isDirectory(course.resolve("exercises"))) {
            mounts.put(course.resolve("exercises").toAbsolutePath().normalize(), "/course/exercises");
            home = "/course";
        }
        String rosterAt = null;
        if (roster != null) {
            rosterAt = "/roster/" + plain(roster.getFileName().toString());
            mounts.put(roster.toAbsolutePath().normalize(), rosterAt);
        }
        for (Map.Entry<Path, String> m : mounts.entrySet()) {
            cmd.addAll(List.of("--volume", mountable(m.getKey(), links) + ":" + m.getValue() + ":ro"));
        }
        Files.createDirectories(out);
        cmd.addAll(List.of("--volume", mountable(out.toAbsolutePath().normalize(), links) + ":/root/out:rw"));
        cmd.add(image);
        cmd.addAll(List.of(
                "--",
                "java",
                "-XX:+DisableAttachMechanism",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Duser.home=/tmp/grader",
                "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp",
                "-Dlstmlab.sandbox.classpath=" + String.join(File.pathSeparator, sandboxJars)));
        if (home != null) {
            cmd.add("-Dlstmlab.home=" + home);
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), "org.lstmlab.cli.GradeCli", "grade"));
        cmd.addAll(inside);
        cmd.addAll(List.of("--out", "/root/out"));
        if (rosterAt != null) {
            cmd.addAll(List.of("--roster", rosterAt));
        }
        cmd.addAll(gradeArgs);
        return cmd;
    }

    /**
     * {@code path} as the engine can take it in {@code --volume from:to:options}: podman and docker split that on
     * {@code ':'} (and the options on {@code ','}), so a path holding either is given as a link of a plain name in
     * {@code links} that points to it (the engine follows a link it mounts).
     *
     * @throws IOException naming the path and what to do, where no such link can be made
     */
    static Path mountable(Path path, Path links) throws IOException {
        if (!unsafeInVolume(path.toString())) {
            return path;
        }
        Path dir = links.toAbsolutePath().normalize();
        if (unsafeInVolume(dir.toString())) {
            throw new IOException("cannot mount " + path + " into the grading container: its path holds ':' or ','"
                    + " (which podman and docker read as separators), and so does " + dir + " where a link to it"
                    + " would go; move or copy it to a path without ':' and ','");
        }
        Files.createDirectories(dir);
        Path link;
        try (var existing = Files.list(dir)) {
            link = dir.resolve(existing.count() + "-" + plain(path.getFileName().toString()));
        }
        return Files.createSymbolicLink(link, path.toAbsolutePath().normalize());
    }

    private static boolean unsafeInVolume(String path) {
        return path.indexOf(':') >= 0 || path.indexOf(',') >= 0;
    }

    /** A file name that is safe in a mount's destination (the engines split volumes on ':' and ','). */
    static String plain(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        return s.isEmpty() || s.startsWith(".") || s.startsWith("-") ? "_" + s : s;
    }

    /**
     * Grades in the container, its output passed on, and returns the grader's exit code. If this JVM is stopped
     * meanwhile, the container is removed.
     */
    public int grade(
            List<Path> submissions,
            Path out,
            Path roster,
            Path course,
            List<String> gradeArgs,
            PrintStream stdout,
            PrintStream stderr)
            throws IOException {
        String name = String.format(
                Locale.ROOT, "lstmlab-grade-%d-%08x", ProcessHandle.current().pid(), new SecureRandom().nextInt());
        Path links = Files.createTempDirectory("lstmlab-mounts-");
        try {
            return grade(command(name, submissions, out, roster, course, gradeArgs, links), name, stdout, stderr);
        } finally {
            try (var made = Files.list(links)) {
                for (Path link : made.toList()) {
                    Files.deleteIfExists(link); // the link, never what it points to
                }
            }
            Files.deleteIfExists(links);
        }
    }

    private int grade(List<String> cmd, String name, PrintStream stdout, PrintStream stderr) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        Thread remove = new Thread(() -> {
            try {
                new ProcessBuilder(engine.toString(), "rm", "-f", name)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(60, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the engine removes it when it ends (--rm)
            }
        });
        Runtime.getRuntime().addShutdownHook(remove);
        Thread errors = pump(p.getErrorStream(), stderr);
        Thread output = pump(p.getInputStream(), stdout);
        try {
            int code = p.waitFor();
            output.join();
            errors.join();
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(remove);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    private static Thread pump(java.io.InputStream in, PrintStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException ended) {
                // the container ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
