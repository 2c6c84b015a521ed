package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E5 — the cell-state update (8 points). Notebook: {@code 04-cell-state}.
 *
 * <p>Implement {@link #cellState}: {@code C_t = f_t * C_{t-1} + i_t * C̃_t}, where {@code *} is
 * element-wise. The forget gate keeps part of the old memory, the input gate writes part of the
 * candidate. Do not modify the arguments.
 */
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
        // BEGIN SOLUTION
        return f.mul(cPrev).addi(i.mul(cTilde)); // C_t = f_t * C_{t-1} + i_t * C̃_t, [B, H]
        // END SOLUTION
    }
}
