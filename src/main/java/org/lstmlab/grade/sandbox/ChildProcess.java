package org.lstmlab.grade.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lstmlab.grade.sandbox.child.ChildMain;
import org.lstmlab.grade.sandbox.child.Value;
import org.lstmlab.grade.sandbox.child.Wire;

/**
 * One child JVM and the grader's side of its pipes: calls go out on its standard input, answers
 * come back on its standard output, and what graded code prints arrives on its standard error,
 * where it is counted per call. It never trusts the child: a missing, late or damaged answer is a
 * failed call, and the exit code and printed text decide nothing but the message.
 */
final class ChildProcess {
    /** Time the grader gives a child beyond the call limit to answer "timed out" itself. */
    private static final long GRACE_MILLIS = 3_000;

    private static final Object READY = new Object();
    private static final SecureRandom SECRETS = new SecureRandom();

    private final Process process;
    private final Limits limits;
    private final Path dir;
    private final DataOutputStream calls;
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final AtomicLong printed = new AtomicLong();
    private final AtomicBoolean tooLoud = new AtomicBoolean();
    private final StringBuilder tail = new StringBuilder();
    private final Thread drainer;
    private final boolean isolated;
    private final OsSandbox os;
    private final int user;
    /** Class folders shown to a sandboxed child: copies inside its job folder, the only place it can see. */
    private final Map<Path, Path> shown = new java.util.HashMap<>();

    private boolean ready;
    private boolean dead;
    private int seq;

    private ChildProcess(Process process, Limits limits, Path dir, OsSandbox os, int user, long secret)
            throws IOException {
        this.process = process;
        this.os = os;
        this.user = user;
        this.isolated = os.isolated();
        this.limits = limits;
        this.dir = dir;
        this.calls = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        calls.writeLong(secret);
        calls.flush();
        daemon(
                "child-answers",
                () -> readAnswers(new DataInputStream(new BufferedInputStream(process.getInputStream())), secret));
        this.drainer = daemon("child-output", () -> drain(process.getErrorStream()));
    }

    /**
     * Starts a child in {@code dir} (its working directory is {@code dir/work}, its temporary folder
     * {@code dir/tmp}); it loads ND4J while the caller goes on.
     */
    static ChildProcess start(ChildRuntime runtime, Limits limits, Path dir) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int user = prepare(dir, runtime.os());
        List<String> cmd = new ArrayList<>(runtime.command(limits, dir, user));
        cmd.addAll(List.of(
                Long.toString(limits.callMillis()),
                Integer.toString(limits.maxNewThreads()),
                Long.toString(limits.fileMb() * (1L << 20))));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> keep = new java.util.LinkedHashMap<>();
        for (String k : List.of("PATH", "HOME", "LANG")) {
            if (env.containsKey(k)) {
                keep.put(k, env.get(k));
            }
        }
        env.clear();
        env.putAll(keep);
        env.put("TMPDIR", tmp.toString());
        env.put("OMP_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        return new ChildProcess(pb.start(), limits, dir, runtime.os(), user, SECRETS.nextLong());
    }

    private static final java.util.concurrent.atomic.AtomicInteger USERS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Readies a job folder for its sandbox ({@code work/}, {@code tmp/}, {@code cache/} for JavaCPP): when the grader is root, a user of its own (none of the machine's,
     * one per child, so children never share a process limit or a file) owns the folder and what is in it.
     *
     * @return the user the child runs as
     */
    static int prepare(Path dir, OsSandbox os) throws IOException {
        for (String sub : List.of("work", "tmp", "cache")) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (!os.isolated() || !OsSandbox.root()) {
            return OsSandbox.USER;
        }
        int user = 200_000 + (int) (ProcessHandle.current().pid() % 1000) * 1000 + USERS.incrementAndGet() % 1000;
        own(dir, os, user);
        return user;
    }

    /** Gives {@code dir} and what is in it to {@code user}, the sandbox's user of a root grader; otherwise nothing. */
    static void own(Path dir, OsSandbox os, int user) throws IOException {
        if (!os.isolated() || !OsSandbox.root()) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", user, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", user, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** The folder the child was started in. */
    Path dir() {
        return dir;
    }

    /** False once the child has ended or been stopped: it takes no more calls. */
    boolean alive() {
        return !dead && process.isAlive();
    }

    /**
     * Waits until the child has loaded ND4J and said so.
     *
     * @return null once it is ready; otherwise why it will take no calls
     */
    Reply awaitReady() {
        if (!alive()) {
            return stopped(Bundle.say("sandbox.childStopped"));
        }
        if (ready) {
            return null;
        }
        try {
            Object first = answers.poll(limits.startMillis(), TimeUnit.MILLISECONDS);
            if (first != READY) {
                kill();
                return stopped(
                        first == null
                                ? Bundle.say("sandbox.childNoStart", limits.startMillis() / 1000)
                                : Bundle.say("sandbox.childCannotStart", why(first)));
            }
            ready = true;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped(Bundle.say("sandbox.interrupted"));
        }
    }

    /**
     * Runs one call and waits for its answer.
     *
     * @param classes the submission's compiled classes for this call's fresh class loader
     */
    Reply call(Path classes, String className, String method, List<Value> args) {
        Reply notReady = awaitReady();
        if (notReady != null) {
            return notReady;
        }
        try {
            printed.set(0);
            int n = ++seq;
            try {
                Path visible = isolated ? show(classes) : classes;
                Wire.writeCall(calls, new Wire.Call(n, visible.toString(), className, method, args));
            } catch (IOException e) {
                return stopped(why(e));
            }
            Object answer = answers.poll(limits.callMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            if (answer == null) {
                kill();
                return stopped(Bundle.say("sandbox.timedOut", limits.callMillis() / 1000.0));
            }
            if (!(answer instanceof Wire.Outcome o) || o.seq() != n) {
                return stopped(why(answer));
            }
            return switch (o.status()) {
                case RETURNED -> new Reply(Reply.Kind.RETURNED, "", o.result());
                case THREW -> new Reply(Reply.Kind.THREW, threw(o.message()), null);
                case TIMED_OUT -> {
                    kill(); // it halts itself after these; make sure
                    yield new Reply(
                            Reply.Kind.STOPPED, Bundle.say("sandbox.timedOut", limits.callMillis() / 1000.0), null);
                }
                case BROKE_RULE -> {
                    kill();
                    yield new Reply(Reply.Kind.STOPPED, rule(o.message()), null);
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return stopped(Bundle.say("sandbox.interrupted"));
        }
    }

    /**
     * The child's broken rule in the student's language: the child (which has no bundle) sends the key and its values
     * as {@code sandbox.rule.network} or {@code sandbox.rule.threads\u001f64}; anything else is shown as it came.
     */
    static String rule(String message) {
        return keyed(message, "sandbox.rule.");
    }

    /**
     * An exception's message from the child in the student's language: the child's own messages inside it
     * ({@code java.lang.NullPointerException: \u001esandbox.child.returnedNullFor\u001fh\u001e}) worded from the bundle,
     * the rest (the graded code's own message) shown as it came.
     */
    static String threw(String message) {
        String[] pieces = message.split(ChildMain.SAID, -1);
        if (pieces.length % 2 == 0) return Untrusted.text(message); // not the child's: a lone separator
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < pieces.length; k++) {
            out.append(k % 2 == 1 ? keyed(pieces[k], "sandbox.child.") : Untrusted.text(pieces[k]));
        }
        return Untrusted.text(out.toString());
    }

    /** A key of the bundle under {@code prefix} and its values, sent by the child, worded; anything else as it came. */
    private static String keyed(String message, String prefix) {
        String[] parts = message.split(ChildMain.RULE_SEPARATOR, -1);
        if (!parts[0].startsWith(prefix) || !Bundle.has(parts[0])) return Untrusted.text(message);
        Object[] args = new Object[parts.length - 1];
        for (int k = 1; k < parts.length; k++) args[k - 1] = Untrusted.text(parts[k]);
        try {
            return Bundle.say(parts[0], args);
        } catch (IllegalArgumentException tooFew) {
            return Untrusted.text(message);
        }
    }

    /** A copy of a class folder inside the job folder, made once per folder. */
    private Path show(Path classes) throws IOException {
        Path copy = shown.get(classes);
        if (copy == null) {
            copy = dir.resolve("classes-" + (shown.size() + 1));
            Sandbox.copyTree(classes, copy);
            shown.put(classes, copy);
        }
        return copy;
    }

    private Reply stopped(String message) {
        kill();
        return new Reply(Reply.Kind.STOPPED, Untrusted.text(message), null);
    }

    /** Why the child gave no proper answer, for the student, from how it ended and what it printed. */
    private String why(Object failure) {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) { // an answer went missing: let it end as it would
                kill();
            }
            drainer.join(1_000); // and read the rest of what it printed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        String text;
        synchronized (tail) {
            text = tail.toString();
        }
        if (tooLoud.get()) {
            return Bundle.say("sandbox.printedTooMuch", limits.outputBytes() / 1024);
        }
        if (text.contains("OutOfMemoryError") || text.contains("insufficient memory")) {
            return Bundle.say("sandbox.outOfMemory", limits.heapMb());
        }
        int code = process.exitValue();
        if (code == 128 + 25 || text.contains("File size limit exceeded")) { // SIGXFSZ
            return Bundle.say("sandbox.rule.fileTooLarge", limits.fileMb());
        }
        if (failure instanceof IOException e && !(e instanceof EOFException)) {
            return Bundle.say("sandbox.channel", e.getMessage());
        }
        if (failure instanceof Wire.Outcome) {
            return Bundle.say("sandbox.channelAnswer");
        }
        return Bundle.say("sandbox.exited", code);
    }

    /** Stops the child and everything it started, children first. */
    void kill() {
        dead = true;
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        os.endAll(user); // without a PID namespace of its own, what it detached is found by its user
    }

    private void readAnswers(DataInputStream in, long secret) {
        try (in) {
            while (true) {
                Wire.Outcome o = Wire.readAnswer(in, secret);
                answers.add(o == null ? READY : o);
            }
        } catch (IOException e) {
            answers.add(e);
        }
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (tail) {
                    tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > 16_384) {
                        tail.delete(0, tail.length() - 8_192);
                    }
                }
                if (printed.addAndGet(n) > limits.outputBytes()) {
                    tooLoud.set(true);
                    kill();
                    return;
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The grader's view of one call.
     *
     * @param kind RETURNED with a value, THREW with the exception's message, or STOPPED: the call broke
     *     a rule, timed out, printed too much or its JVM died, and the message says which
     * @param message what happened, for the student
     * @param value what it returned
     */
    record Reply(Kind kind, String message, Value value) {
        enum Kind {
            RETURNED,
            THREW,
            STOPPED
        }
    }
}
