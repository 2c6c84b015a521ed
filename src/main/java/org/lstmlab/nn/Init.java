package org.lstmlab.nn;

/** How the weights of a cell are drawn at initialisation. */
public enum Init {
    /** Uniform in ±1/√H, the default of PyTorch's {@code nn.RNN} and {@code nn.LSTM}. */
    UNIFORM,
    /**
     * Uniform in ±√(6 / (fan_in + fan_out)) per gate matrix (Glorot &amp; Bengio 2010), with
     * fan_in = H+X and fan_out = H; biases start at zero.
     */
    XAVIER
}
