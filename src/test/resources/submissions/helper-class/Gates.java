package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A student's helper: σ(W · [h_{t-1}, x_t] + b) for any gate. */
final class Gates {
    private Gates() {}

    static INDArray sigmoidGate(INDArray hPrev, INDArray x, INDArray w, INDArray b) {
        return Transforms.sigmoid(Nd4j.concat(1, hPrev, x).mmul(w.transpose()).addRowVector(b));
    }
}
