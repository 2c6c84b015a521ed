package org.lstmlab.data;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A continual stream of the adding problem: K sequences of the modern {@link AddingProblem} of length T, one
 * after the other, with no reset of the network's state between them — the setting in which Gers, Schmidhuber
 * &amp; Cummins (2000) showed that an LSTM without a forget gate fails (they used embedded Reber strings).
 *
 * <p>Every step has three inputs: the value, the marker (as in the adding problem) and a start flag, 1 at the
 * first step of each sequence and 0 elsewhere (Gers et al.'s strings start with a symbol of their own, B). The
 * target at every step is the sum of the marked values seen so far in the current sequence: 0 before its first
 * mark, X1 after it, X1 + X2 from the second mark to the sequence's end. So the network must add, and must
 * forget the previous sequence's sum when the next one starts.
 *
 * <pre>{@code
 * var stream = new ContinualAdding(10, 4);           // 4 sequences of T = 10: 40 steps
 * Batch b = stream.sample(32, 7);                    // xs [32, 40, 3], ys [32, 40, 1]
 * }</pre>
 *
 * @param length   T of each sequence, ≥ 2
 * @param segments K, the number of sequences in one stream, ≥ 1
 */
public record ContinualAdding(int length, int segments) implements BatchSource {
    /** The inputs per step: value, marker, start flag. */
    public static final int INPUTS = 3;

    public ContinualAdding {
        if (length < AddingProblem.MIN_MODERN_LENGTH)
            throw new IllegalArgumentException(
                    "T must be at least " + AddingProblem.MIN_MODERN_LENGTH + " but is " + length);
        if (segments < 1)
            throw new IllegalArgumentException("K (sequences per stream) must be at least 1 but is " + segments);
    }

    /** K·T, the stream's length in steps. */
    public int steps() {
        return length * segments;
    }

    /** Whether step t (0-based) is the first of a sequence, where the start flag is 1. */
    public boolean isStart(int t) {
        return t % length == 0;
    }

    /** Whether step t (0-based) is the last of a sequence, where the target is the whole sum X1 + X2. */
    public boolean isEnd(int t) {
        return t % length == length - 1;
    }

    /** B streams drawn from {@code seed}; the same seed gives the same streams. */
    public Batch sample(int batchSize, long seed) {
        return sample(batchSize, new SplittableRandom(seed));
    }

    /**
     * B streams drawn from {@code random}.
     *
     * @return inputs {@code [B, K·T, 3]} (value, marker, start flag) and targets {@code [B, K·T, 1]}
     */
    public Batch sample(int batchSize, SplittableRandom random) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size B must be at least 1 but is " + batchSize);
        AddingProblem problem = AddingProblem.modern(length);
        int steps = steps();
        double[] x = new double[batchSize * steps * INPUTS]; // [B, K·T, 3], row-major
        double[] y = new double[batchSize * steps]; // [B, K·T, 1]
        for (int k = 0; k < segments; k++) {
            AddingBatch part = problem.sample(batchSize, random);
            double[] px = part.xs().castTo(DataType.DOUBLE).dup('c').data().asDouble(); // [B, T, 2]
            for (int b = 0; b < batchSize; b++) {
                double sum = 0;
                for (int s = 0; s < length; s++) {
                    int t = k * length + s;
                    double value = px[(b * length + s) * 2];
                    double marker = px[(b * length + s) * 2 + 1];
                    sum += value * marker; // the marked values seen so far in this sequence
                    int at = (b * steps + t) * INPUTS;
                    x[at] = value;
                    x[at + 1] = marker;
                    x[at + 2] = s == 0 ? 1 : 0; // start flag
                    y[b * steps + t] = sum;
                }
            }
        }
        return new Batch(
                Nd4j.create(x, new long[] {batchSize, steps, INPUTS}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {batchSize, steps, 1}, DataType.DOUBLE));
    }

    /** Fresh streams every training step, drawn from the run's seeded random source. */
    @Override
    public Batch next(int step, int batchSize, SplittableRandom random) {
        return sample(batchSize, random);
    }

    @Override
    public String toString() {
        return "continual adding stream (" + segments + " sequences of T = " + length + ", no reset between them)";
    }
}
