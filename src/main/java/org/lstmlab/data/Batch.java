package org.lstmlab.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inputs and targets for one step of training or for validation.
 *
 * @param xs x_1 … x_T, {@code [B, T, X]}
 * @param ys targets, {@code [B, Y]} (loss on the last step) or {@code [B, T, Y]} (loss on every step)
 */
public record Batch(INDArray xs, INDArray ys) {
    public Batch {
        if (xs == null || ys == null) {
            throw new IllegalArgumentException("a batch needs inputs x [B, T, X] and targets y but got x = "
                    + (xs == null ? "null" : java.util.Arrays.toString(xs.shape())) + ", y = "
                    + (ys == null ? "null" : java.util.Arrays.toString(ys.shape())));
        }
    }

    /** B. */
    public long size() {
        return xs.size(0);
    }
}
