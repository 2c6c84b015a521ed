package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one GRU step computed, kept for the backward pass. All gate arrays are {@code [B, H]}.
 *
 * @param x     x_t, {@code [B, X]}
 * @param hPrev h_{t-1}
 * @param hx    [h_{t-1}, x_t], {@code [B, H+X]}
 * @param z     update gate z_t = σ(W_z·[h_{t-1}, x_t] + b_z)
 * @param r     reset gate r_t = σ(W_r·[h_{t-1}, x_t] + b_r)
 * @param hn    W_hn·h_{t-1} + b_hn, what the reset gate scales
 * @param n     candidate n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn))
 * @param h     hidden state h_t = (1 − z_t) * n_t + z_t * h_{t-1}
 */
public record GruStep(
        INDArray x, INDArray hPrev, INDArray hx, INDArray z, INDArray r, INDArray hn, INDArray n, INDArray h) {}
