package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: the expected method renamed (no forgetGate). */
public final class E3ForgetGate {
    public static INDArray forget(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wF.transpose()).addRowVector(bF));
    }
}
