package org.lstmlab.exercises;

import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A mistake for the feedback tests: the norms in reverse order. */
public final class E2GradientNorms {
    private E2GradientNorms() {}

    /**
     * The gradient norms through time of one sequence.
     *
     * @param p  W_h {@code [H, H+X]} and b_h {@code [H]}
     * @param xs x_1 … x_T of one example, {@code [1, T, X]}
     * @param h0 h_0, {@code [1, H]}
     * @return {@code norms[t] = ‖∂h_T/∂h_t‖} for t = 0 … T−1 ({@code [T]}); {@code norms[0]} reaches back furthest
     */
    public static double[] gradientNorms(RnnParams p, INDArray xs, INDArray h0) {
        int steps = (int) xs.size(1);
        int hidden = p.hiddenSize();
        INDArray[] hs = new INDArray[steps + 1];
        hs[0] = h0;                                                                    // [1, H]
        for (int t = 1; t <= steps; t++) {
            INDArray x = xs.get(NDArrayIndex.all(), NDArrayIndex.point(t - 1), NDArrayIndex.all()); // x_t, [1, X]
            INDArray hx = Nd4j.concat(1, hs[t - 1], x);                                // [1, H+X]
            hs[t] = Transforms.tanh(hx.mmul(p.wH().transpose()).addRowVector(p.bH())); // h_t, [1, H]
        }
        INDArray wHh = p.recurrentBlock();                                             // W_hh, [H, H]
        double[] norms = new double[steps];
        INDArray jacobian = Nd4j.eye(hidden).castTo(wHh.dataType());                   // ∂h_T/∂h_T = I, [H, H]
        for (int t = steps; t >= 1; t--) {
            INDArray slope = hs[t].mul(hs[t]).rsubi(1).reshape(hidden);                // 1 − h_t², [H]
            INDArray step = wHh.mulColumnVector(slope.reshape(hidden, 1));             // diag(1 − h_t²)·W_hh, [H, H]
            jacobian = jacobian.mmul(step);                                            // ∂h_T/∂h_{t-1}, [H, H]
            norms[steps - t] = jacobian.norm2Number().doubleValue();                   // reversed
        }
        return norms;
    }
}
