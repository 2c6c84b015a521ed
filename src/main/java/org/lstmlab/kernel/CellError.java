package org.lstmlab.kernel;

import java.util.ArrayList;
import java.util.List;

/** A cell's failure as Jupyter shows it: error name, message and traceback lines. */
final class CellError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String name;
    final String value;
    final List<String> traceback;

    CellError(String name, String value, List<String> traceback) {
        super(name + ": " + value, null, false, false);
        this.name = name;
        this.value = value;
        this.traceback = List.copyOf(traceback);
    }

    static CellError interrupted() {
        String message = "the cell was interrupted; the kernel keeps its variables and runs the next cell";
        return new CellError("CellInterrupted", message, List.of("CellInterrupted: " + message));
    }

    /**
     * The error for an exception thrown by cell code, with its stack down to the cell.
     *
     * @param thrown what the cell threw
     * @param prefix put before the message (empty for cell code)
     */
    static CellError fromThrowable(Throwable thrown, String prefix) {
        List<String> traceback = new ArrayList<>();
        describe(thrown, traceback, "");
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        return new CellError(thrown.getClass().getName(), prefix + message, traceback);
    }

    private static void describe(Throwable thrown, List<String> traceback, String caption) {
        traceback.add(caption + thrown);
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String className = frame.getClassName();
            if (className.startsWith("jdk.internal.reflect.")
                    || className.startsWith("java.lang.reflect.")
                    || className.startsWith("org.lstmlab.kernel.")) {
                break; // the kernel's own frames below the cell
            }
            traceback.add("\tat " + frame);
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            describe(thrown.getCause(), traceback, "Caused by: ");
        }
    }
}
