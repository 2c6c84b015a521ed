package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E4 — the input gate and the candidate (10 points). Notebook: {@code 03-input-gate-and-candidate}.
 *
 * <p>Implement {@link #inputGate}: {@code i_t = σ(W_i · [h_{t-1}, x_t] + b_i)}, values in (0, 1), and
 * {@link #candidate}: {@code C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C)}, values in (−1, 1). The concatenation
 * puts h first; rows are examples, so batched {@code z = [h_{t-1}, x_t] · Wᵀ + b}.
 */
public final class E4InputGate {
    private E4InputGate() {}

    /**
     * The input gate for a batch.
     *
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param x     x_t, {@code [B, X]}
     * @param wI    W_i, {@code [H, H+X]}
     * @param bI    b_i, {@code [H]}
     * @return i_t, {@code [B, H]}
     */
    public static INDArray inputGate(INDArray hPrev, INDArray x, INDArray wI, INDArray bI) {
        // TODO E4: i_t = σ(W_i · [h_{t-1}, x_t] + b_i)
        throw new UnsupportedOperationException("E4 (input gate and candidate) is not implemented yet: E4InputGate.inputGate must compute i_t = σ(W_i · [h_{t-1}, x_t] + b_i). Notebook 03-input-gate-and-candidate explains it. / E4 (cổng vào và giá trị ứng viên) chưa làm: E4InputGate.inputGate phải tính i_t = σ(W_i · [h_{t-1}, x_t] + b_i). Notebook 03-input-gate-and-candidate giải thích phần này.");
    }

    /**
     * The candidate values for a batch.
     *
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param x     x_t, {@code [B, X]}
     * @param wC    W_C, {@code [H, H+X]}
     * @param bC    b_C, {@code [H]}
     * @return C̃_t, {@code [B, H]}
     */
    public static INDArray candidate(INDArray hPrev, INDArray x, INDArray wC, INDArray bC) {
        // TODO E4: C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C)
        throw new UnsupportedOperationException("E4 (input gate and candidate) is not implemented yet: E4InputGate.candidate must compute C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C). Notebook 03-input-gate-and-candidate explains it. / E4 (cổng vào và giá trị ứng viên) chưa làm: E4InputGate.candidate phải tính C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C). Notebook 03-input-gate-and-candidate giải thích phần này.");
    }
}
