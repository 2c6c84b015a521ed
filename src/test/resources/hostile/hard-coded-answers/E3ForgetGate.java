package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: the published fixed case's answer, hard-coded and returned for every input. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        return Nd4j.create(new double[][] {
            {0.9087129390547668, 0.5919295155947565, 0.9198381978716561, 0.6774805380718146},
            {0.3554482251768619, 0.7543008113235344, 0.3605336410283176, 0.1459178384609876}});
    }
}
