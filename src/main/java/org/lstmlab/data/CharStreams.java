package org.lstmlab.data;

/**
 * A text cut for truncated backpropagation through time: B streams, each a contiguous stretch of the text
 * (stream b starts at b·L, L = ⌊(N−1)/B⌋), read T characters at a time. Chunk k of stream b continues
 * exactly where chunk k−1 of the same stream stopped, so the state h_T, C_T left by one chunk is the right
 * h_0, C_0 for the next (Williams &amp; Peng 1990; Karpathy's char-rnn).
 *
 * <pre>{@code
 * CharStreams streams = new CharStreams(corpus.trainIds(), 32, 64);   // B = 32 streams, T = 64
 * CharStreams.Chunk chunk = streams.chunk(0);   // inputs and targets, [B, T] each, row-major
 * }</pre>
 */
public final class CharStreams {
    private final int[] ids;
    private final int batch;
    private final int steps;
    private final int length;

    /**
     * @param ids   the text as character ids, {@code [N]}
     * @param batch B, the number of streams
     * @param steps T, the characters per chunk
     */
    public CharStreams(int[] ids, int batch, int steps) {
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException("B and T must be at least 1 but are B = " + batch + ", T = " + steps);
        }
        if (ids == null || (ids.length - 1) / batch < steps) {
            throw new IllegalArgumentException("B = " + batch + " streams of at least T = " + steps + " characters "
                    + "and their next characters need at least " + (batch * steps + 1) + " characters but the text has "
                    + (ids == null ? 0 : ids.length));
        }
        this.ids = ids;
        this.batch = batch;
        this.steps = steps;
        this.length = (ids.length - 1) / batch;
    }

    /** B. */
    public int batch() {
        return batch;
    }

    /** T. */
    public int steps() {
        return steps;
    }

    /** How many whole chunks each stream holds: ⌊L/T⌋. */
    public int chunks() {
        return length / steps;
    }

    /**
     * Chunk k: the inputs x_1 … x_T and the targets, each the character after its input.
     *
     * @param k 0 … {@link #chunks()} − 1
     */
    public Chunk chunk(int k) {
        if (k < 0 || k >= chunks()) {
            throw new IllegalArgumentException("chunk k is in 0 … " + (chunks() - 1) + " but is " + k);
        }
        int[] inputs = new int[batch * steps];
        int[] targets = new int[batch * steps];
        for (int b = 0; b < batch; b++) {
            int from = b * length + k * steps;
            System.arraycopy(ids, from, inputs, b * steps, steps);
            System.arraycopy(ids, from + 1, targets, b * steps, steps);
        }
        return new Chunk(inputs, targets, batch, steps);
    }

    /**
     * One chunk of every stream, row-major: entry {@code b·T + t} is stream b at step t.
     *
     * @param inputs  the character ids read, {@code [B, T]}
     * @param targets the ids to predict, the next character of each input, {@code [B, T]}
     */
    public record Chunk(int[] inputs, int[] targets, int batch, int steps) {}
}
