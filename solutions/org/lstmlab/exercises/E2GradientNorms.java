package org.lstmlab.exercises;

import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E2 — how far a gradient travels back in time (12 points). Notebook: {@code 01-rnn-vanishing-gradients}.
 *
 * <p>Run the RNN {@code h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)} over one sequence and return, for every
 * earlier state h_t, the Frobenius norm of the Jacobian {@code ‖∂h_T/∂h_t‖}. One step back multiplies by
 * {@code ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh}, where {@code W_hh = W_h[:, :H]} is the block acting on h
 * ({@code p.recurrentBlock()}), so {@code ∂h_T/∂h_t = ∂h_T/∂h_{t+1} · diag(1 − h_{t+1}²) · W_hh}
 * starting from {@code ∂h_T/∂h_T = I}. Use ND4J; {@code INDArray.norm2Number()} of a matrix is its
 * Frobenius norm.
 */
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
        // BEGIN SOLUTION
        int steps = (int) xs.size(1);
        int hidden = p.hiddenSize();
        INDArray[] hs = new INDArray[steps + 1];
        hs[0] = h0; // [1, H]
        for (int t = 1; t <= steps; t++) {
            INDArray x = xs.get(NDArrayIndex.all(), NDArrayIndex.point(t - 1), NDArrayIndex.all()); // x_t, [1, X]
            INDArray hx = Nd4j.concat(1, hs[t - 1], x); // [1, H+X]
            hs[t] = Transforms.tanh(hx.mmul(p.wH().transpose()).addRowVector(p.bH())); // h_t, [1, H]
        }
        INDArray wHh = p.recurrentBlock(); // W_hh, [H, H]
        double[] norms = new double[steps];
        INDArray jacobian = Nd4j.eye(hidden).castTo(wHh.dataType()); // ∂h_T/∂h_T = I, [H, H]
        for (int t = steps; t >= 1; t--) {
            INDArray slope = hs[t].mul(hs[t]).rsubi(1).reshape(hidden); // 1 − h_t², [H]
            INDArray step = wHh.mulColumnVector(slope.reshape(hidden, 1)); // diag(1 − h_t²)·W_hh, [H, H]
            jacobian = jacobian.mmul(step); // ∂h_T/∂h_{t-1}, [H, H]
            norms[t - 1] = jacobian.norm2Number().doubleValue(); // ‖∂h_T/∂h_{t-1}‖
        }
        return norms;
        // END SOLUTION
    }
}
