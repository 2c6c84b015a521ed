package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: a huge ND4J off-heap allocation (32 GB). */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        INDArray hog = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 65536, 65536);
        return hog.addi(1);
    }
}
