package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: throws an exception whose getMessage() and toString() themselves throw. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        throw new Sly();
    }

    static final class Sly extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no text for you");
        }
    }
}
