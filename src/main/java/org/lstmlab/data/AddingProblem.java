package org.lstmlab.data;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The adding problem: a sequence of pairs (value, marker); exactly two pairs are marked, and at the
 * end the network must output a function of their two values X1 and X2. Everything between the marks
 * and the end is noise, so the task measures how long a network can hold two numbers.
 *
 * <h2>{@link Variant#MODERN} — the variant of recent papers</h2>
 * Used with small changes by e.g. Le, Jaitly &amp; Hinton (2015) and Arjovsky, Shah &amp; Bengio (2016):
 * <ul>
 *   <li>every sequence has the same length T;</li>
 *   <li>values are uniform in [0, 1];</li>
 *   <li>markers are 1 at the two marked pairs and 0 everywhere else; the first mark is uniform over
 *       the first half, positions 0 … ⌊T/2⌋−1, the second uniform over the second half,
 *       ⌊T/2⌋ … T−1 (papers differ here; halves keep the distance from the first mark to the end at
 *       least T/2 as in the original);</li>
 *   <li>the target is {@code X1 + X2}, in [0, 2], with variance 2·(1/12) = 1/6.</li>
 * </ul>
 *
 * <h2>{@link Variant#ORIGINAL} — Hochreiter &amp; Schmidhuber (1997), §5.4, Experiment 4</h2>
 * <ul>
 *   <li>the length is an integer drawn uniformly from T … T + ⌊T/10⌋ for every sequence;</li>
 *   <li>values are uniform in [−1, 1];</li>
 *   <li>the first mark is one of the first ten pairs, positions 0 … 9, chosen uniformly; the second is
 *       one of the first ⌊T/2⌋−1 pairs that are still unmarked, chosen uniformly (so it lies in
 *       0 … ⌊T/2⌋−1, and it may come before the first);</li>
 *   <li>markers are 1.0 on the two marked pairs, −1.0 on the first and on the final pair when these
 *       are not marked, 0.0 elsewhere; when the first pair carries the first mark, its value X1 is set
 *       to 0 (when it carries the second mark its value is kept: the paper only mentions X1);</li>
 *   <li>the target is {@code 0.5 + (X1 + X2)/4}, the sum scaled into [0, 1]; the paper counts a
 *       sequence as processed correctly when the absolute error at its end is below 0.04.</li>
 * </ul>
 *
 * <h2>How this generator differs from the paper</h2>
 * A batch is one rectangular array {@code [B, L, 2]}, so all B sequences of one batch share one length
 * L, drawn per batch from T … T + ⌊T/10⌋; the paper draws a length per sequence (and trained online,
 * one sequence at a time). With B = 1, or over many batches during training, the lengths follow the
 * paper's distribution. The paper needs T ≥ 11 here so that the final pair (position L−1 ≥ 10) can
 * never be among the first ten, which the paper leaves implicit; it used T = 100, 500 and 1000.
 *
 * <pre>{@code
 * AddingBatch train = AddingProblem.modern(20).sample(1000, 42);  // xs [1000, 20, 2], ys [1000, 1]
 * double baseline = train.constantBaselineMse();                  // ≈ 1/6, from the data
 * }</pre>
 */
public final class AddingProblem implements BatchSource {
    /** Which rules to generate by. */
    public enum Variant {
        /** Fixed length T, values in [0, 1], one mark in each half, target X1 + X2. */
        MODERN,
        /** Hochreiter &amp; Schmidhuber 1997 §5.4: length T … T+T/10, values in [−1, 1], target 0.5 + (X1+X2)/4. */
        ORIGINAL
    }

    /** The smallest T the modern variant accepts: one position in each half. */
    public static final int MIN_MODERN_LENGTH = 2;
    /** The smallest T the original variant accepts: the final pair must lie beyond the first ten. */
    public static final int MIN_ORIGINAL_LENGTH = 11;

    private final Variant variant;
    private final int length;
    private final DataType dataType;

    private AddingProblem(Variant variant, int length, DataType dataType) {
        this.variant = variant;
        this.length = length;
        this.dataType = dataType;
    }

    /** The modern variant with sequences of length T, in float64. */
    public static AddingProblem modern(int length) {
        if (length < MIN_MODERN_LENGTH) {
            throw new IllegalArgumentException("the modern adding problem needs T ≥ " + MIN_MODERN_LENGTH
                    + " (one mark in each half) but T = " + length);
        }
        return new AddingProblem(Variant.MODERN, length, DataType.DOUBLE);
    }

    /** Hochreiter &amp; Schmidhuber's original with lengths T … T + ⌊T/10⌋, in float64. */
    public static AddingProblem original(int length) {
        if (length < MIN_ORIGINAL_LENGTH) {
            throw new IllegalArgumentException("the original adding problem needs T ≥ " + MIN_ORIGINAL_LENGTH
                    + " (the final pair must lie beyond the first ten, which may carry the first mark) but T = "
                    + length);
        }
        return new AddingProblem(Variant.ORIGINAL, length, DataType.DOUBLE);
    }

    /** The same problem generating arrays of another type (FLOAT for a float32 model). */
    public AddingProblem withDataType(DataType dataType) {
        if (dataType != DataType.DOUBLE && dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("data type must be DOUBLE or FLOAT but is " + dataType);
        }
        return new AddingProblem(variant, length, dataType);
    }

    public Variant variant() {
        return variant;
    }

    /** T: the length of every sequence (modern) or the shortest length (original). */
    public int length() {
        return length;
    }

    /** The longest sequence this problem generates: T, or T + ⌊T/10⌋ for the original. */
    public int maxLength() {
        return variant == Variant.MODERN ? length : length + length / 10;
    }

    /** The target for marked values X1 and X2: {@code X1 + X2}, or {@code 0.5 + (X1 + X2)/4} for the original. */
    public double target(double x1, double x2) {
        return variant == Variant.MODERN ? x1 + x2 : 0.5 + (x1 + x2) / 4.0;
    }

    /** B sequences drawn from {@code seed}; the same seed gives the same batch. */
    public AddingBatch sample(int batchSize, long seed) {
        return sample(batchSize, new SplittableRandom(seed));
    }

    /**
     * B sequences drawn from {@code random}.
     *
     * @return inputs {@code [B, L, 2]} with (value, marker) per step, targets {@code [B, 1]}, and where the marks are
     */
    public AddingBatch sample(int batchSize, SplittableRandom random) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size B must be at least 1 but is " + batchSize);
        int steps = variant == Variant.MODERN ? length : length + random.nextInt(length / 10 + 1); // L
        double[] x = new double[batchSize * steps * 2]; // [B, L, 2], row-major
        double[] y = new double[batchSize]; // [B, 1]
        int[] first = new int[batchSize];
        int[] second = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            int row = b * steps * 2;
            if (variant == Variant.MODERN) {
                for (int t = 0; t < steps; t++) x[row + 2 * t] = random.nextDouble(); // value ~ U[0, 1]
                first[b] = random.nextInt(steps / 2); // in the first half
                second[b] = steps / 2 + random.nextInt(steps - steps / 2); // in the second half
            } else {
                for (int t = 0; t < steps; t++) x[row + 2 * t] = 2 * random.nextDouble() - 1; // value ~ U[−1, 1]
                first[b] = random.nextInt(10); // one of the first ten
                int k = random.nextInt(length / 2 - 1); // k-th still unmarked pair
                second[b] = k < first[b] ? k : k + 1; // skip the first mark
                x[row + 1] = -1; // first pair
                x[row + 2 * (steps - 1) + 1] = -1; // final pair
                if (first[b] == 0) x[row] = 0; // X1 = 0 when the first pair is marked
            }
            x[row + 2 * first[b] + 1] = 1;
            x[row + 2 * second[b] + 1] = 1;
            y[b] = target(x[row + 2 * first[b]], x[row + 2 * second[b]]);
        }
        INDArray xs = Nd4j.create(x, new long[] {batchSize, steps, 2}, DataType.DOUBLE)
                .castTo(dataType);
        INDArray ys = Nd4j.create(y, new long[] {batchSize, 1}, DataType.DOUBLE).castTo(dataType);
        return new AddingBatch(xs, ys, first, second, variant);
    }

    /** A fresh batch every training step, drawn from the run's seeded random source. */
    @Override
    public Batch next(int step, int batchSize, SplittableRandom random) {
        return sample(batchSize, random).asBatch();
    }

    @Override
    public String toString() {
        return variant == Variant.MODERN
                ? "adding problem (modern, T = " + length + ")"
                : "adding problem (Hochreiter & Schmidhuber 1997, T = " + length + " … " + maxLength() + ")";
    }
}
