package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An honest submission whose exercise calls a helper class in a file of its own, same package. */
public final class E3ForgetGate {
    private E3ForgetGate() {}

    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return Gates.sigmoidGate(hPrev, x, wF, bF);
    }
}
