package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: throwing JUnit's TestAbortedException. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        throw new org.opentest4j.TestAbortedException("skip me, count me as passed");
    }
}
