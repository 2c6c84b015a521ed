package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: right answers, each after a sleep just under the hostile suite's 4 s call limit. */
public final class E4InputGate {
    public static INDArray inputGate(INDArray hPrev, INDArray x, INDArray wI, INDArray bI) throws Exception {
        Thread.sleep(3000);
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(wI.transpose()).addRowVector(bI));
    }

    public static INDArray candidate(INDArray hPrev, INDArray x, INDArray wC, INDArray bC) throws Exception {
        Thread.sleep(3000);
        return Transforms.tanh(Nd4j.concat(1, hPrev, x).mmul(wC.transpose()).addRowVector(bC));
    }
}
