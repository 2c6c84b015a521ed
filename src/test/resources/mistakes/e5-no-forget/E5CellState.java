package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A mistake for the feedback tests: the forget gate left out. */
public final class E5CellState {
    private E5CellState() {}

    /**
     * The new cell state for a batch.
     *
     * @param f      f_t, {@code [B, H]}
     * @param i      i_t, {@code [B, H]}
     * @param cTilde C̃_t, {@code [B, H]}
     * @param cPrev  C_{t-1}, {@code [B, H]}
     * @return C_t, {@code [B, H]}
     */
    public static INDArray cellState(INDArray f, INDArray i, INDArray cTilde, INDArray cPrev) {
        return cPrev.add(i.mul(cTilde));                                 // C_t = f_t * C_{t-1} + i_t * C̃_t, [B, H]
    }
}
