package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lstmlab.grade.sandbox.child.Value;

/**
 * The child JVM of one submission, kept alive across calls and exercises. It is started at once, so
 * it loads ND4J while the submission compiles. When it dies, times out, prints too much or breaks a
 * rule, the call that did it fails with the reason, later calls of that exercise fail with the same
 * reason without running, and the next call of another exercise starts a new child. An exercise whose
 * calls use up their time together is stopped the same way.
 *
 * <p>Not thread-safe: one submission's tests run one after another.
 */
public final class Sandbox implements AutoCloseable {
    private final ChildPool pool;
    private final Limits limits;
    private final Map<String, String> stopped = new HashMap<>();
    private final Map<String, Long> used = new HashMap<>();
    private ChildProcess child;
    private int started;

    /** Takes its first child from the pool at once; every child's folder is removed when it is done. */
    public Sandbox(ChildPool pool) throws IOException {
        this.pool = pool;
        this.limits = pool.limits();
        this.child = startChild();
    }

    /**
     * Calls a student's static method in the child.
     *
     * @param exercise the exercise the call belongs to, e.g. {@code E3}
     * @param classes the submission's compiled classes
     * @param className e.g. {@code org.lstmlab.exercises.E3ForgetGate}
     */
    public Result call(String exercise, Path classes, String className, String method, List<Value> args) {
        String earlier = stopped.get(exercise);
        if (earlier != null) {
            return new Result(Result.Kind.STOPPED, earlier, null);
        }
        if (child == null || !child.alive()) {
            if (child != null) {
                remove(child.dir());
            }
            try {
                child = startChild();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a grading JVM", e);
            }
        }
        ChildProcess.Reply r = child.awaitReady(); // its start is not the exercise's time
        long t0 = System.nanoTime();
        if (r == null) {
            r = child.call(classes, className, method, args);
        }
        long total = used.merge(exercise, (System.nanoTime() - t0) / 1_000_000, Long::sum);
        Result.Kind kind = Result.Kind.valueOf(r.kind().name());
        if (kind == Result.Kind.STOPPED) {
            stopped.put(exercise, r.message());
        } else if (total > limits.exerciseMillis()) {
            stopped.put(exercise, Bundle.say("sandbox.exerciseTime", limits.exerciseMillis() / 1000));
        }
        return new Result(kind, r.message(), r.value());
    }

    /** How many child JVMs this sandbox has started. */
    public int childrenStarted() {
        return started;
    }

    private ChildProcess startChild() throws IOException {
        started++;
        return pool.take();
    }

    @Override
    public void close() {
        if (child != null) {
            child.kill();
            remove(child.dir());
        }
    }

    /** Copies the tree at {@code from} to {@code to}, which must not exist yet. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Removes a folder a child wrote, whatever it left there. */
    static void remove(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the grader's own folder goes on close
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    /**
     * What came of one call.
     *
     * @param kind RETURNED with a value; THREW with the exception's class, message and line; STOPPED
     *     when the call broke a rule, timed out, printed too much, its JVM died, or the exercise had
     *     been stopped before
     * @param message what happened, for the student
     * @param value the returned value, as numbers
     */
    public record Result(Kind kind, String message, Value value) {
        public enum Kind {
            RETURNED,
            THREW,
            STOPPED
        }
    }
}
