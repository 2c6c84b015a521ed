package org.lstmlab.grade.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.lstmlab.grade.sandbox.compiler.CompileServer;

/**
 * The grader's side of one sandboxed compiler JVM ({@link CompileServer}): it sees, read-only, the JDK and the jars
 * submissions compile against, and writes only in its own folder, into which each compilation's sources are copied
 * and from which its classes are moved out. Compilations take turns. One that takes longer than its limit, or breaks
 * the compiler, ends the JVM; the next compilation starts a fresh one.
 */
final class CompilerProcess implements AutoCloseable {
    /**
     * What a compilation gave: {@code javac}'s exit code and printed text, or (when {@code worded}) why there is no
     * answer, worded for the student.
     */
    record Outcome(int exit, String text, boolean worded) {}

    private final ChildRuntime runtime;
    private final Path home;
    private final List<String> options;
    private final long seconds;
    private final int heapMb;

    /** Starts the compiler's JVMs: a warm-up's or a batch worker's thread would take the sandbox with it as it ends. */
    private final ProcessStarter starter = new ProcessStarter("compiler-starter");

    private Process process;
    private DataOutputStream requests;
    private BlockingQueue<Object> answers;
    private StringBuilder printed;
    private int user;
    private int jobs;
    private int started;
    private boolean closed;

    /**
     * @param home its folder, made here; removed with the grader's
     * @param options what every compilation is told, before {@code -implicit}
     */
    CompilerProcess(ChildRuntime runtime, Path home, List<String> options, long seconds, int heapMb) {
        this.runtime = runtime;
        this.home = home;
        this.options = List.copyOf(options);
        this.seconds = seconds;
        this.heapMb = heapMb;
    }

    /** How many compiler JVMs this has started. */
    synchronized int started() {
        return started;
    }

    /**
     * Compiles {@code sources} (all in {@code sourceRoot}) into {@code out}, with {@code sourceRoot} as the source
     * path when {@code implicit}.
     */
    synchronized Outcome compile(Path sourceRoot, List<Path> sources, Path out, boolean implicit) throws IOException {
        if (closed) {
            throw new IllegalStateException("the grader is closed");
        }
        if (process == null || !process.isAlive()) {
            start();
        }
        Path job = home.resolve("job-" + ++jobs);
        Path src = job.resolve("src");
        Path classes = job.resolve("classes");
        try {
            Sandbox.copyTree(sourceRoot, src);
            Files.createDirectories(classes);
            ChildProcess.own(job, runtime.os(), user);
            requests.writeUTF(classes.toString());
            requests.writeUTF(implicit ? src.toString() : "");
            requests.writeInt(sources.size());
            for (Path s : sources) {
                requests.writeUTF(
                        src.resolve(sourceRoot.relativize(s).toString()).toString());
            }
            requests.flush();
            Outcome o = answer();
            if (o.exit() == 0) {
                Sandbox.remove(out);
                try {
                    Files.move(classes, out);
                } catch (IOException otherFileSystem) {
                    Sandbox.copyTree(classes, out);
                }
            }
            return o;
        } catch (IOException lost) { // the pipe broke: the JVM ended, and what it printed says why
            return died();
        } finally {
            Sandbox.remove(job);
        }
    }

    /** The answer to the request just sent, within the time limit, or why there is none. */
    private Outcome answer() {
        try {
            Object o = answers.poll(seconds, TimeUnit.SECONDS);
            if (o == null) {
                stop();
                return new Outcome(-1, "\n  " + Bundle.say("sandbox.compilerSlow", seconds), true);
            }
            if (!(o instanceof Outcome done)) {
                return died();
            }
            if (done.exit() == CompileServer.BROKEN) {
                stop();
            }
            return done;
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            return new Outcome(-1, "\n  " + Bundle.say("sandbox.compileInterrupted"), true);
        }
    }

    /** The outcome of a compilation during which the compiler's JVM ended: its exit code and what it printed. */
    private Outcome died() {
        Process p = process;
        int exit = -1;
        try {
            if (p.waitFor(5, TimeUnit.SECONDS)) {
                exit = p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        String text;
        synchronized (printed) {
            text = printed.toString();
        }
        return new Outcome(exit == 0 ? -1 : exit, text, false);
    }

    private void start() throws IOException {
        stop();
        Files.createDirectories(home);
        user = ChildProcess.prepare(home, runtime.os());
        List<String> cmd = new ArrayList<>(List.of(
                ChildRuntime.jdkJava().toString(),
                "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+DisableAttachMechanism",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-cp",
                runtime.compilerJar().toString(),
                CompileServer.class.getName(),
                runtime.compileClasspath()));
        cmd.addAll(options);
        List<String> shell =
                new ArrayList<>(ChildRuntime.ulimited(runtime.os(), "ulimit -c 0 && ulimit -f " + 64 * 2048L));
        shell.addAll(cmd);
        List<Path> readable = new ArrayList<>();
        readable.add(runtime.compilerJar());
        for (String e : runtime.compileClasspath().split(File.pathSeparator)) {
            readable.add(Path.of(e));
        }
        ProcessBuilder pb = new ProcessBuilder(runtime.os().wrap(shell, readable, Map.of(), home, home, user));
        pb.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("LANG"));
        Process p = starter.start(pb::start);
        StringBuilder text = new StringBuilder();
        Thread drainer = new Thread(() -> drain(p.getErrorStream(), text), "compiler-output");
        drainer.setDaemon(true);
        drainer.start();
        process = p;
        printed = text;
        requests = new DataOutputStream(new BufferedOutputStream(p.getOutputStream()));
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> read(new DataInputStream(new BufferedInputStream(p.getInputStream())), queue),
                "compiler-answers");
        reader.setDaemon(true);
        reader.start();
        answers = queue;
        started++;
    }

    /** Puts each answer on {@code queue}, and then why there are no more. */
    private static void read(DataInputStream in, BlockingQueue<Object> queue) {
        try (in) {
            while (true) {
                queue.add(new Outcome(in.readInt(), in.readUTF(), false));
            }
        } catch (IOException e) {
            queue.add(e);
        }
    }

    private static void drain(InputStream in, StringBuilder text) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (text) {
                    if (text.length() < 65_536) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    /** Ends the compiler's JVM and everything in its sandbox, if it runs; the next compilation starts another. */
    synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.os().endAll(user);
    }

    /** Whether a compiler JVM is running now. */
    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
        starter.close();
    }
}
