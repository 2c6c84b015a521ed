package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one step backward gives {@link ThroughTime}'s loop: the cells' step-gradient records. A file of its own, not
 * a member of ThroughTime, so the records the grading child loads do not bring the loop (and {@link Ops}) with them.
 *
 * @param <P> the cell's parameter record
 */
interface StepGrads<P> {
    /** ∂L/∂θ of this step. */
    P params();

    /** ∂L/∂x_t, {@code [B, X]}. */
    INDArray dx();

    /** ∂L/∂h_{t-1}, {@code [B, H]}. */
    INDArray dhPrev();
}
