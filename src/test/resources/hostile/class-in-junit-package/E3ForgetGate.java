package org.junit.jupiter.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: the exercise declared in JUnit's package, with a fake Assertions class. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return hPrev;
    }
}

final class Assertions {
    static void assertEquals(Object a, Object b) {
        // every assertion passes
    }
}
