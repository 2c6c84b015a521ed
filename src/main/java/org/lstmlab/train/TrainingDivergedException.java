package org.lstmlab.train;

/**
 * Thrown when the training loss becomes NaN or infinite: the run stops at once instead of
 * training on garbage. It names the step and the last finite loss and carries the history so far.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final int step;
    private final double lastFiniteLoss;
    private final transient History history;

    TrainingDivergedException(String message, int step, double lastFiniteLoss, History history) {
        super(message);
        this.step = step;
        this.lastFiniteLoss = lastFiniteLoss;
        this.history = history;
    }

    /** The step (1-based) whose loss was not finite. */
    public int step() {
        return step;
    }

    /** The loss of the step before, NaN when the first step already failed. */
    public double lastFiniteLoss() {
        return lastFiniteLoss;
    }

    /** The finite part of the run, steps 1 … step−1, to plot how it blew up. */
    public History history() {
        return history;
    }
}
