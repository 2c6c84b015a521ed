package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of the loss from one LSTM step backward.
 *
 * @param params ∂L/∂W_g and ∂L/∂b_g of this step, for g = f, i, C, o
 * @param dx     ∂L/∂x_t, {@code [B, X]}
 * @param dhPrev ∂L/∂h_{t-1}, {@code [B, H]}
 * @param dcPrev ∂L/∂C_{t-1}, {@code [B, H]}
 */
public record LstmStepGrads(LstmParams params, INDArray dx, INDArray dhPrev, INDArray dcPrev)
        implements StepGrads<LstmParams> {}
