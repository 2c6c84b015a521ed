package org.lstmlab.plot;

/**
 * The four LSTM gate activations a heatmap can show, with their symbol and the range of their
 * activation function: σ for f, i, o gives (0, 1), tanh for C̃ gives (−1, 1).
 */
public enum Gate {
    /** f_t = σ(W_f · [h_{t-1}, x_t] + b_f). */
    FORGET("f_t", "Forget gate", 0, 1, "σ"),
    /** i_t = σ(W_i · [h_{t-1}, x_t] + b_i). */
    INPUT("i_t", "Input gate", 0, 1, "σ"),
    /** C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C). */
    CANDIDATE("C̃_t", "Candidate", -1, 1, "tanh"),
    /** o_t = σ(W_o · [h_{t-1}, x_t] + b_o). */
    OUTPUT("o_t", "Output gate", 0, 1, "σ");

    private final String symbol;
    private final String title;
    private final double min;
    private final double max;
    private final String activation;

    Gate(String symbol, String title, double min, double max, String activation) {
        this.symbol = symbol;
        this.title = title;
        this.min = min;
        this.max = max;
        this.activation = activation;
    }

    /** The course symbol, e.g. {@code f_t}. */
    public String symbol() {
        return symbol;
    }

    /** The gate's name in words, e.g. {@code Forget gate}. */
    public String title() {
        return title;
    }

    /** Lower end of the activation's range (0 for σ, −1 for tanh). */
    public double min() {
        return min;
    }

    /** Upper end of the activation's range (1). */
    public double max() {
        return max;
    }

    /** The activation function's symbol, σ or tanh. */
    public String activation() {
        return activation;
    }
}
