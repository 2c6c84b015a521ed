package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one RNN step computed, kept for the backward pass and for plotting.
 *
 * @param x     x_t, {@code [B, X]}
 * @param hPrev h_{t-1}, {@code [B, H]}
 * @param hx    [h_{t-1}, x_t], {@code [B, H+X]}
 * @param z     the pre-activation W_h·[h_{t-1}, x_t] + b_h, {@code [B, H]}
 * @param h     h_t = tanh(z), {@code [B, H]}
 */
public record RnnStep(INDArray x, INDArray hPrev, INDArray hx, INDArray z, INDArray h) {}
