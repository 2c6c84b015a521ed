package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: throws an exception whose message is 100 million characters long. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        throw new IllegalStateException("x".repeat(100_000_000));
    }
}
