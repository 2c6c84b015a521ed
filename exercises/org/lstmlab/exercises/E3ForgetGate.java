package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E3 — the forget gate (8 points). Notebook: {@code 02-forget-gate}.
 *
 * <p>Implement {@link #forgetGate}: {@code f_t = σ(W_f · [h_{t-1}, x_t] + b_f)}. The concatenation puts h
 * first; rows are examples, so batched {@code f_t = σ([h_{t-1}, x_t] · W_fᵀ + b_f)}. Every value of f_t
 * lies in (0, 1): how much of each component of C_{t-1} to keep.
 */
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
        // TODO E3: f_t = σ(W_f · [h_{t-1}, x_t] + b_f)
        throw new UnsupportedOperationException("E3 (forget gate) is not implemented yet: E3ForgetGate.forgetGate must compute f_t = σ(W_f · [h_{t-1}, x_t] + b_f). Notebook 02-forget-gate explains it. / E3 (cổng quên) chưa làm: E3ForgetGate.forgetGate phải tính f_t = σ(W_f · [h_{t-1}, x_t] + b_f). Notebook 02-forget-gate giải thích phần này.");
    }
}
