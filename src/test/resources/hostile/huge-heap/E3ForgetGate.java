package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: a huge heap allocation. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        double[][] hog = new double[64][];
        for (int k = 0; k < hog.length; k++) hog[k] = new double[64 << 20];
        return Nd4j.create(hog[0], new long[] {1, hog[0].length});
    }
}
