package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from backpropagation through time over a GRU sequence.
 *
 * @param params ∂L/∂W and ∂L/∂b summed over all steps
 * @param dxs    ∂L/∂x_t for every t, {@code [B, T, X]}
 * @param dh0    ∂L/∂h_0, {@code [B, H]}
 */
public record GruGrads(GruParams params, INDArray dxs, INDArray dh0) {}
