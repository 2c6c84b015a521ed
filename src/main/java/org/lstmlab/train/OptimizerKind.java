package org.lstmlab.train;

/** Which optimiser a training run builds, fresh for every run so no state leaks between runs. */
public enum OptimizerKind {
    /** {@link Sgd}. */
    SGD,
    /** {@link Adam} with the paper's β1, β2 and ε. */
    ADAM;

    /** A new optimiser of this kind with learning rate α. */
    public Optimizer create(double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case ADAM -> new Adam(learningRate);
        };
    }
}
