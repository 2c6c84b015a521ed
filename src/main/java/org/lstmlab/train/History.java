package org.lstmlab.train;

import java.util.Arrays;

/**
 * What a training run recorded, as plain arrays a chart can take directly.
 *
 * @param loss            the training loss at steps 1 … S
 * @param gradientNorm    the global gradient norm at steps 1 … S, before clipping
 * @param validationSteps the steps at which the validation loss was computed (empty without validation data)
 * @param validationLoss  the validation loss at those steps
 * @param seconds         wall-clock time of the run
 */
public record History(
        double[] loss, double[] gradientNorm, double[] validationSteps, double[] validationLoss, double seconds) {

    /** S, the number of steps taken. */
    public int steps() {
        return loss.length;
    }

    /** 1, 2, … S: the x values for {@link #loss()}. */
    public double[] stepNumbers() {
        double[] x = new double[loss.length];
        for (int k = 0; k < x.length; k++) x[k] = k + 1;
        return x;
    }

    /** Steps per second over the whole run. */
    public double stepsPerSecond() {
        return seconds > 0 ? loss.length / seconds : Double.NaN;
    }

    /** The training loss at the last step. */
    public double finalLoss() {
        return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
    }

    /** The last validation loss, NaN without validation data. */
    public double finalValidationLoss() {
        return validationLoss.length == 0 ? Double.NaN : validationLoss[validationLoss.length - 1];
    }

    /**
     * The mean of the training loss over windows of {@code window} steps, a steadier curve than the
     * per-step loss of small batches.
     *
     * @return one value per step: the mean of the last up to {@code window} losses
     */
    public double[] smoothedLoss(int window) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1 step but is " + window);
        double[] out = new double[loss.length];
        double sum = 0;
        for (int k = 0; k < loss.length; k++) {
            sum += loss[k];
            if (k >= window) sum -= loss[k - window];
            out[k] = sum / Math.min(k + 1, window);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(
                "History[%d steps in %.1f s (%.1f steps/s), final loss %.4g%s]",
                steps(),
                seconds,
                stepsPerSecond(),
                finalLoss(),
                validationLoss.length == 0 ? "" : String.format(", validation loss %.4g", finalValidationLoss()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h
                && Arrays.equals(loss, h.loss)
                && Arrays.equals(gradientNorm, h.gradientNorm)
                && Arrays.equals(validationSteps, h.validationSteps)
                && Arrays.equals(validationLoss, h.validationLoss)
                && seconds == h.seconds;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(loss);
    }
}
