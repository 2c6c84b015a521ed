package org.lstmlab.exercises;

import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E7 — the full LSTM step, composed from E3–E6 (12 points). Notebook: {@code 06-full-lstm}.
 *
 * <p>Implement {@link #lstmStep} by calling your own gates, in the course's order:
 * <pre>
 * f_t  = σ(W_f · [h_{t-1}, x_t] + b_f)        E3ForgetGate.forgetGate
 * i_t  = σ(W_i · [h_{t-1}, x_t] + b_i)        E4InputGate.inputGate
 * C̃_t  = tanh(W_C · [h_{t-1}, x_t] + b_C)     E4InputGate.candidate
 * C_t  = f_t * C_{t-1} + i_t * C̃_t            E5CellState.cellState
 * o_t  = σ(W_o · [h_{t-1}, x_t] + b_o)        E6OutputGate.outputGate
 * h_t  = o_t * tanh(C_t)                       E6OutputGate.hiddenState
 * </pre>
 * E7 is graded with your E3–E6, so fix those first.
 */
public final class E7LstmStep {
    private E7LstmStep() {}

    /**
     * What one LSTM step hands to the next.
     *
     * @param h h_t, {@code [B, H]}
     * @param c C_t, {@code [B, H]}
     */
    public record State(INDArray h, INDArray c) {}

    /**
     * One LSTM step for a batch.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param cPrev C_{t-1}, {@code [B, H]}
     * @param p     W_f, W_i, W_C, W_o {@code [H, H+X]} and b_f, b_i, b_C, b_o {@code [H]}
     * @return h_t and C_t, each {@code [B, H]}
     */
    public static State lstmStep(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p) {
        // BEGIN SOLUTION
        INDArray f = E3ForgetGate.forgetGate(hPrev, x, p.wF(), p.bF()); // f_t
        INDArray i = E4InputGate.inputGate(hPrev, x, p.wI(), p.bI()); // i_t
        INDArray cTilde = E4InputGate.candidate(hPrev, x, p.wC(), p.bC()); // C̃_t
        INDArray c = E5CellState.cellState(f, i, cTilde, cPrev); // C_t = f_t * C_{t-1} + i_t * C̃_t
        INDArray o = E6OutputGate.outputGate(hPrev, x, p.wO(), p.bO()); // o_t
        INDArray h = E6OutputGate.hiddenState(o, c); // h_t = o_t * tanh(C_t)
        return new State(h, c);
        // END SOLUTION
    }
}
