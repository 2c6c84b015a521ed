package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One chunk of a character model: its loss, the gradient, and the state it ends in.
 *
 * @param loss  the mean cross-entropy, −(1/BT) Σ log p(target), in nats per character
 * @param grads ∂loss/∂θ, in the parameters' layout
 * @param h     h_T, {@code [B, H]}: the next chunk's h_0
 * @param c     C_T, {@code [B, H]}: the next chunk's C_0
 */
public record CharModelStep(double loss, CharModelParams grads, INDArray h, INDArray c) {
    /** The loss in bits per character: nats ÷ ln 2. */
    public double bitsPerChar() {
        return loss / Math.log(2);
    }
}
