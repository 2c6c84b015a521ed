package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: System.exit(0) in a static initialiser. */
public final class E3ForgetGate {
    static {
        System.exit(0);
    }

    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
