package org.lstmlab.train;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.lstmlab.data.Batch;
import org.lstmlab.data.BatchSource;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fixed set of N training sequences, served in minibatches of B that cover every example once per
 * epoch in a new seeded order; the last batch of an epoch holds the N mod B that remain.
 */
public final class TrainingSet implements BatchSource {
    private final INDArray xs;
    private final INDArray ys;
    private int[] order;

    /**
     * @param xs x, {@code [N, T, X]}
     * @param ys targets, {@code [N, Y]} or {@code [N, T, Y]}
     */
    public TrainingSet(INDArray xs, INDArray ys) {
        Shapes.require("x", "[N, T, X]", xs, Shapes.ANY, Shapes.ANY, Shapes.ANY);
        if (ys == null || ys.rank() < 2 || ys.size(0) != xs.size(0)) {
            throw new IllegalArgumentException("y must hold one target row per sequence, [N, Y] or [N, T, Y] with N = "
                    + xs.size(0) + ", but is " + (ys == null ? "null" : java.util.Arrays.toString(ys.shape())));
        }
        this.xs = xs;
        this.ys = ys;
    }

    public INDArray xs() {
        return xs;
    }

    public INDArray ys() {
        return ys;
    }

    /** The number of batches of size B in one epoch, ⌈N / B⌉. */
    public int batchesPerEpoch(int batchSize) {
        return (int) ((xs.size(0) + batchSize - 1) / batchSize);
    }

    @Override
    public OptionalInt size() {
        return OptionalInt.of((int) xs.size(0));
    }

    @Override
    public Batch next(int step, int batchSize, SplittableRandom random) {
        int n = (int) xs.size(0);
        int perEpoch = batchesPerEpoch(batchSize);
        int k = (step - 1) % perEpoch;
        if (k == 0 || order == null) order = shuffled(n, random);
        int from = k * batchSize;
        int to = Math.min(n, from + batchSize);
        long[] rows = new long[to - from];
        for (int r = 0; r < rows.length; r++) rows[r] = order[from + r];
        return new Batch(rows(xs, rows), rows(ys, rows));
    }

    private static INDArray rows(INDArray a, long[] rows) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.indices(rows);
        for (int d = 1; d < index.length; d++) index[d] = NDArrayIndex.all();
        return a.get(index).dup('c');
    }

    /** A Fisher–Yates shuffle of 0 … n−1. */
    private static int[] shuffled(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) p[k] = k;
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = p[k];
            p[k] = p[j];
            p[j] = swap;
        }
        return p;
    }
}
