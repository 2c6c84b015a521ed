package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from one RNN step backward.
 *
 * @param params ∂L/∂W_h and ∂L/∂b_h of this step
 * @param dx     ∂L/∂x_t, {@code [B, X]}
 * @param dhPrev ∂L/∂h_{t-1}, {@code [B, H]}
 */
public record RnnStepGrads(RnnParams params, INDArray dx, INDArray dhPrev) implements StepGrads<RnnParams> {}
