package org.lstmlab.grade.author;

import java.util.SplittableRandom;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.SeededUniform;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One test case's sizes and random inputs, all from one seed, so the case can be reproduced from the
 * seed its name prints. The fixed case ({@link #fixed()}) is the one a notebook may show; randomised
 * cases ({@link Draws}, {@link RandomisedCases}) never have its hidden size, so an answer shaped for
 * it fails them.
 *
 * <p>Draws are made in call order: the same calls on the same seed give the same arrays.
 */
public final class Draw {
    /** The seed of the fixed case. */
    public static final long FIXED_SEED = 7;

    private static final int FIXED_B = 2;
    private static final int FIXED_X = 3;
    private static final int FIXED_H = 4;

    private final long seed;
    private final int b;
    private final int x;
    private final int h;
    private final boolean fixed;
    private final SplittableRandom random;
    private final SeededUniform arrays;

    private Draw(long seed, int b, int x, int h, boolean fixed, SplittableRandom random, long arraySeed) {
        this.seed = seed;
        this.b = b;
        this.x = x;
        this.h = h;
        this.fixed = fixed;
        this.random = random;
        this.arrays = new SeededUniform(arraySeed, DataType.DOUBLE);
    }

    /** The fixed case: seed 7, B = 2, X = 3, H = 4. */
    public static Draw fixed() {
        return new Draw(FIXED_SEED, FIXED_B, FIXED_X, FIXED_H, true, new SplittableRandom(FIXED_SEED), FIXED_SEED);
    }

    /** A randomised case: B in 1 … 4, X in 1 … 5, H in 2 … 7 but never 4, and inputs, all from {@code seed}. */
    public static Draw randomised(long seed) {
        SplittableRandom r = new SplittableRandom(new SplittableRandom(seed).nextLong()); // near seeds, unrelated draws
        int b = 1 + r.nextInt(4);
        int x = 1 + r.nextInt(5);
        int h = 2 + r.nextInt(5);
        if (h == FIXED_H) {
            h = 7;
        }
        return new Draw(seed, b, x, h, false, r, r.nextLong());
    }

    public long seed() {
        return seed;
    }

    /** B, the batch size: rows of every input. */
    public int b() {
        return b;
    }

    /** X, the input size. */
    public int x() {
        return x;
    }

    /** H, the hidden size. */
    public int h() {
        return h;
    }

    /** Whether this is the fixed case. */
    public boolean isFixed() {
        return fixed;
    }

    /** A further size or count, uniform in {@code lo … hi} (both included), e.g. a sequence length T. */
    public int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    /** A number uniform in [lo, hi). */
    public double between(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** A float64 array of the given shape, each value uniform in [−limit, limit) (the library's {@link SeededUniform}). */
    public INDArray uniform(double limit, long... shape) {
        return arrays.next(limit, shape);
    }

    /** LSTM parameters for this case's H and X: every W_g {@code [H, H+X]} and b_g {@code [H]} uniform in (−1, 1). */
    public LstmParams lstmParams() {
        INDArray[] a = new INDArray[8];
        for (int g = 0; g < 4; g++) {
            a[2 * g] = uniform(1.0, h, h + x); // W_f, W_i, W_C, W_o
            a[2 * g + 1] = uniform(1.0, h); // b_f, b_i, b_C, b_o
        }
        return new LstmParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }

    /**
     * GRU parameters for this case's H and X: W_z, W_r, W_n {@code [H, H+X]} and b_z, b_r, b_n, b_hn {@code [H]},
     * uniform in (−1, 1), drawn in that order.
     */
    public GruParams gruParams() {
        INDArray wZ = uniform(1.0, h, h + x);
        INDArray bZ = uniform(1.0, h);
        INDArray wR = uniform(1.0, h, h + x);
        INDArray bR = uniform(1.0, h);
        INDArray wN = uniform(1.0, h, h + x);
        INDArray bN = uniform(1.0, h);
        return new GruParams(wZ, bZ, wR, bR, wN, bN, uniform(1.0, h));
    }

    /** RNN parameters for this case's H and X: W_h {@code [H, H+X]} in [−wLimit, wLimit), b_h {@code [H]} in [−bLimit, bLimit). */
    public RnnParams rnnParams(double wLimit, double bLimit) {
        return new RnnParams(uniform(wLimit, h, h + x), uniform(bLimit, h));
    }

    /** How the case reads in feedback: {@code fixed case (seed 7, B=2, X=3, H=4)} or {@code seed 812, B=3, X=2, H=5}. */
    @Override
    public String toString() {
        String sizes = "seed " + seed + ", B=" + b + ", X=" + x + ", H=" + h;
        return fixed ? Say.say("case.fixed", sizes) : sizes;
    }
}
