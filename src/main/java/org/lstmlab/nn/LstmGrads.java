package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from backpropagation through time over an LSTM sequence.
 *
 * @param params ∂L/∂W_g and ∂L/∂b_g summed over all steps
 * @param dxs    ∂L/∂x_t for every t, {@code [B, T, X]}
 * @param dh0    ∂L/∂h_0, {@code [B, H]}
 * @param dc0    ∂L/∂C_0, {@code [B, H]}
 */
public record LstmGrads(LstmParams params, INDArray dxs, INDArray dh0, INDArray dc0) {}
