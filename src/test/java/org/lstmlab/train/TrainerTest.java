package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.data.AddingBatch;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.data.Batch;
import org.lstmlab.data.BatchSource;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

@ExtendWith(OneNd4jThread.class)
class TrainerTest {
    private static SequenceRegressor lstm(int hidden, long seed) {
        return new SequenceRegressor(
                new LstmCell(LstmParams.init(2, hidden, Init.UNIFORM, 1.0, seed, DataType.DOUBLE)), 1, seed);
    }

    private static History fitQuietly(SequenceRegressor model, BatchSource source, TrainConfig config) {
        return Trainer.fit(model, source, config.quiet());
    }

    @Test
    void anLstmLearnsTheAddingProblemWithTwentyStepsToATenthOfTheConstantBaseline() {
        var problem = AddingProblem.modern(20);
        AddingBatch test = problem.sample(1000, 2026);
        double baseline = test.constantBaselineMse();
        var model = lstm(16, 1);
        // Adam at α = 0.05 with fresh batches of 32: the loss sits at the baseline for ~200 steps, then falls
        TrainConfig config = TrainConfig.defaults()
                .withSteps(350)
                .withBatchSize(32)
                .withLearningRate(0.05)
                .withSeed(42);
        History h = fitQuietly(model, problem, config);
        double mse = model.loss(test.xs(), test.ys(), LossMode.LAST_STEP);
        System.out.printf(
                "adding problem T = 20: held-out MSE %.4g, constant baseline %.4g (ratio %.3g), %s%n",
                mse, baseline, mse / baseline, h);
        assertTrue(
                mse < baseline / 10,
                "held-out MSE " + mse + " should be below a tenth of the constant baseline " + baseline + " after "
                        + h.steps() + " steps (" + h + ")");
    }

    @Test
    void theSameSeedGivesTheSameLossCurveTwice() {
        var problem = AddingProblem.modern(20);
        TrainConfig config = TrainConfig.defaults()
                .withSteps(25)
                .withBatchSize(16)
                .withLearningRate(0.03)
                .withSeed(3);
        History first = fitQuietly(lstm(8, 5), problem, config);
        History second = fitQuietly(lstm(8, 5), problem, config);
        assertArrayEquals(first.loss(), second.loss(), 0.0);
        assertArrayEquals(first.gradientNorm(), second.gradientNorm(), 0.0);
        History otherSeed = fitQuietly(lstm(8, 5), problem, config.withSeed(4));
        assertFalse(Arrays.equals(first.loss(), otherSeed.loss()), "another seed draws other batches");
    }

    @Test
    void anExplodingRunStopsWithAnErrorNamingTheStepAndSuggestingClipping() {
        var problem = AddingProblem.modern(10);
        var model = new SequenceRegressor(new RnnCell(RnnParams.init(2, 8, 1)), 1, 1);
        TrainConfig config = TrainConfig.defaults()
                .withSteps(200)
                .withBatchSize(8)
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(1e6)
                .withoutClipping();
        var e = assertThrows(TrainingDivergedException.class, () -> fitQuietly(model, problem, config));
        assertTrue(e.step() > 1 && e.step() < 200, "step " + e.step());
        assertTrue(
                e.getMessage()
                        .matches(
                                "loss became (NaN|infinite) at step " + e.step()
                                        + " \\(last finite loss .+\\): the gradients exploded; clip the gradient norm \\(clipNorm, notebook 01\\)"),
                e.getMessage());
        assertEquals(e.step() - 1, e.history().steps(), "the history keeps the finite steps");
        assertEquals(e.history().finalLoss(), e.lastFiniteLoss());
        assertTrue(Double.isFinite(e.lastFiniteLoss()));
    }

    @Test
    void aRunThatExplodesDespiteClippingSuggestsALowerLearningRate() {
        var model = new SequenceRegressor(new RnnCell(RnnParams.init(2, 8, 1)), 1, 1);
        TrainConfig config = TrainConfig.defaults()
                .withSteps(200)
                .withBatchSize(8)
                .withOptimizer(OptimizerKind.SGD)
                .withLearningRate(1e300)
                .withClipNorm(1e3);
        var e = assertThrows(
                TrainingDivergedException.class, () -> fitQuietly(model, AddingProblem.modern(10), config));
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void epochsCoverTheTrainingSetInBatchesAndValidationIsRecorded() {
        AddingBatch train = AddingProblem.modern(6).sample(10, 1);
        AddingBatch val = AddingProblem.modern(6).sample(5, 2);
        TrainConfig config = TrainConfig.defaults()
                .withEpochs(2)
                .withBatchSize(4)
                .withValidation(val.asBatch())
                .withValidateEvery(2);
        History h = Trainer.fit(lstm(4, 1), train.xs(), train.ys(), config.quiet());
        assertEquals(6, h.steps(), "2 epochs of ⌈10/4⌉ = 3 batches");
        assertArrayEquals(new double[] {2, 4, 6}, h.validationSteps());
        assertEquals(3, h.validationLoss().length);
        assertTrue(h.seconds() > 0 && h.stepsPerSecond() > 0);
    }

    @Test
    void gradientNormsAreRecordedBeforeClipping() {
        TrainConfig config =
                TrainConfig.defaults().withSteps(5).withBatchSize(8).withClipNorm(1e-6);
        History h = fitQuietly(lstm(4, 1), AddingProblem.modern(8), config);
        for (double n : h.gradientNorm()) assertTrue(n > 1e-6, "norm " + n);
    }

    @Test
    void epochsNeedAFixedTrainingSet() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> fitQuietly(
                        lstm(4, 1),
                        AddingProblem.modern(8),
                        TrainConfig.defaults().withEpochs(3)));
        assertTrue(e.getMessage().startsWith("epochs need a fixed training set"), e.getMessage());
    }

    @Test
    void dataThatDoesNotMatchTheLayerIsRejectedBeforeTraining() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Trainer.fit(
                        lstm(4, 1),
                        Nd4j.zeros(DataType.DOUBLE, 10, 5, 3),
                        Nd4j.zeros(DataType.DOUBLE, 10, 1),
                        TrainConfig.defaults().quiet()));
        assertEquals("x must be [B, T, X] = [10, 5, 2] but is [10, 5, 3]", e.getMessage());
        var v = assertThrows(
                IllegalArgumentException.class,
                () -> fitQuietly(
                        lstm(4, 1),
                        AddingProblem.modern(8),
                        TrainConfig.defaults()
                                .withValidation(new Batch(
                                        Nd4j.zeros(DataType.DOUBLE, 3, 8, 2), Nd4j.zeros(DataType.DOUBLE, 3, 2)))));
        assertEquals("validation y must be [B, Y] = [3, 1] but is [3, 2]", v.getMessage());
    }

    @Test
    void badConfigValuesNameWhatWasExpectedAndWhatCame() {
        var lr = assertThrows(
                IllegalArgumentException.class, () -> TrainConfig.defaults().withLearningRate(-0.01));
        assertEquals("learning rate α must be a positive finite number but is -0.01", lr.getMessage());
        var batch = assertThrows(
                IllegalArgumentException.class, () -> TrainConfig.defaults().withBatchSize(0));
        assertEquals("batch size B must be at least 1 but is 0", batch.getMessage());
        var steps = assertThrows(
                IllegalArgumentException.class, () -> TrainConfig.defaults().withSteps(-5));
        assertTrue(steps.getMessage().contains("steps = -5"), steps.getMessage());
        var clip = assertThrows(
                IllegalArgumentException.class, () -> TrainConfig.defaults().withClipNorm(-1));
        assertTrue(clip.getMessage().startsWith("clipNorm must be positive but is -1.0"), clip.getMessage());
    }

    @Test
    void progressIsPrintedAsLinesOutsideATerminal() {
        var bytes = new ByteArrayOutputStream();
        TrainConfig config =
                TrainConfig.defaults().withSteps(20).withBatchSize(4).withProgress(Progress.Mode.LINES);
        Trainer.fit(lstm(4, 1), AddingProblem.modern(6), config, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length, "one line every 10% and a summary: " + Arrays.toString(lines));
        assertTrue(lines[0].startsWith("step 2/20 (10%)  loss "), lines[0]);
        assertTrue(lines[10].startsWith("done: 20 steps in "), lines[10]);
    }
}
