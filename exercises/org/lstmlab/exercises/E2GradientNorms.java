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
        // TODO E2: ‖∂h_T/∂h_t‖ for every t, with ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh
        //        ‖∂h_T/∂h_t‖ với mọi t, trong đó ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh
        throw new UnsupportedOperationException("E2 (gradient norms through time) is not implemented yet: E2GradientNorms.gradientNorms must compute ‖∂h_T/∂h_t‖ for every t, with ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh. Notebook 01-rnn-vanishing-gradients explains it. / E2 (chuẩn của gradient theo thời gian) chưa làm: E2GradientNorms.gradientNorms phải tính ‖∂h_T/∂h_t‖ với mọi t, trong đó ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh. Notebook 01-rnn-vanishing-gradients giải thích phần này.");
    }
}
