package org.lstmlab.kernel;

/**
 * What instrumented notebook code calls back into: the stop check placed at every method entry and
 * backward branch, and the stand-ins for {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt}, so an interrupt stops a loop and an exit call fails the cell instead of
 * ending the kernel.
 *
 * <p>Public because classes compiled from notebook cells call it; not meant for notebook code.
 */
public final class CellGuard {

    private static volatile boolean stopRequested;
    /** The one thread a stop request is for, or null for every thread that runs instrumented code. */
    private static volatile Thread stopping;

    private CellGuard() {}

    /**
     * Asks running cell code to stop at its next method entry or loop iteration, on every thread: the cell's own and
     * those it started.
     */
    static void requestStop() {
        stopping = null;
        stopRequested = true;
    }

    /**
     * At shutdown: asks only the cell's thread to stop, or nothing when no cell runs (an earlier interrupt's request
     * is withdrawn), so the cleanup that shutdown hooks and their threads run (the check's grader closing its child
     * JVMs, in instrumented library code) runs to its end instead of dying with {@link CellInterrupted}.
     *
     * @param cell the thread running a cell, or null
     */
    static void requestStopOfCellOnly(Thread cell) {
        stopping = cell;
        stopRequested = cell != null;
    }

    /** Clears a stop request; called when a new cell starts. */
    static void clearStop() {
        stopRequested = false;
        stopping = null;
    }

    static boolean stopRequested() {
        return stopRequested;
    }

    /** The stop check: throws {@link CellInterrupted} once an interrupt was requested. */
    public static void check() {
        if (stopRequested) {
            Thread only = stopping;
            if (only == null || only == Thread.currentThread()) {
                throw new CellInterrupted();
            }
        }
    }

    /** Stands in for {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new ExitBlocked("System.exit(" + status + ")");
    }

    /** Stands in for {@code runtime.exit(status)} in cell code. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitBlocked("Runtime.exit(" + status + ")");
    }

    /** Stands in for {@code runtime.halt(status)} in cell code. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitBlocked("Runtime.halt(" + status + ")");
    }
}
