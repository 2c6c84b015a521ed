package org.lstmlab.train;

import org.lstmlab.data.Batch;

/**
 * How to train: how long, on what batches, with which optimiser, and what to report. Start from
 * {@link #defaults()} and change what you need; every {@code with…} returns a new config, and
 * {@link #toBuilder()} changes several values at once.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.defaults()
 *         .withSteps(Quick.pick(2000, 300))
 *         .withLearningRate(0.01)
 *         .withClipNorm(1.0);
 * }</pre>
 *
 * @param steps         optimiser steps to take; 0 when {@code epochs} sets the length
 * @param epochs        passes over a fixed {@link TrainingSet}; 0 when {@code steps} sets the length
 * @param batchSize     B, sequences per step
 * @param learningRate  α
 * @param optimizer     SGD or Adam, created fresh for each run
 * @param clipNorm      the global-norm clipping threshold (Pascanu et al. 2013); 0 turns clipping off
 * @param loss          MSE on the last step or on every step
 * @param seed          seeds the order of batches or the generated data; the same seed gives the same run
 * @param validation    held-out inputs and targets, or null
 * @param validateEvery compute the validation loss every this many steps (and at the last); 0 = ten times per run
 * @param progress      how progress is shown
 */
public record TrainConfig(
        int steps,
        int epochs,
        int batchSize,
        double learningRate,
        OptimizerKind optimizer,
        double clipNorm,
        LossMode loss,
        long seed,
        Batch validation,
        int validateEvery,
        Progress.Mode progress) {

    /** The value of {@code clipNorm} that turns clipping off. */
    public static final double NO_CLIPPING = 0;

    public TrainConfig {
        if (steps < 0 || epochs < 0 || (steps > 0) == (epochs > 0)) {
            throw new IllegalArgumentException(
                    "give either steps or epochs as a positive number (the other 0) but got steps = " + steps
                            + ", epochs = " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size B must be at least 1 but is " + batchSize);
        }
        Optimizer.requireLearningRate(learningRate);
        if (optimizer == null) throw new IllegalArgumentException("optimizer must be SGD or ADAM but is null");
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException(
                    "clipNorm must be a positive finite threshold, or 0 for no clipping, but is " + clipNorm);
        }
        if (loss == null) throw new IllegalArgumentException("loss must be LAST_STEP or EVERY_STEP but is null");
        if (validateEvery < 0)
            throw new IllegalArgumentException(
                    "validateEvery must be ≥ 0 (0 = ten times per run) but is " + validateEvery);
        if (progress == null)
            throw new IllegalArgumentException("progress must be AUTO, BAR, LINES or OFF but is null");
    }

    /**
     * 1000 steps of B = 32 with Adam at α = 0.01 (ten times the paper's default, which suits the
     * course's short runs), gradients clipped at global norm 1, loss on the last step, seed 42, no
     * validation, progress shown.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(
                1000, 0, 32, 0.01, OptimizerKind.ADAM, 1.0, LossMode.LAST_STEP, 42, null, 0, Progress.Mode.AUTO);
    }

    /** Whether gradients are clipped. */
    public boolean clips() {
        return clipNorm > 0;
    }

    public TrainConfig withSteps(int steps) {
        return toBuilder().steps(steps).epochs(0).build();
    }

    public TrainConfig withEpochs(int epochs) {
        return toBuilder().epochs(epochs).steps(0).build();
    }

    public TrainConfig withBatchSize(int batchSize) {
        return toBuilder().batchSize(batchSize).build();
    }

    public TrainConfig withLearningRate(double learningRate) {
        return toBuilder().learningRate(learningRate).build();
    }

    public TrainConfig withOptimizer(OptimizerKind optimizer) {
        return toBuilder().optimizer(optimizer).build();
    }

    /** Clips the global gradient norm at {@code clipNorm} (positive). */
    public TrainConfig withClipNorm(double clipNorm) {
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException(
                    "clipNorm must be positive but is " + clipNorm + " (use withoutClipping() to turn clipping off)");
        }
        return toBuilder().clipNorm(clipNorm).build();
    }

    public TrainConfig withoutClipping() {
        return toBuilder().clipNorm(NO_CLIPPING).build();
    }

    public TrainConfig withLoss(LossMode loss) {
        return toBuilder().loss(loss).build();
    }

    public TrainConfig withSeed(long seed) {
        return toBuilder().seed(seed).build();
    }

    /** Held-out data whose loss is recorded during the run. */
    public TrainConfig withValidation(Batch validation) {
        return toBuilder().validation(validation).build();
    }

    public TrainConfig withValidateEvery(int validateEvery) {
        return toBuilder().validateEvery(validateEvery).build();
    }

    public TrainConfig withProgress(Progress.Mode progress) {
        return toBuilder().progress(progress).build();
    }

    /** No progress output at all. */
    public TrainConfig quiet() {
        return withProgress(Progress.Mode.OFF);
    }

    /** A builder holding this config's values, to change several at once: {@code c.toBuilder().steps(500).seed(7).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Collects a config's values; {@link #build()} checks them together, as the constructor does. */
    public static final class Builder {
        private int steps;
        private int epochs;
        private int batchSize;
        private double learningRate;
        private OptimizerKind optimizer;
        private double clipNorm;
        private LossMode loss;
        private long seed;
        private Batch validation;
        private int validateEvery;
        private Progress.Mode progress;

        private Builder(TrainConfig c) {
            this.steps = c.steps;
            this.epochs = c.epochs;
            this.batchSize = c.batchSize;
            this.learningRate = c.learningRate;
            this.optimizer = c.optimizer;
            this.clipNorm = c.clipNorm;
            this.loss = c.loss;
            this.seed = c.seed;
            this.validation = c.validation;
            this.validateEvery = c.validateEvery;
            this.progress = c.progress;
        }

        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder optimizer(OptimizerKind optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder clipNorm(double clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        public Builder loss(LossMode loss) {
            this.loss = loss;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder validation(Batch validation) {
            this.validation = validation;
            return this;
        }

        public Builder validateEvery(int validateEvery) {
            this.validateEvery = validateEvery;
            return this;
        }

        public Builder progress(Progress.Mode progress) {
            this.progress = progress;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(
                    steps,
                    epochs,
                    batchSize,
                    learningRate,
                    optimizer,
                    clipNorm,
                    loss,
                    seed,
                    validation,
                    validateEvery,
                    progress);
        }
    }
}
