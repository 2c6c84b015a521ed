package org.lstmlab.kernel;

/**
 * Thrown in place of {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} called from
 * a cell: ending the JVM would end the kernel and lose every variable of the notebook.
 */
public final class ExitBlocked extends Error {
    private static final long serialVersionUID = 1L;

    ExitBlocked(String call) {
        super(call + " was called in a cell; the kernel does not exit and keeps its variables"
                + " (use Kernel > Restart to start afresh)");
    }
}
