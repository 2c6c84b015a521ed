package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A mistake for the feedback tests: [x_t, h_{t-1}] instead of [h_{t-1}, x_t]. */
public final class E3ForgetGate {
    private E3ForgetGate() {}

    /**
     * The forget gate for a batch.
     *
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param x     x_t, {@code [B, X]}
     * @param wF    W_f, {@code [H, H+X]}
     * @param bF    b_f, {@code [H]}
     * @return f_t, {@code [B, H]}
     */
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        INDArray hx = Nd4j.concat(1, x, hPrev);                                  // [h_{t-1}, x_t], [B, H+X]
        return Transforms.sigmoid(hx.mmul(wF.transpose()).addRowVector(bF));    // f_t = σ(W_f·[h_{t-1}, x_t] + b_f), [B, H]
    }
}
