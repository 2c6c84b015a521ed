package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: a busy loop that ignores interrupts. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        long n = 0;
        while (n >= 0) {
            n = (n + 1) % 1000;
            Thread.interrupted();
        }
        return null;
    }
}
