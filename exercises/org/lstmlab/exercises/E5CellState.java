package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E5 — the cell-state update and its cell path (8 points). Notebook: {@code 04-cell-state}.
 *
 * <p>Implement {@link #cellState}: {@code C_t = f_t * C_{t-1} + i_t * C̃_t}, where {@code *} is
 * element-wise. The forget gate keeps part of the old memory, the input gate writes part of the
 * candidate. Then implement {@link #cellPath}: the norms of notebook 04's cell path
 * {@code F_{T,t} = Π_{s=t+1..T} diag(f_s)} for every lag. Do not modify the arguments.
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
        // TODO E5: C_t = f_t * C_{t-1} + i_t * C̃_t
        throw new UnsupportedOperationException("E5 (cell-state update) is not implemented yet: E5CellState.cellState must compute C_t = f_t * C_{t-1} + i_t * C̃_t. Notebook 04-cell-state explains it. / E5 (cập nhật cell state) chưa làm: E5CellState.cellState phải tính C_t = f_t * C_{t-1} + i_t * C̃_t. Notebook 04-cell-state giải thích phần này.");
    }

    /**
     * The cell path's spectral norms ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ of one example, lag by lag. A
     * product of diagonal matrices is diagonal, and the spectral norm of a diagonal matrix is its largest
     * |entry|: entry k is the largest, over the units, of the product of that unit's last k forget gates.
     *
     * @param f f_1 … f_T of one example, one row per step, {@code [T, H]}, values in (0, 1)
     * @return {@code [T+1]}: entry k is ‖F_{T,T−k}‖₂, so entry 0 is 1 (no step) and entry T multiplies all T steps
     */
    public static double[] cellPath(INDArray f) {
        // TODO E5: ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ for every lag T − t
        //        ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ với mọi độ trễ T − t
        throw new UnsupportedOperationException("E5 (cell-state update) is not implemented yet: E5CellState.cellPath must compute ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ for every lag T − t. Notebook 04-cell-state explains it. / E5 (cập nhật cell state) chưa làm: E5CellState.cellPath phải tính ‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ với mọi độ trễ T − t. Notebook 04-cell-state giải thích phần này.");
    }
}
