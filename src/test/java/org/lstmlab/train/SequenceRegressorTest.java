package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.fused.FusedLstm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@ExtendWith(OneNd4jThread.class)
class SequenceRegressorTest {
    private static final double STEP = 1e-5;
    private static final double BOUND = 1e-7;

    /** Uniform in [-1, 1), DOUBLE, from {@code r}. */
    static INDArray random(SplittableRandom r, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        double[] v = new double[(int) n];
        for (int k = 0; k < v.length; k++) v[k] = 2 * r.nextDouble() - 1;
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    private static SequenceRegressor lstm(int x, int h, int y) {
        return new SequenceRegressor(new LstmCell(LstmParams.init(x, h, Init.UNIFORM, 0.5, 3, DataType.DOUBLE)), y, 4);
    }

    /**
     * Central differences in float64 for every element of every parameter, compared with the
     * analytic gradient by CS231n's relative error max|a − n| / max(1e-8, max|a| + max|n|).
     */
    private static void assertGradientsMatchCentralDifferences(
            SequenceRegressor model, INDArray xs, INDArray ys, LossMode mode) {
        Map<String, INDArray> analytic = model.lossAndGradients(xs, ys, mode).gradients();
        assertEquals(model.parameters().keySet(), analytic.keySet());
        for (var e : model.parameters().entrySet()) {
            INDArray theta = e.getValue();
            INDArray a = analytic.get(e.getKey());
            assertArrayEquals(theta.shape(), a.shape(), e.getKey());
            double maxDiff = 0, maxA = 0, maxN = 0;
            for (long k = 0; k < theta.length(); k++) {
                double saved = theta.getDouble(k);
                theta.putScalar(k, saved + STEP);
                double plus = model.loss(xs, ys, mode);
                theta.putScalar(k, saved - STEP);
                double minus = model.loss(xs, ys, mode);
                theta.putScalar(k, saved);
                double numeric = (plus - minus) / (2 * STEP);
                maxDiff = Math.max(maxDiff, Math.abs(a.getDouble(k) - numeric));
                maxA = Math.max(maxA, Math.abs(a.getDouble(k)));
                maxN = Math.max(maxN, Math.abs(numeric));
            }
            double relative = maxDiff / Math.max(1e-8, maxA + maxN);
            assertTrue(relative < BOUND, mode + " ∂L/∂" + e.getKey() + ": relative error " + relative);
            assertTrue(maxA > 0, "∂L/∂" + e.getKey() + " should not vanish in this small example");
        }
    }

    @Test
    void lstmGradientsOnTheLastStepMatchCentralDifferences() {
        var r = new SplittableRandom(11);
        assertGradientsMatchCentralDifferences(lstm(2, 3, 2), random(r, 2, 4, 2), random(r, 2, 2), LossMode.LAST_STEP);
    }

    @Test
    void lstmGradientsOnEveryStepMatchCentralDifferences() {
        var r = new SplittableRandom(12);
        assertGradientsMatchCentralDifferences(
                lstm(2, 3, 2), random(r, 3, 4, 2), random(r, 3, 4, 2), LossMode.EVERY_STEP);
    }

    @Test
    void rnnGradientsMatchCentralDifferencesInBothLossModes() {
        var r = new SplittableRandom(13);
        var model = new SequenceRegressor(new RnnCell(RnnParams.init(3, 4, 5)), 1, 6);
        INDArray xs = random(r, 2, 5, 3);
        assertGradientsMatchCentralDifferences(model, xs, random(r, 2, 1), LossMode.LAST_STEP);
        assertGradientsMatchCentralDifferences(model, xs, random(r, 2, 5, 1), LossMode.EVERY_STEP);
    }

    @Test
    void theLossIsTheMeanSquaredErrorOfThePredictions() {
        var r = new SplittableRandom(14);
        var model = lstm(2, 3, 2);
        INDArray xs = random(r, 3, 4, 2);
        INDArray ys = random(r, 3, 4, 2);
        double[] yHat = model.predict(xs, LossMode.EVERY_STEP).dup('c').data().asDouble();
        double[] y = ys.dup('c').data().asDouble();
        double sum = 0;
        for (int k = 0; k < y.length; k++) sum += (yHat[k] - y[k]) * (yHat[k] - y[k]);
        assertEquals(sum / y.length, model.loss(xs, ys, LossMode.EVERY_STEP), 1e-14);
        assertEquals(
                model.loss(xs, ys, LossMode.EVERY_STEP),
                model.lossAndGradients(xs, ys, LossMode.EVERY_STEP).loss(),
                1e-14);
    }

    @Test
    void aFusedLayerGivesTheReadableLossAndGradientsAndEveryPassIsReleasedOnce() {
        var r = new SplittableRandom(16);
        LstmParams p = LstmParams.init(2, 3, Init.UNIFORM, 0.5, 3, DataType.DOUBLE);
        int[] releases = new int[1];
        var fused = new SequenceRegressor(new CountingReleases(new FusedLstm(FusedLstm.stacked(p)), releases), 2, 4);
        var readable = new SequenceRegressor(new LstmCell(p), 2, 4);
        INDArray xs = random(r, 3, 4, 2);
        for (LossMode mode : LossMode.values()) {
            INDArray ys = mode == LossMode.LAST_STEP ? random(r, 3, 2) : random(r, 3, 4, 2);
            int before = releases[0];
            var expected = readable.lossAndGradients(xs, ys, mode);
            var actual = fused.lossAndGradients(xs, ys, mode);
            assertEquals(before + 1, releases[0], "lossAndGradients releases its pass, " + mode);
            assertEquals(expected.loss(), actual.loss(), 1e-14, mode.toString());
            for (var g : expected.gradients().entrySet()) {
                double diff = g.getValue()
                        .sub(actual.gradients().get(g.getKey()))
                        .amaxNumber()
                        .doubleValue();
                assertTrue(diff <= 1e-12, "∂L/∂" + g.getKey() + " differs by " + diff + ", " + mode);
            }
            double diff = readable.predict(xs, mode)
                    .sub(fused.predict(xs, mode))
                    .amaxNumber()
                    .doubleValue();
            assertTrue(diff <= 1e-12, "ŷ differs by " + diff + ", " + mode);
            assertEquals(expected.loss(), fused.loss(xs, ys, mode), 1e-14, mode.toString());
            assertEquals(before + 3, releases[0], "predict and loss release their passes too, " + mode);
        }
    }

    /** A layer that counts the passes its caller releases. */
    private record CountingReleases(RecurrentLayer layer, int[] releases) implements RecurrentLayer {
        private record Pass(RecurrentLayer.SequencePass inner, int[] releases) implements RecurrentLayer.SequencePass {
            @Override
            public INDArray hs() {
                return inner.hs();
            }

            @Override
            public void release() {
                releases[0]++;
                inner.release();
            }
        }

        @Override
        public int inputSize() {
            return layer.inputSize();
        }

        @Override
        public int hiddenSize() {
            return layer.hiddenSize();
        }

        @Override
        public DataType dataType() {
            return layer.dataType();
        }

        @Override
        public Map<String, INDArray> parameters() {
            return layer.parameters();
        }

        @Override
        public RecurrentLayer.SequencePass run(INDArray xs) {
            return new Pass(layer.run(xs), releases);
        }

        @Override
        public Map<String, INDArray> parameterGradients(RecurrentLayer.SequencePass pass, INDArray dHs) {
            return layer.parameterGradients(((Pass) pass).inner(), dHs);
        }
    }

    @Test
    void aHeldOutSetLargerThanOneEvaluationBatchIsScoredInPiecesWithTheSameMean() {
        var r = new SplittableRandom(15);
        var model = lstm(2, 3, 2);
        int n = (int) (2 * SequenceRegressor.EVALUATION_BATCH + 89); // three pieces, the last one short
        INDArray xs = random(r, n, 3, 2);
        for (LossMode mode : LossMode.values()) {
            INDArray ys = mode == LossMode.LAST_STEP ? random(r, n, 2) : random(r, n, 3, 2);
            INDArray e = model.predict(xs, mode).sub(ys); // every sequence in one pass
            double whole = e.mul(e).meanNumber().doubleValue();
            assertEquals(whole, model.loss(xs, ys, mode), 1e-12 * whole, mode.toString());
        }
    }

    @Test
    void theLastStepPredictionIsTheReadoutOfTheLastHiddenState() {
        var r = new SplittableRandom(15);
        var model = lstm(2, 3, 1);
        INDArray xs = random(r, 2, 6, 2);
        INDArray all = model.predict(xs, LossMode.EVERY_STEP); // [B, T, Y]
        INDArray last = model.predict(xs, LossMode.LAST_STEP); // [B, Y]
        assertArrayEquals(new long[] {2, 6, 1}, all.shape());
        assertArrayEquals(new long[] {2, 1}, last.shape());
        for (int b = 0; b < 2; b++) assertEquals(all.getDouble(b, 5, 0), last.getDouble(b, 0), 1e-14);
    }

    @Test
    void parametersAreTheLayersFollowedByTheReadout() {
        var model = lstm(2, 3, 1);
        assertEquals(
                List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "W_y", "b_y"),
                List.copyOf(model.parameters().keySet()));
        assertTrue(model.parameters().get("W_f") == model.layer().parameters().get("W_f"), "live arrays, not copies");
    }

    @Test
    void inputsThatDoNotMatchTheLayerAreRejectedWithBothShapes() {
        var model = lstm(2, 3, 1);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> model.lossAndGradients(
                        Nd4j.zeros(DataType.DOUBLE, 4, 5, 3), Nd4j.zeros(DataType.DOUBLE, 4, 1), LossMode.LAST_STEP));
        assertEquals("x must be [B, T, X] = [4, 5, 2] but is [4, 5, 3]", e.getMessage());
        var y = assertThrows(
                IllegalArgumentException.class,
                () -> model.lossAndGradients(
                        Nd4j.zeros(DataType.DOUBLE, 4, 5, 2), Nd4j.zeros(DataType.DOUBLE, 4, 1), LossMode.EVERY_STEP));
        assertEquals("y must be [B, T, Y] = [4, 5, 1] but is [4, 1]", y.getMessage());
        var type = assertThrows(
                IllegalArgumentException.class,
                () -> model.loss(
                        Nd4j.zeros(DataType.FLOAT, 4, 5, 2), Nd4j.zeros(DataType.DOUBLE, 4, 1), LossMode.LAST_STEP));
        assertTrue(
                type.getMessage().startsWith("x must be DOUBLE like the parameters but is FLOAT"), type.getMessage());
    }
}
