package org.lstmlab.exercises;

import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E8 — one LSTM step backward (20 points). Notebook: {@code 06-full-lstm}.
 *
 * <p>Given ∂L/∂h_t ({@code dh}) and the ∂L/∂C_t that arrives from later steps ({@code dc}), return the
 * gradients of L with respect to every parameter and input of the step. Recompute the forward pass
 * first (f_t, i_t, C̃_t, C_t, o_t, h_t as in E7) — the library's LstmCell keeps them in a cache instead,
 * trading memory for computation (notebook 06, question 1) — then go back one equation at a time:
 * <pre>
 * ∂L/∂o_t   = ∂L/∂h_t * tanh(C_t)
 * ∂L/∂C_t   = ∂L/∂h_t * o_t * (1 − tanh²(C_t)) + dc        both paths into C_t
 * ∂L/∂f_t   = ∂L/∂C_t * C_{t-1}      ∂L/∂i_t = ∂L/∂C_t * C̃_t      ∂L/∂C̃_t = ∂L/∂C_t * i_t
 * ∂L/∂C_{t-1} = ∂L/∂C_t * f_t
 * z_g: through σ multiply by g(1 − g), through tanh by 1 − C̃_t²
 * ∂L/∂W_g   = ∂L/∂z_gᵀ · [h_{t-1}, x_t]      ∂L/∂b_g = Σ over the batch of ∂L/∂z_g
 * ∂L/∂[h_{t-1}, x_t] = Σ_g ∂L/∂z_g · W_g      split: first H columns → ∂L/∂h_{t-1}, the rest → ∂L/∂x_t
 * </pre>
 * It is graded against central differences in float64, so every entry counts.
 */
public final class E8LstmBackward {
    private E8LstmBackward() {}

    /**
     * One LSTM step backward for a batch.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param cPrev C_{t-1}, {@code [B, H]}
     * @param p     the step's parameters, W_g {@code [H, H+X]} and b_g {@code [H]}
     * @param dh    ∂L/∂h_t, {@code [B, H]}
     * @param dc    ∂L/∂C_t from later steps (not through h_t), {@code [B, H]}
     * @return ∂L/∂W_g and ∂L/∂b_g (as an {@code LstmParams}), ∂L/∂x_t {@code [B, X]}, ∂L/∂h_{t-1} and
     *         ∂L/∂C_{t-1} {@code [B, H]}
     */
    public static LstmStepGrads lstmStepBackward(
            INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, INDArray dh, INDArray dc) {
        // TODO E8: ∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} of one step
        //        ∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} của một bước
        throw new UnsupportedOperationException("E8 (LSTM step backward) is not implemented yet: E8LstmBackward.lstmStepBackward must compute ∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} of one step. Notebook 06-full-lstm explains it. / E8 (lượt lan truyền ngược của một bước LSTM) chưa làm: E8LstmBackward.lstmStepBackward phải tính ∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} của một bước. Notebook 06-full-lstm giải thích phần này.");
    }
}
