package org.lstmlab.plot;

/**
 * The losses one training run recorded, for {@link TrainingCurveChart}.
 *
 * @param name       the run's name in the legend, e.g. {@code "LSTM T=50"}
 * @param train      x = step, y = training loss
 * @param validation x = step, y = validation loss; {@code null} when not measured
 */
public record TrainingRun(String name, Curve train, Curve validation) {
    public TrainingRun {
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("a training run needs a name for the legend");
        if (train == null)
            throw new IllegalArgumentException("training run \"" + name + "\" needs its training losses");
    }

    /** A run with training losses only, at steps 1 … n. */
    public static TrainingRun of(String name, double[] trainLoss) {
        return of(name, steps(trainLoss), trainLoss, null, null);
    }

    /**
     * A run with training and validation losses, each at its own steps.
     *
     * @param steps           {@code [n]}
     * @param trainLoss       {@code [n]}
     * @param validationSteps {@code [m]}, or null
     * @param validationLoss  {@code [m]}, or null
     */
    public static TrainingRun of(
            String name, double[] steps, double[] trainLoss, double[] validationSteps, double[] validationLoss) {
        Curve validation =
                validationLoss == null ? null : new Curve(name + " validation", validationSteps, validationLoss);
        return new TrainingRun(name, new Curve(name + " train", steps, trainLoss), validation);
    }

    private static double[] steps(double[] loss) {
        double[] x = new double[loss == null ? 0 : loss.length];
        for (int k = 0; k < x.length; k++) x[k] = k + 1;
        return x;
    }
}
