package org.lstmlab.kernel;

/**
 * Thrown when a cell reads {@code System.in} where nobody can type: the front end sent
 * {@code allow_stdin = false} (nbclient, nbconvert, {@code ./lab run-notebooks}) or no cell is running.
 */
public final class StdinUnavailable extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StdinUnavailable(String why) {
        super("standard input is not available: " + why);
    }
}
