package org.lstmlab.nn;

/** The initial ranges of the gate weights and biases for each {@link Init}; the draw itself is {@link SeededUniform}. */
final class Initialiser {
    private Initialiser() {}

    /** The weight limit for an [H, H+X] gate matrix. */
    static double weightLimit(Init init, long hidden, long input) {
        return switch (init) {
            case UNIFORM -> 1 / Math.sqrt(hidden);
            case XAVIER -> Math.sqrt(6.0 / (hidden + input + hidden));
        };
    }

    /** The bias limit: PyTorch's rule for UNIFORM, zero for XAVIER. */
    static double biasLimit(Init init, long hidden) {
        return init == Init.UNIFORM ? 1 / Math.sqrt(hidden) : 0;
    }
}
