package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Child JVMs started ahead of need, so a submission's child has loaded ND4J by the time its tests
 * run and a replacement is ready when one dies. Each child serves one submission and ends with it;
 * a spare never runs anything until it is taken.
 */
public final class ChildPool implements AutoCloseable {
    private volatile ChildRuntime runtime;
    private final Limits limits;
    private final Path dir;
    private int spares;
    private final Deque<ChildProcess> ready = new ArrayDeque<>();
    /** Starts every child, whichever thread asks: a spare outlives the batch worker or notebook cell that asked. */
    private final ProcessStarter starter = new ProcessStarter("child-starter");

    private int started;
    private boolean closed;

    /**
     * @param dir where the children's folders go
     * @param spares how many children to start now and keep started ahead, ≥ 0
     */
    public ChildPool(ChildRuntime runtime, Limits limits, Path dir, int spares) throws IOException {
        this.runtime = runtime;
        this.limits = limits;
        this.dir = Files.createDirectories(dir);
        this.spares = spares;
        topUp();
    }

    public Limits limits() {
        return limits;
    }

    /** Keeps this many children started ahead from now on (a batch wants one; a single submission none). */
    public synchronized void keepSpares(int spares) throws IOException {
        this.spares = spares;
        topUp();
    }

    /** Starts later children with this runtime, e.g. once its class-data archive is written. */
    public void useRuntime(ChildRuntime runtime) {
        this.runtime = runtime;
    }

    /** A started child for one submission (perhaps still loading ND4J); another spare starts in its place. */
    synchronized ChildProcess take() throws IOException {
        if (closed) {
            throw new IllegalStateException("the grader is closed");
        }
        ChildProcess c = ready.pollFirst();
        while (c != null && !c.alive()) { // a spare that died idle is of no use
            Sandbox.remove(c.dir());
            c = ready.pollFirst();
        }
        if (c == null) {
            c = start();
        }
        topUp();
        return c;
    }

    private void topUp() throws IOException {
        while (ready.size() < spares) {
            ready.addLast(start());
        }
    }

    private ChildProcess start() throws IOException {
        Path folder = dir.resolve("child-" + ++started);
        return starter.start(() -> ChildProcess.start(runtime, limits, folder));
    }

    /** How many children this pool has started. */
    public synchronized int started() {
        return started;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (ChildProcess c : ready) {
            c.kill();
            Sandbox.remove(c.dir());
        }
        ready.clear();
        starter.close();
    }
}
