package org.lstmlab.nn;

/**
 * Which parts of the LSTM a {@link LstmCell} computes: the full cell, or the cell with one component removed
 * or coupled, as in the ablation study of Greff, Srivastava, Koutník, Steunebrink &amp; Schmidhuber (2017, "LSTM: A
 * Search Space Odyssey"), whose abbreviations the constants carry. A removed gate is held at 1 (so its weights
 * get zero gradients and stay as drawn); every other equation is the full cell's.
 *
 * <pre>{@code
 * var cell = new LstmCell(LstmParams.init(2, 16, 42), LstmVariant.NO_FORGET_GATE);   // the 1997 cell
 * }</pre>
 *
 * Greff et al.'s full cell also has peephole connections; the course's has none, so their NP variant has no
 * counterpart here.
 */
public enum LstmVariant {
    /** Every gate and the output tanh: the course's cell, f_t, i_t, C̃_t, C_t, o_t, h_t as in notebook 06. */
    FULL("full", "—"),
    /**
     * No forget gate, f_t ≡ 1: C_t = C_{t-1} + i_t * C̃_t, the cell of Hochreiter &amp; Schmidhuber (1997), before
     * Gers, Schmidhuber &amp; Cummins (2000) added the forget gate. Greff et al.'s NFG.
     */
    NO_FORGET_GATE("NFG", "f_t ≡ 1"),
    /** No input gate, i_t ≡ 1: C_t = f_t * C_{t-1} + C̃_t. Greff et al.'s NIG. */
    NO_INPUT_GATE("NIG", "i_t ≡ 1"),
    /** No output gate, o_t ≡ 1: h_t = tanh(C_t). Greff et al.'s NOG. */
    NO_OUTPUT_GATE("NOG", "o_t ≡ 1"),
    /** No output activation: h_t = o_t * C_t, unbounded when C_t is. Greff et al.'s NOAF. */
    NO_OUTPUT_ACTIVATION("NOAF", "h_t = o_t * C_t"),
    /**
     * Coupled input and forget gates, i_t = 1 − f_t: what is written replaces what is forgotten, as in the GRU.
     * Greff et al.'s CIFG (they compute i_t and set f_t = 1 − i_t, the same cell with the roles of W_f and W_i
     * swapped). W_i and b_i are not used.
     */
    COUPLED_INPUT_FORGET("CIFG", "i_t = 1 − f_t");

    private final String abbreviation;
    private final String change;

    LstmVariant(String abbreviation, String change) {
        this.abbreviation = abbreviation;
        this.change = change;
    }

    /** Greff et al.'s abbreviation: NFG, NIG, NOG, NOAF, CIFG ("full" for the full cell). */
    public String abbreviation() {
        return abbreviation;
    }

    /** The one equation that differs from the full cell, in Unicode, e.g. {@code f_t ≡ 1}. */
    public String change() {
        return change;
    }

    /** Whether f_t = σ(W_f·[h_{t-1}, x_t] + b_f) is computed (it is also for the coupled cell). */
    public boolean hasForgetGate() {
        return this != NO_FORGET_GATE;
    }

    /** Whether i_t = σ(W_i·[h_{t-1}, x_t] + b_i) is computed from its own weights. */
    public boolean hasInputGate() {
        return this != NO_INPUT_GATE && this != COUPLED_INPUT_FORGET;
    }

    /** Whether o_t = σ(W_o·[h_{t-1}, x_t] + b_o) is computed. */
    public boolean hasOutputGate() {
        return this != NO_OUTPUT_GATE;
    }

    /** Whether h_t = o_t * tanh(C_t) squashes the cell state (otherwise h_t = o_t * C_t). */
    public boolean hasOutputActivation() {
        return this != NO_OUTPUT_ACTIVATION;
    }

    /** Whether i_t = 1 − f_t. */
    public boolean couplesInputAndForget() {
        return this == COUPLED_INPUT_FORGET;
    }

    @Override
    public String toString() {
        return this == FULL ? "full LSTM" : abbreviation + " (" + change + ")";
    }
}
