package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from backpropagation through time over an RNN sequence.
 *
 * @param params ∂L/∂W_h and ∂L/∂b_h summed over all steps
 * @param dxs    ∂L/∂x_t for every t, {@code [B, T, X]}
 * @param dh0    ∂L/∂h_0, {@code [B, H]}
 */
public record RnnGrads(RnnParams params, INDArray dxs, INDArray dh0) {}
