package org.lstmlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What cells read as {@code System.in}: each line comes from the notebook's front end through
 * Jupyter's {@code input_request}, asked for when the cell reads past what it was given. Where the
 * front end accepts no input (headless runs send {@code allow_stdin = false}) or no cell is running,
 * reading fails at once with {@link StdinUnavailable} instead of waiting or reporting an empty stream.
 */
final class NotebookInput extends InputStream {

    /** Asks the front end for one line. */
    interface Frontend {
        /**
         * @return the line the user typed, with its line separator
         * @throws StdinUnavailable when the front end cannot give input
         * @throws IOException when the wait for the answer was interrupted
         */
        String readLine() throws IOException;
    }

    private final Frontend frontend;
    private byte[] line = new byte[0];
    private int next;

    NotebookInput(Frontend frontend) {
        this.frontend = frontend;
    }

    private boolean fill() throws IOException {
        if (next < line.length) {
            return true;
        }
        line = frontend.readLine().getBytes(StandardCharsets.UTF_8);
        next = 0;
        return line.length > 0;
    }

    @Override
    public synchronized int read() throws IOException {
        return fill() ? line[next++] & 0xFF : -1;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - next);
        System.arraycopy(line, next, bytes, offset, n);
        next += n;
        return n;
    }

    /** What is left of the current line: never asks the front end. */
    @Override
    public synchronized int available() {
        return line.length - next;
    }
}
