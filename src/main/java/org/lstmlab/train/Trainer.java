package org.lstmlab.train;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.lstmlab.data.Batch;
import org.lstmlab.data.BatchSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop for sequence regression: take a batch, compute the loss and the gradients
 * (BPTT), clip their global norm, let the optimiser update the parameters; record the loss, report
 * progress, and stop with a {@link TrainingDivergedException} as soon as the loss is NaN or infinite.
 * A run is repeatable: the same model initialisation, data and config give the same loss curve.
 *
 * <pre>{@code
 * var model = new SequenceRegressor(new LstmCell(LstmParams.init(2, 16, 42)), 1, 42);
 * History h = Trainer.fit(model, AddingProblem.modern(20), TrainConfig.defaults().withSteps(1000));
 * }</pre>
 */
public final class Trainer {
    private Trainer() {}

    /** Trains on fixed arrays, {@code xs [N, T, X]} and {@code ys [N, Y]} or {@code [N, T, Y]}, shuffled every epoch. */
    public static History fit(SequenceRegressor model, INDArray xs, INDArray ys, TrainConfig config) {
        requireConfig(config);
        model.requireData("x", "y", xs, ys, config.loss());
        return fit(model, new TrainingSet(xs, ys), config);
    }

    /** Trains on the batches a source gives, printing progress to standard output. */
    public static History fit(SequenceRegressor model, BatchSource source, TrainConfig config) {
        return fit(model, source, config, System.out);
    }

    /**
     * Trains on the batches a source gives.
     *
     * @param model  updated in place
     * @param source a fixed {@link TrainingSet} or a generator; a generator's batches are converted to the model's data type
     * @param config how long, how and what to report
     * @param out    where progress goes
     * @return the loss per step, the validation loss, the time taken
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IllegalArgumentException  when the data does not fit the model or the config cannot apply
     */
    public static History fit(SequenceRegressor model, BatchSource source, TrainConfig config, PrintStream out) {
        requireConfig(config);
        if (model == null) throw new IllegalArgumentException("model must be a SequenceRegressor but is null");
        if (source == null) throw new IllegalArgumentException("source must give batches but is null");
        int steps = totalSteps(source, config);
        Batch validation = config.validation();
        if (validation != null) {
            model.requireData("validation x", "validation y", validation.xs(), validation.ys(), config.loss());
        }
        int validateEvery = config.validateEvery() > 0 ? config.validateEvery() : Math.max(1, steps / 10);

        Optimizer optimizer = config.optimizer().create(config.learningRate());
        SplittableRandom random = new SplittableRandom(config.seed());
        Progress progress = new Progress(config.progress(), steps, out);
        Map<String, INDArray> parameters = model.parameters();
        double[] losses = new double[steps];
        double[] norms = new double[steps];
        double[] validationSteps = new double[steps / validateEvery + 2];
        double[] validationLosses = new double[validationSteps.length];
        int validations = 0;
        long start = System.nanoTime();

        for (int step = 1; step <= steps; step++) {
            Batch batch = source.next(step, config.batchSize(), random);
            if (!(source instanceof TrainingSet)) batch = asType(batch, model);
            var lg = model.lossAndGradients(batch.xs(), batch.ys(), config.loss());
            if (!Double.isFinite(lg.loss())) {
                History sofar = history(losses, norms, step - 1, validationSteps, validationLosses, validations, start);
                TrainingDivergedException diverged = diverged(step, lg.loss(), losses, config, sofar);
                progress.finish(diverged.getMessage());
                throw diverged;
            }
            losses[step - 1] = lg.loss();
            norms[step - 1] = config.clips()
                    ? GradientClipping.clipByGlobalNorm(lg.gradients(), config.clipNorm())
                    : GradientClipping.globalNorm(lg.gradients());
            optimizer.step(parameters, lg.gradients());
            if (validation != null && (step % validateEvery == 0 || step == steps)) {
                validationSteps[validations] = step;
                validationLosses[validations++] = model.loss(validation.xs(), validation.ys(), config.loss());
            }
            progress.update(step, losses, (System.nanoTime() - start) / 1e9);
        }
        History h = history(losses, norms, steps, validationSteps, validationLosses, validations, start);
        progress.finish(String.format(
                "done: %d steps in %.1f s (%.1f steps/s), final loss %.4g%s",
                h.steps(),
                h.seconds(),
                h.stepsPerSecond(),
                h.finalLoss(),
                validation == null ? "" : String.format(", validation loss %.4g", h.finalValidationLoss())));
        return h;
    }

    /** The number of optimiser steps: {@code steps}, or {@code epochs · ⌈N / B⌉} for a fixed set. */
    static int totalSteps(BatchSource source, TrainConfig config) {
        if (config.steps() > 0) return config.steps();
        if (source.size().isEmpty()) {
            throw new IllegalArgumentException(
                    "epochs need a fixed training set of N sequences, but this source generates "
                            + "fresh batches: give steps instead (withSteps)");
        }
        int n = source.size().getAsInt();
        long total = (long) config.epochs() * ((n + config.batchSize() - 1) / config.batchSize());
        if (total > Integer.MAX_VALUE)
            throw new IllegalArgumentException(config.epochs() + " epochs are too many steps: " + total);
        return (int) total;
    }

    private static void requireConfig(TrainConfig config) {
        if (config == null)
            throw new IllegalArgumentException(
                    "config must be a TrainConfig (start from TrainConfig.defaults()) but is null");
    }

    private static Batch asType(Batch batch, SequenceRegressor model) {
        if (batch.xs().dataType() == model.dataType() && batch.ys().dataType() == model.dataType()) return batch;
        return new Batch(batch.xs().castTo(model.dataType()), batch.ys().castTo(model.dataType()));
    }

    private static TrainingDivergedException diverged(
            int step, double loss, double[] losses, TrainConfig config, History sofar) {
        String what = Double.isNaN(loss) ? "NaN" : "infinite";
        double last = step > 1 ? losses[step - 2] : Double.NaN;
        String before = step > 1 ? String.format("last finite loss %.2g", last) : "the very first step";
        String advice;
        if (step == 1) {
            advice = "check the inputs and targets for NaN or infinite values, and the initial weights";
        } else if (config.clips()) {
            advice = String.format(
                    "the updates were too large even with clipping at %.3g; lower the learning rate α = %.3g",
                    config.clipNorm(), config.learningRate());
        } else {
            advice = "the gradients exploded; clip the gradient norm (clipNorm, notebook 01)";
        }
        return new TrainingDivergedException(
                String.format("loss became %s at step %d (%s): %s", what, step, before, advice), step, last, sofar);
    }

    private static History history(
            double[] losses,
            double[] norms,
            int steps,
            double[] validationSteps,
            double[] validationLosses,
            int validations,
            long start) {
        return new History(
                Arrays.copyOf(losses, steps),
                Arrays.copyOf(norms, steps),
                Arrays.copyOf(validationSteps, validations),
                Arrays.copyOf(validationLosses, validations),
                (System.nanoTime() - start) / 1e9);
    }
}
