package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: swallowing assertion errors around a wrong answer. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        try {
            throw new AssertionError("expected f_t");
        } catch (Throwable swallowed) {
            return hPrev.dup();
        }
    }
}
