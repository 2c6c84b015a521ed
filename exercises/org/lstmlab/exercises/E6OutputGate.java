package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E6 — the output gate and the hidden state (10 points). Notebook: {@code 05-output-gate}.
 *
 * <p>Implement {@link #outputGate}: {@code o_t = σ(W_o · [h_{t-1}, x_t] + b_o)} (h first in the
 * concatenation; batched {@code o_t = σ([h_{t-1}, x_t] · W_oᵀ + b_o)}) and {@link #hiddenState}:
 * {@code h_t = o_t * tanh(C_t)}, element-wise. Do not modify the arguments.
 */
public final class E6OutputGate {
    private E6OutputGate() {}

    /**
     * The output gate for a batch.
     *
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param x     x_t, {@code [B, X]}
     * @param wO    W_o, {@code [H, H+X]}
     * @param bO    b_o, {@code [H]}
     * @return o_t, {@code [B, H]}
     */
    public static INDArray outputGate(INDArray hPrev, INDArray x, INDArray wO, INDArray bO) {
        // TODO E6: o_t = σ(W_o · [h_{t-1}, x_t] + b_o)
        throw new UnsupportedOperationException("E6 (output gate and hidden state) is not implemented yet: E6OutputGate.outputGate must compute o_t = σ(W_o · [h_{t-1}, x_t] + b_o). Notebook 05-output-gate explains it. / E6 (cổng ra và trạng thái ẩn) chưa làm: E6OutputGate.outputGate phải tính o_t = σ(W_o · [h_{t-1}, x_t] + b_o). Notebook 05-output-gate giải thích phần này.");
    }

    /**
     * The hidden state for a batch.
     *
     * @param o o_t, {@code [B, H]}
     * @param c C_t, {@code [B, H]}
     * @return h_t, {@code [B, H]}
     */
    public static INDArray hiddenState(INDArray o, INDArray c) {
        // TODO E6: h_t = o_t * tanh(C_t)
        throw new UnsupportedOperationException("E6 (output gate and hidden state) is not implemented yet: E6OutputGate.hiddenState must compute h_t = o_t * tanh(C_t). Notebook 05-output-gate explains it. / E6 (cổng ra và trạng thái ẩn) chưa làm: E6OutputGate.hiddenState phải tính h_t = o_t * tanh(C_t). Notebook 05-output-gate giải thích phần này.");
    }
}
