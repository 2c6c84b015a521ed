package org.lstmlab.grade;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lstmlab.grade.child.ChildMain;
import org.lstmlab.grade.child.Wire;

/**
 * Runs the calls of one exercise in a fresh JVM with time, memory and output limits, and reads back
 * what each call returned. It never trusts the child: a missing or damaged outcome is a failed call,
 * and the exit code and printed text decide nothing.
 */
final class Sandbox {
    /**
     * What came back from one child JVM.
     *
     * @param outcomes the outcome of each call that finished, by call id
     * @param stopped  why the remaining calls have no outcome, for the student
     */
    record Run(Map<String, Wire.Outcome> outcomes, String stopped) {}

    private final ChildRuntime runtime;
    private final Limits limits;

    Sandbox(ChildRuntime runtime, Limits limits) {
        this.runtime = runtime;
        this.limits = limits;
    }

    Run run(Path dir, Path classes, List<Wire.Call> calls, String className) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path job = dir.resolve("job.bin");
        Path result = dir.resolve("result.bin");
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(job)))) {
            Wire.writeCalls(out, calls);
        }
        List<String> cmd = new ArrayList<>(runtime.command(limits));
        cmd.addAll(List.of(
                ChildMain.class.getName(),
                job.toString(),
                result.toString(),
                classes.toString(),
                Long.toString(limits.callMillis()),
                Integer.toString(limits.maxNewThreads())));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        Map<String, String> keep = new LinkedHashMap<>();
        for (String k : List.of("PATH", "HOME", "LANG", "TMPDIR")) if (env.containsKey(k)) keep.put(k, env.get(k));
        env.clear();
        env.putAll(keep);
        env.put("OMP_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");

        Process p = pb.start();
        p.getOutputStream().close();
        AtomicBoolean tooLoud = new AtomicBoolean();
        AtomicLong printed = new AtomicLong();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(p, p.getInputStream(), head, printed, tooLoud), "child-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = p.waitFor(limits.wallMillis(), TimeUnit.MILLISECONDS);
        kill(p);
        reader.join(2000);

        Map<String, Wire.Outcome> outcomes = new LinkedHashMap<>();
        if (Files.exists(result)) {
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(result)))) {
                for (Wire.Outcome o : Wire.readOutcomes(in)) {
                    boolean asked = calls.stream().anyMatch(c -> c.id().equals(o.id()));
                    if (asked) outcomes.putIfAbsent(o.id(), o);
                }
            }
        }
        String text;
        synchronized (head) {
            text = head.toString(StandardCharsets.UTF_8);
        }
        String stopped;
        if (tooLoud.get()) {
            stopped = "printed more than " + limits.outputBytes() / 1024
                    + " KB, so grading stopped: remove the print statements from " + className;
        } else if (!finished) {
            stopped = "the grading JVM did not finish within " + limits.wallMillis() / 1000 + " s and was stopped";
        } else if (text.contains("OutOfMemoryError")) {
            stopped = "ran out of memory (heap limit " + limits.heapMb() + " MB): does it allocate a huge array?";
        } else {
            stopped = "the grading JVM exited (code " + p.exitValue()
                    + ") before this call returned: graded code must return its "
                    + "result, not call System.exit or Runtime.halt";
        }
        return new Run(outcomes, stopped);
    }

    private void drain(
            Process p, InputStream in, ByteArrayOutputStream head, AtomicLong printed, AtomicBoolean tooLoud) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                long total = printed.addAndGet(n);
                synchronized (head) {
                    if (head.size() < 16 * 1024) head.write(buf, 0, Math.min(n, 16 * 1024 - head.size()));
                }
                if (total > limits.outputBytes()) {
                    tooLoud.set(true);
                    kill(p);
                    return;
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    /** Kills the child and everything it started, leaves first. */
    static void kill(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
