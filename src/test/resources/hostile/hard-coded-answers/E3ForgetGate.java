package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: the published fixed case's answer, hard-coded and returned for every input. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return Nd4j.create(new double[][] {
            {0.8436260552850092, 0.6021760264327488, 0.06255692288884261, 0.2627213708790398},
            {0.6799238333860808, 0.3602143537679902, 0.45258654908325835, 0.2501541499500311}});
    }
}
