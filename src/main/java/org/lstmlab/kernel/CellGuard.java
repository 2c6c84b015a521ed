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

    private CellGuard() {}

    /** Asks running cell code to stop at its next method entry or loop iteration. */
    static void requestStop() {
        stopRequested = true;
    }

    /** Clears a stop request; called when a new cell starts. */
    static void clearStop() {
        stopRequested = false;
    }

    static boolean stopRequested() {
        return stopRequested;
    }

    /** The stop check: throws {@link CellInterrupted} once an interrupt was requested. */
    public static void check() {
        if (stopRequested) {
            throw new CellInterrupted();
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
