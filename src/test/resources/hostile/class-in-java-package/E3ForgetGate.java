package java.util;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: the exercise declared in package java.util. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return hPrev;
    }
}
