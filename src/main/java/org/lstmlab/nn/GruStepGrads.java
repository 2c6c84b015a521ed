package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from one GRU step backward.
 *
 * @param params ∂L/∂W_z, ∂L/∂b_z, ∂L/∂W_r, ∂L/∂b_r, ∂L/∂W_n, ∂L/∂b_n, ∂L/∂b_hn of this step
 * @param dx     ∂L/∂x_t, {@code [B, X]}
 * @param dhPrev ∂L/∂h_{t-1}, {@code [B, H]}
 */
public record GruStepGrads(GruParams params, INDArray dx, INDArray dhPrev) implements StepGrads<GruParams> {}
