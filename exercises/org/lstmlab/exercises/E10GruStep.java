package org.lstmlab.exercises;

import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E10 — the GRU step (10 points). Notebook: {@code 09-which-parts-matter}.
 *
 * <p>Implement {@link #gruStep} with ND4J, in the course's order and PyTorch's convention:
 * <pre>
 * z_t = σ(W_z · [h_{t-1}, x_t] + b_z)                          update gate
 * r_t = σ(W_r · [h_{t-1}, x_t] + b_r)                          reset gate
 * n_t = tanh(W_xn · x_t + b_n + r_t * (W_hn · h_{t-1} + b_hn))  candidate
 * h_t = (1 − z_t) * n_t + z_t * h_{t-1}                        interpolation
 * </pre>
 * {@code p.wHn()} and {@code p.wXn()} are the h and x blocks of W_n = [W_hn | W_xn]. Batches are rows:
 * W · [h, x] + b is {@code concat(h, x) · Wᵀ + b}. The reset gate multiplies W_hn · h_{t-1} + b_hn after the
 * product, not h_{t-1} before it.
 */
public final class E10GruStep {
    private E10GruStep() {}

    /**
     * One GRU step for a batch.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param p     W_z, W_r, W_n {@code [H, H+X]} and b_z, b_r, b_n, b_hn {@code [H]}
     * @return h_t, {@code [B, H]}
     */
    public static INDArray gruStep(INDArray x, INDArray hPrev, GruParams p) {
        // TODO E10: z_t, r_t, n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)) and h_t = (1 − z_t) * n_t + z_t * h_{t-1}
        //         z_t, r_t, n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)) và h_t = (1 − z_t) * n_t + z_t * h_{t-1}
        throw new UnsupportedOperationException("E10 (GRU step) is not implemented yet: E10GruStep.gruStep must compute z_t, r_t, n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)) and h_t = (1 − z_t) * n_t + z_t * h_{t-1}. Notebook 09-which-parts-matter explains it. / E10 (một bước GRU) chưa làm: E10GruStep.gruStep phải tính z_t, r_t, n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)) và h_t = (1 − z_t) * n_t + z_t * h_{t-1}. Notebook 09-which-parts-matter giải thích phần này.");
    }
}
