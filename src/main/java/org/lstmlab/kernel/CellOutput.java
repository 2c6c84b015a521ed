package org.lstmlab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Collects what cells print to {@code System.out} and {@code System.err} and hands it on in chunks:
 * when a chunk is full, on a timer, and whenever {@link #flush()} is called (cell end, before each
 * display). Sending one Jupyter message per {@code println} overruns ZeroMQ's high-water mark and
 * silently drops output; chunks keep every line, in order.
 */
final class CellOutput {

    /** Which of the two streams a chunk belongs to. */
    enum Stream {
        OUT,
        ERR
    }

    /** Bytes after which a chunk is sent without waiting for the timer. */
    static final int CHUNK_BYTES = 64 * 1024;

    private final BiConsumer<Stream, String> sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Stream buffered = Stream.OUT;
    private ScheduledExecutorService timer;

    /** The stream cells see as {@code System.out}. */
    final PrintStream out;
    /** The stream cells see as {@code System.err}. */
    final PrintStream err;

    /**
     * @param sink receives each chunk of text with its stream, in the order it was written
     */
    CellOutput(BiConsumer<Stream, String> sink) {
        this.sink = sink;
        this.out = new PrintStream(new Channel(Stream.OUT), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Channel(Stream.ERR), true, StandardCharsets.UTF_8);
    }

    /** Starts sending buffered text every {@code periodMillis} as well. */
    synchronized void startTimer(long periodMillis) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cell-output-flush");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::flush, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends whatever is buffered (up to the last complete character). */
    synchronized void flush() {
        if (buffer.size() == 0) {
            return;
        }
        byte[] bytes = buffer.toByteArray();
        int complete = completeUtf8Length(bytes);
        buffer.reset();
        buffer.write(bytes, complete, bytes.length - complete);
        if (complete > 0) {
            sink.accept(buffered, new String(bytes, 0, complete, StandardCharsets.UTF_8));
        }
    }

    private synchronized void write(Stream stream, byte[] bytes, int offset, int length) {
        if (stream != buffered) {
            flush(); // keeps stdout and stderr in the order they were written
            if (buffer.size() > 0) { // an incomplete character of the other stream cannot be completed
                sink.accept(buffered, new String(buffer.toByteArray(), StandardCharsets.UTF_8));
                buffer.reset();
            }
            buffered = stream;
        }
        buffer.write(bytes, offset, length);
        if (buffer.size() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 character. */
    static int completeUtf8Length(byte[] bytes) {
        int end = bytes.length;
        int k = end - 1;
        int continuation = 0;
        while (k >= 0 && (bytes[k] & 0xC0) == 0x80 && continuation < 3) {
            k--;
            continuation++;
        }
        if (k < 0) {
            return end;
        }
        int lead = bytes[k] & 0xFF;
        int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return needed > continuation ? k : end;
    }

    private final class Channel extends OutputStream {
        private final Stream stream;

        Channel(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            CellOutput.this.write(stream, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            CellOutput.this.write(stream, bytes, offset, length);
        }

        @Override
        public void flush() {
            // PrintStream flushes on every println; sending then would be one message per line.
        }
    }
}
