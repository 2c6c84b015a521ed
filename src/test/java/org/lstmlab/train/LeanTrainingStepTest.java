package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.train.SequenceRegressorTest.random;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.data.Batch;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.nn.fused.FusedRnn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The lean training step — the readout, the loss and its gradient in {@link SequenceRegressor}, the
 * clipping in {@link GradientClipping} and {@link Adam}'s update as loops over plain arrays — held to the
 * ND4J calls it replaced (written out below as they stood, one call per equation) to 1e-12 in float64,
 * step by step and over a whole training run.
 */
@ExtendWith(OneNd4jThread.class)
class LeanTrainingStepTest {
    private static final double TOLERANCE = 1e-12;

    // the ND4J path as it was, the reference

    /** {@code SequenceRegressor.lossAndGradients} as one ND4J call per equation. */
    private static SequenceRegressor.LossAndGradients nd4jLossAndGradients(
            SequenceRegressor model, INDArray xs, INDArray ys, LossMode mode) {
        RecurrentLayer layer = model.layer();
        long batch = xs.size(0), steps = xs.size(1);
        RecurrentLayer.SequencePass pass = layer.run(xs);
        INDArray hs = pass.hs(); // [B, T, H]
        INDArray h = mode == LossMode.LAST_STEP
                ? hs.get(NDArrayIndex.all(), NDArrayIndex.point(steps - 1), NDArrayIndex.all())
                        .dup()
                : hs.dup('c').reshape(batch * steps, hs.size(2)); // [N, H]
        INDArray yHat = h.mmul(model.wY().transpose()).addiRowVector(model.bY()); // ŷ = h·W_yᵀ + b_y
        INDArray y = mode == LossMode.LAST_STEP ? ys : ys.reshape(batch * steps, model.outputSize());
        INDArray e = yHat.sub(y);
        double loss = e.mul(e).meanNumber().doubleValue();
        INDArray dYHat = e.mul(2.0 / e.length());
        INDArray dWy = dYHat.transpose().mmul(h);
        INDArray dbY = dYHat.sum(0);
        INDArray dh = dYHat.mmul(model.wY());
        INDArray dHs;
        if (mode == LossMode.LAST_STEP) {
            dHs = Nd4j.zeros(layer.dataType(), batch, steps, layer.hiddenSize());
            dHs.get(NDArrayIndex.all(), NDArrayIndex.point(steps - 1), NDArrayIndex.all())
                    .assign(dh);
        } else {
            dHs = dh.reshape(batch, steps, layer.hiddenSize());
        }
        Map<String, INDArray> grads = new LinkedHashMap<>(layer.parameterGradients(pass, dHs));
        grads.put("W_y", dWy);
        grads.put("b_y", dbY);
        return new SequenceRegressor.LossAndGradients(loss, grads);
    }

    /** {@code GradientClipping.clipByGlobalNorm} as an ND4J norm and an ND4J scaling per array. */
    private static double nd4jClip(Map<String, INDArray> gradients, double threshold) {
        double sumOfSquares = 0;
        for (INDArray g : gradients.values()) {
            double n = g.norm2Number().doubleValue();
            sumOfSquares += n * n;
        }
        double norm = Math.sqrt(sumOfSquares);
        if (Double.isFinite(norm) && norm > threshold) {
            for (INDArray g : gradients.values()) g.muli(threshold / norm);
        }
        return norm;
    }

    /** {@link Adam} as a dozen ND4J calls per parameter. */
    private static final class Nd4jAdam {
        private final double alpha;
        private final Map<String, INDArray> m = new HashMap<>();
        private final Map<String, INDArray> v = new HashMap<>();
        private int t;

        Nd4jAdam(double alpha) {
            this.alpha = alpha;
        }

        void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
            double beta1 = Adam.DEFAULT_BETA1, beta2 = Adam.DEFAULT_BETA2, epsilon = Adam.DEFAULT_EPSILON;
            t++;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (var e : parameters.entrySet()) {
                INDArray theta = e.getValue();
                INDArray g = gradients.get(e.getKey());
                INDArray mt = m.computeIfAbsent(e.getKey(), k -> Nd4j.zerosLike(theta));
                INDArray vt = v.computeIfAbsent(e.getKey(), k -> Nd4j.zerosLike(theta));
                mt.muli(beta1).addi(g.mul(1 - beta1));
                vt.muli(beta2).addi(g.mul(g).muli(1 - beta2));
                INDArray mHat = mt.div(correction1);
                INDArray vHat = vt.div(correction2);
                theta.subi(mHat.divi(Transforms.sqrt(vHat, false).addi(epsilon)).muli(alpha));
            }
        }
    }

    // helpers

    private static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), what + " shape");
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance, what + ": lean and ND4J paths differ by " + diff + " > " + tolerance);
    }

    private static void assertSameGradients(
            String what, SequenceRegressor.LossAndGradients expected, SequenceRegressor.LossAndGradients actual) {
        assertTrue(
                Math.abs(expected.loss() - actual.loss()) <= TOLERANCE,
                what + " loss " + expected.loss() + " vs " + actual.loss());
        assertEquals(
                List.copyOf(expected.gradients().keySet()),
                List.copyOf(actual.gradients().keySet()));
        for (String name : expected.gradients().keySet()) {
            assertClose(
                    what + " ∂L/∂" + name,
                    expected.gradients().get(name),
                    actual.gradients().get(name),
                    TOLERANCE);
        }
    }

    /** Every kind of layer the course trains, each with a fresh readout of Y outputs. */
    private static List<SequenceRegressor> models(int input, int hidden, int out) {
        return List.of(
                new SequenceRegressor(new RnnCell(RnnParams.init(input, hidden, 5)), out, 6),
                new SequenceRegressor(new FusedRnn(RnnParams.init(input, hidden, 5)), out, 6),
                new SequenceRegressor(
                        new LstmCell(LstmParams.init(input, hidden, Init.UNIFORM, 1.0, 5, DataType.DOUBLE)), out, 6),
                new SequenceRegressor(
                        new FusedLstm(FusedLstm.stacked(
                                LstmParams.init(input, hidden, Init.UNIFORM, 1.0, 5, DataType.DOUBLE))),
                        out,
                        6));
    }

    @Test
    void theLossAndEveryGradientMatchTheNd4jPathTo1e12InFloat64() {
        var r = new SplittableRandom(1);
        for (LossMode mode : LossMode.values()) {
            for (int out : new int[] {1, 3}) {
                INDArray xs = random(r, 5, 7, 2);
                INDArray ys = mode == LossMode.LAST_STEP ? random(r, 5, out) : random(r, 5, 7, out);
                for (SequenceRegressor model : models(2, 4, out)) {
                    String what = model.layer().getClass().getSimpleName() + " " + mode + " Y = " + out;
                    var expected = nd4jLossAndGradients(model, xs, ys, mode);
                    assertSameGradients(what, expected, model.lossAndGradients(xs, ys, mode));
                    // again on the same model: the kept arrays must not carry anything from the previous step
                    assertSameGradients(what + " (second step)", expected, model.lossAndGradients(xs, ys, mode));
                }
            }
        }
    }

    @Test
    void clippingMatchesTheNd4jNormAndScalingTo1e12() {
        var r = new SplittableRandom(2);
        for (double threshold : new double[] {0.5, 100}) {
            Map<String, INDArray> lean = new LinkedHashMap<>();
            INDArray stacked = random(r, 8, 5);
            INDArray untouched =
                    stacked.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()).dup();
            lean.put("W", stacked.get(NDArrayIndex.interval(4, 8), NDArrayIndex.all())); // a view, as stacked W_g are
            lean.put("b", random(r, 4));
            lean.put("column-major", random(r, 3, 2).dup('f'));
            Map<String, INDArray> nd4j = new LinkedHashMap<>();
            for (var e : lean.entrySet()) nd4j.put(e.getKey(), e.getValue().dup());
            double expected = nd4jClip(nd4j, threshold);
            double actual = GradientClipping.clipByGlobalNorm(lean, threshold);
            assertTrue(Math.abs(expected - actual) <= TOLERANCE, expected + " vs " + actual);
            for (String name : lean.keySet()) assertClose(name, nd4j.get(name), lean.get(name), TOLERANCE);
            INDArray outside = stacked.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all());
            assertClose("the rows of the stacked array outside W", untouched, outside, 0);
        }
    }

    @Test
    void adamMatchesTheNd4jUpdateOverTwentyStepsTo1e12() {
        var r = new SplittableRandom(3);
        INDArray stacked = random(r, 8, 5);
        Map<String, INDArray> lean = new LinkedHashMap<>();
        lean.put("W", stacked.get(NDArrayIndex.interval(4, 8), NDArrayIndex.all()));
        lean.put("b", random(r, 4));
        Map<String, INDArray> nd4j = new LinkedHashMap<>();
        for (var e : lean.entrySet()) nd4j.put(e.getKey(), e.getValue().dup());
        INDArray untouched =
                stacked.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()).dup();
        var adam = new Adam(0.05);
        var reference = new Nd4jAdam(0.05);
        for (int step = 0; step < 20; step++) {
            Map<String, INDArray> g =
                    Map.of("W", random(r, 4, 5), "b", random(r, 4).muli(1e-3));
            adam.step(lean, g);
            reference.step(nd4j, g);
        }
        for (String name : lean.keySet()) assertClose(name, nd4j.get(name), lean.get(name), TOLERANCE);
        INDArray outside = stacked.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all());
        assertClose("the rows of the stacked array outside W", untouched, outside, 0);
    }

    /**
     * Notebook 07's training, shortened: the same batches, clipping and Adam through {@link Trainer#fit} and
     * through the ND4J calls, step by step; every loss and every parameter at the end agree to 1e-12.
     */
    @Test
    void aTrainingRunGivesTheSameLossesAndParametersAsTheNd4jPath() {
        TrainConfig config = TrainConfig.defaults()
                .withSteps(30)
                .withBatchSize(8)
                .withLearningRate(0.05)
                .withClipNorm(1.0)
                .withSeed(42)
                .quiet();
        AddingProblem problem = AddingProblem.modern(12);
        for (int which : new int[] {1, 3}) { // FusedRnn, FusedLstm
            SequenceRegressor lean = models(2, 6, 1).get(which);
            SequenceRegressor nd4j = models(2, 6, 1).get(which);
            History history = Trainer.fit(lean, problem, config, new PrintStream(PrintStream.nullOutputStream()));
            var random = new SplittableRandom(config.seed());
            var adam = new Nd4jAdam(config.learningRate());
            String what = lean.layer().getClass().getSimpleName();
            for (int step = 1; step <= config.steps(); step++) {
                Batch batch = problem.next(step, config.batchSize(), random);
                var lg = nd4jLossAndGradients(nd4j, batch.xs(), batch.ys(), LossMode.LAST_STEP);
                double norm = nd4jClip(lg.gradients(), config.clipNorm());
                adam.step(nd4j.parameters(), lg.gradients());
                assertTrue(
                        Math.abs(lg.loss() - history.loss()[step - 1]) <= TOLERANCE,
                        what + " step " + step + ": loss " + lg.loss() + " vs " + history.loss()[step - 1]);
                assertTrue(Math.abs(norm - history.gradientNorm()[step - 1]) <= TOLERANCE, what + " norm " + step);
            }
            for (String name : lean.parameters().keySet()) {
                assertClose(
                        what + " " + name,
                        nd4j.parameters().get(name),
                        lean.parameters().get(name),
                        TOLERANCE);
            }
        }
    }
}
