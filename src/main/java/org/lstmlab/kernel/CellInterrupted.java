package org.lstmlab.kernel;

/**
 * Thrown inside cell code when the notebook asks the kernel to interrupt. An {@link Error}, so the
 * usual {@code catch (Exception e)} in a cell does not swallow it.
 */
public final class CellInterrupted extends Error {
    private static final long serialVersionUID = 1L;

    CellInterrupted() {
        super("the cell was interrupted; the kernel keeps its variables and runs the next cell");
    }
}
