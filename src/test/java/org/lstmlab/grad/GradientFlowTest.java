package org.lstmlab.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GradientFlowTest {
    private static final double ROUNDING = 1e-12;

    private static INDArray from(INDArray xs, int t) {
        return xs.get(NDArrayIndex.all(), NDArrayIndex.interval(t, xs.size(1)), NDArrayIndex.all())
                .dup();
    }

    @Test
    void rnnJacobianMatchesFiniteDifferencesOfTheForwardPass() {
        RnnCell cell = new RnnCell(RnnParams.init(2, 4, 31));
        INDArray xs = normal(31, 1, 6, 2);
        INDArray h0 = normal(32, 1, 4).muli(0.5);
        int t = 2;
        INDArray ht = cell.forwardSequence(
                        xs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t), NDArrayIndex.all())
                                .dup(),
                        h0)
                .lastH()
                .dup();
        INDArray rest = from(xs, t);
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, 4, 4);
        double eps = 1e-6;
        for (int b = 0; b < 4; b++) {
            INDArray plus = ht.dup();
            plus.putScalar(0, b, ht.getDouble(0, b) + eps);
            INDArray minus = ht.dup();
            minus.putScalar(0, b, ht.getDouble(0, b) - eps);
            INDArray column = cell.forwardSequence(rest, plus)
                    .lastH()
                    .sub(cell.forwardSequence(rest, minus).lastH())
                    .divi(2 * eps);
            numeric.putColumn(b, column.reshape(4, 1));
        }
        INDArray analytic = GradientFlow.rnnJacobian(cell, xs, h0, t);
        assertTrue(analytic.sub(numeric).amaxNumber().doubleValue() < 1e-8, analytic + "\n" + numeric);
        assertEquals(Nd4j.eye(4).castTo(DataType.DOUBLE), GradientFlow.rnnJacobian(cell, xs, h0, 6));
    }

    @Test
    void lstmStateJacobianMatchesFiniteDifferencesOfTheForwardPass() {
        int hidden = 3;
        LstmCell cell = new LstmCell(LstmParams.init(2, hidden, Init.UNIFORM, 0.5, 32, DataType.DOUBLE));
        INDArray xs = normal(33, 1, 5, 2);
        INDArray h0 = normal(34, 1, hidden).muli(0.5);
        INDArray c0 = normal(35, 1, hidden);
        int t = 1;
        LstmSequence head = cell.forwardSequence(
                xs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t), NDArrayIndex.all())
                        .dup(),
                h0,
                c0);
        INDArray state = Nd4j.hstack(head.lastH(), head.lastC()); // [1, 2H], (h_t, C_t)
        INDArray rest = from(xs, t);
        INDArray numeric = Nd4j.zeros(DataType.DOUBLE, 2 * hidden, 2 * hidden);
        double eps = 1e-6;
        for (int b = 0; b < 2 * hidden; b++) {
            INDArray[] ends = new INDArray[2];
            for (int side = 0; side < 2; side++) {
                INDArray s = state.dup();
                s.putScalar(0, b, state.getDouble(0, b) + (side == 0 ? eps : -eps));
                LstmSequence run = cell.forwardSequence(
                        rest,
                        s.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hidden))
                                .dup(),
                        s.get(NDArrayIndex.all(), NDArrayIndex.interval(hidden, 2 * hidden))
                                .dup());
                ends[side] = Nd4j.hstack(run.lastH(), run.lastC());
            }
            numeric.putColumn(b, ends[0].sub(ends[1]).divi(2 * eps).reshape(2 * hidden, 1));
        }
        INDArray analytic = GradientFlow.lstmJacobian(cell, xs, h0, c0, t);
        assertTrue(analytic.sub(numeric).amaxNumber().doubleValue() < 1e-8, analytic + "\n" + numeric);
    }

    @Test
    void rnnNormsAreTheNormsOfTheJacobianAtEachLag() {
        RnnCell cell = new RnnCell(RnnParams.init(1, 5, 33));
        INDArray xs = normal(36, 1, 8, 1);
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, 5);
        JacobianNorms n = GradientFlow.rnn(cell, xs, h0);
        assertEquals(8, n.maxLag());
        for (int k = 0; k <= 8; k++) {
            INDArray j = GradientFlow.rnnJacobian(cell, xs, h0, 8 - k);
            assertEquals(MatrixNorms.spectralNorm(j), n.spectralAt(k), 1e-15);
            assertEquals(MatrixNorms.frobeniusNorm(j), n.frobeniusAt(k), 1e-15);
        }
        assertEquals(1.0, n.spectralAt(0), 1e-15);
        assertEquals(Math.sqrt(5), n.frobeniusAt(0), 1e-15);
    }

    @Test
    void rnnGradientNormDecaysGeometricallyAndStaysBelowThePascanuBoundWhenWhhIsContractive() {
        for (double rho : new double[] {0.5, 0.9, 0.99}) {
            RnnParams p = GradientFlow.withRecurrentSpectralNorm(RnnParams.init(2, 8, 34), rho);
            JacobianNorms n = GradientFlow.rnn(
                    new RnnCell(p), normal(37, 1, 60, 2), normal(38, 1, 8).muli(0.1));
            double[] bound = GradientFlow.pascanuBound(p, n.maxLag());
            double[] s = n.spectral();
            double[] f = n.frobenius();
            for (int k = 0; k <= n.maxLag(); k++) {
                assertTrue(
                        s[k] <= bound[k] * (1 + ROUNDING),
                        "ρ = " + rho + ", lag " + k + ": " + s[k] + " > bound " + bound[k]);
                assertTrue(s[k] <= f[k] * (1 + ROUNDING) && f[k] <= Math.sqrt(8) * s[k] * (1 + ROUNDING), "lag " + k);
                if (k > 0)
                    assertTrue(
                            s[k] <= rho * s[k - 1] * (1 + ROUNDING),
                            "ρ = " + rho + ", lag " + k + " shrinks by less than ρ");
            }
            assertTrue(s[60] > 0, "norms must not underflow to zero at lag 60 for ρ = " + rho);
        }
    }

    @Test
    void rnnWithSpectralNormOneHalfHasGradientNormBelowOneEMinusEightAtLagFifty() {
        RnnParams p = GradientFlow.withRecurrentSpectralNorm(RnnParams.init(1, 16, 35), 0.5);
        JacobianNorms n = GradientFlow.rnn(new RnnCell(p), normal(39, 1, 50, 1), Nd4j.zeros(DataType.DOUBLE, 1, 16));
        assertTrue(n.spectralAt(50) < 1e-8, "‖∂h_T/∂h_{T−50}‖₂ = " + n.spectralAt(50));
        assertTrue(n.frobeniusAt(50) < 1e-8, "‖∂h_T/∂h_{T−50}‖_F = " + n.frobeniusAt(50));
    }

    @Test
    void rnnWithALargeRecurrentNormCanKeepGradientsAlive() {
        // the bound allows growth above 1; with ‖W_hh‖₂ = 1.5 and small states the norm does not vanish
        RnnParams p = GradientFlow.withRecurrentSpectralNorm(RnnParams.init(1, 16, 35), 1.5);
        JacobianNorms n =
                GradientFlow.rnn(new RnnCell(p), normal(39, 1, 50, 1).muli(0.01), Nd4j.zeros(DataType.DOUBLE, 1, 16));
        JacobianNorms half = GradientFlow.rnn(
                new RnnCell(GradientFlow.withRecurrentSpectralNorm(p, 0.5)),
                normal(39, 1, 50, 1).muli(0.01),
                Nd4j.zeros(DataType.DOUBLE, 1, 16));
        assertTrue(n.spectralAt(50) > 1e6 * half.spectralAt(50), n.spectralAt(50) + " vs " + half.spectralAt(50));
    }

    @Test
    void rescalingGivesTheRequestedSpectralNormAndKeepsTheInputBlockAndBias() {
        RnnParams p = RnnParams.init(3, 6, 36);
        RnnParams before = p.copy();
        for (double target : new double[] {0.5, 0.9, 1.0, 1.5}) {
            RnnParams q = GradientFlow.withRecurrentSpectralNorm(p, target);
            assertEquals(target, GradientFlow.recurrentSpectralNorm(q), 1e-13);
            assertEquals(p.inputBlock(), q.inputBlock());
            assertEquals(p.bH(), q.bH());
            double ratio =
                    q.recurrentBlock().getDouble(0, 0) / p.recurrentBlock().getDouble(0, 0);
            assertEquals(
                    0.0,
                    q.recurrentBlock()
                            .sub(p.recurrentBlock().mul(ratio))
                            .amaxNumber()
                            .doubleValue(),
                    1e-15);
        }
        assertEquals(before.wH(), p.wH());
    }

    @Test
    void pascanuBoundIsGammaTimesNormToThePowerOfTheLag() {
        assertArrayEquals(new double[] {1, 0.5, 0.25, 0.125}, GradientFlow.pascanuBound(1, 0.5, 3), 0.0);
        assertArrayEquals(
                new double[] {1, 0.5, 0.25}, GradientFlow.pascanuBound(GradientFlow.SIGMOID_GAMMA, 2.0, 2), 0.0);
        RnnParams p = GradientFlow.withRecurrentSpectralNorm(RnnParams.init(1, 4, 37), 0.9);
        double[] b = GradientFlow.pascanuBound(p, 2);
        assertEquals(1, b[0], 0.0);
        assertEquals(0.9, b[1], 1e-13);
        assertEquals(0.81, b[2], 1e-13);
    }

    @Test
    void lstmCellPathIsTheProductOfForgetGates() {
        LstmCell cell = new LstmCell(LstmParams.init(2, 3, 38));
        INDArray xs = normal(40, 1, 7, 2);
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, 3);
        LstmJacobianNorms n = GradientFlow.lstm(cell, xs, h0, h0);
        LstmSequence run = cell.forwardSequence(xs, h0, h0);
        double[] product = {1, 1, 1};
        for (int k = 1; k <= 7; k++) {
            INDArray f = run.steps().get(7 - k).f();
            double max = 0, squares = 0;
            for (int a = 0; a < 3; a++) {
                product[a] *= f.getDouble(0, a);
                max = Math.max(max, product[a]);
                squares += product[a] * product[a];
            }
            assertEquals(max, n.cellPath().spectralAt(k), 1e-15);
            assertEquals(Math.sqrt(squares), n.cellPath().frobeniusAt(k), 1e-15);
        }
    }

    @Test
    void lstmHiddenAndCellNormsAreTheNormsOfTheBlocksOfTheStateJacobian() {
        LstmCell cell = new LstmCell(LstmParams.init(2, 3, 39));
        INDArray xs = normal(41, 1, 6, 2);
        INDArray h0 = normal(42, 1, 3);
        INDArray c0 = normal(43, 1, 3);
        LstmJacobianNorms n = GradientFlow.lstm(cell, xs, h0, c0);
        for (int k = 0; k <= 6; k++) {
            INDArray j = GradientFlow.lstmJacobian(cell, xs, h0, c0, 6 - k);
            INDArray hh = j.get(NDArrayIndex.interval(0, 3), NDArrayIndex.interval(0, 3));
            INDArray cc = j.get(NDArrayIndex.interval(3, 6), NDArrayIndex.interval(3, 6));
            assertEquals(MatrixNorms.spectralNorm(hh), n.hidden().spectralAt(k), 1e-15);
            assertEquals(MatrixNorms.frobeniusNorm(hh), n.hidden().frobeniusAt(k), 1e-15);
            assertEquals(MatrixNorms.spectralNorm(cc), n.cell().spectralAt(k), 1e-15);
            assertEquals(MatrixNorms.frobeniusNorm(cc), n.cell().frobeniusAt(k), 1e-15);
        }
    }

    @Test
    void lstmWithSaturatedForgetGateKeepsCellGradientNearOneOverOneHundredSteps() {
        LstmCell cell = new LstmCell(LstmParams.init(1, 8, Init.UNIFORM, 20.0, 40, DataType.DOUBLE));
        INDArray xs = normal(44, 1, 100, 1);
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 8);
        LstmJacobianNorms n = GradientFlow.lstm(cell, xs, zero, zero);
        for (int k = 0; k <= 100; k++) {
            assertTrue(
                    n.cellPath().spectralAt(k) > 0.999 && n.cellPath().spectralAt(k) <= 1.0,
                    "lag " + k + ": " + n.cellPath().spectralAt(k));
        }
        // through h as well the gradient survives 100 steps, where a plain RNN's would be gone
        assertTrue(
                n.hidden().spectralAt(100) > 1e-4,
                "‖∂h_T/∂h_{T−100}‖₂ = " + n.hidden().spectralAt(100));
    }

    @Test
    void lstmWithClosedForgetGateLosesTheCellGradient() {
        // the same measurement fails the property when the forget gate is not saturated near 1
        LstmCell cell = new LstmCell(LstmParams.init(1, 8, Init.UNIFORM, -3.0, 40, DataType.DOUBLE));
        INDArray zero = Nd4j.zeros(DataType.DOUBLE, 1, 8);
        LstmJacobianNorms n = GradientFlow.lstm(cell, normal(44, 1, 100, 1), zero, zero);
        assertTrue(n.cellPath().spectralAt(100) < 1e-50, "" + n.cellPath().spectralAt(100));
    }

    @Test
    void recurrentSpectralNormsOfAnLstmAreGivenPerGate() {
        LstmParams p = LstmParams.init(2, 4, 41);
        Map<String, Double> norms = GradientFlow.recurrentSpectralNorms(p);
        assertEquals(java.util.List.of("W_f", "W_i", "W_C", "W_o"), java.util.List.copyOf(norms.keySet()));
        assertEquals(
                MatrixNorms.spectralNorm(p.wC().get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4))),
                norms.get("W_C"),
                0.0);
    }

    @Test
    void float32ParametersAreMeasuredInDouble() {
        RnnParams p = RnnParams.init(1, 4, Init.UNIFORM, 42, DataType.FLOAT);
        JacobianNorms n =
                GradientFlow.rnn(new RnnCell(p), Nd4j.zeros(DataType.FLOAT, 1, 5, 1), Nd4j.zeros(DataType.FLOAT, 1, 4));
        RnnParams d = new RnnParams(p.wH().castTo(DataType.DOUBLE), p.bH().castTo(DataType.DOUBLE));
        JacobianNorms m = GradientFlow.rnn(
                new RnnCell(d), Nd4j.zeros(DataType.DOUBLE, 1, 5, 1), Nd4j.zeros(DataType.DOUBLE, 1, 4));
        assertArrayEquals(m.spectral(), n.spectral(), 1e-6);
    }

    @Test
    void measurementsNeedOneExampleAndNameTheShapes() {
        RnnCell rnn = new RnnCell(RnnParams.init(3, 4, 1));
        var e1 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.rnn(rnn, Nd4j.zeros(DataType.DOUBLE, 2, 5, 3), Nd4j.zeros(DataType.DOUBLE, 2, 4)));
        assertEquals("x must be [1, T, X] = [1, 5, 3] but is [2, 5, 3]", e1.getMessage());
        var e2 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.rnn(rnn, Nd4j.zeros(DataType.DOUBLE, 1, 5, 3), Nd4j.zeros(DataType.DOUBLE, 1, 5)));
        assertEquals("h_0 must be [1, H] = [1, 4] but is [1, 5]", e2.getMessage());
        var e3 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.rnn(rnn, Nd4j.zeros(DataType.DOUBLE, 1, 0, 3), Nd4j.zeros(DataType.DOUBLE, 1, 4)));
        assertEquals("x must have at least one step, [1, T, X] with T ≥ 1, but is [1, 0, 3]", e3.getMessage());
        var e4 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.rnnJacobian(
                        rnn, Nd4j.zeros(DataType.DOUBLE, 1, 5, 3), Nd4j.zeros(DataType.DOUBLE, 1, 4), 6));
        assertEquals("t must be in 0 … T = 5 but is 6", e4.getMessage());
        LstmCell lstm = new LstmCell(LstmParams.init(3, 4, 1));
        var e5 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.lstm(
                        lstm,
                        Nd4j.zeros(DataType.DOUBLE, 1, 5, 3),
                        Nd4j.zeros(DataType.DOUBLE, 1, 4),
                        Nd4j.zeros(DataType.DOUBLE, 4)));
        assertEquals("C_0 must be [1, H] = [1, 4] but is [4]", e5.getMessage());
        var e6 = assertThrows(IllegalArgumentException.class, () -> GradientFlow.lstm(null, null, null, null));
        assertEquals("cell must be an LstmCell but is null", e6.getMessage());
        var e7 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.rnn(rnn, Nd4j.zeros(DataType.FLOAT, 1, 5, 3), Nd4j.zeros(DataType.DOUBLE, 1, 4)));
        assertTrue(e7.getMessage().startsWith("x must be DOUBLE like the parameters but is FLOAT"), e7.getMessage());
        var e8 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.lstmJacobian(
                        lstm,
                        Nd4j.zeros(DataType.DOUBLE, 1, 5, 3),
                        Nd4j.zeros(DataType.DOUBLE, 1, 4),
                        Nd4j.zeros(DataType.DOUBLE, 1, 4),
                        -1));
        assertEquals("t must be in 0 … T = 5 but is -1", e8.getMessage());
        var e9 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientFlow.lstmJacobian(
                        lstm,
                        Nd4j.zeros(DataType.DOUBLE, 1, 5, 2),
                        Nd4j.zeros(DataType.DOUBLE, 1, 4),
                        Nd4j.zeros(DataType.DOUBLE, 1, 4),
                        0));
        assertEquals("x must be [1, T, X] = [1, 5, 3] but is [1, 5, 2]", e9.getMessage());
        var e10 = assertThrows(IllegalArgumentException.class, () -> GradientFlow.recurrentSpectralNorms(null));
        assertEquals("params must be LstmParams but is null", e10.getMessage());
        var e11 = assertThrows(IllegalArgumentException.class, () -> new JacobianNorms(new double[2], new double[3]));
        assertEquals("spectral and frobenius must have one entry per lag but have 2 and 3", e11.getMessage());
    }

    @Test
    void badTargetsAndBoundsAreRefused() {
        RnnParams p = RnnParams.init(1, 3, 1);
        for (double bad : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(IllegalArgumentException.class, () -> GradientFlow.withRecurrentSpectralNorm(p, bad));
            assertEquals("the target ‖W_hh‖₂ must be positive and finite but is " + bad, e.getMessage());
        }
        RnnParams zero = new RnnParams(Nd4j.zeros(DataType.DOUBLE, 3, 4), Nd4j.zeros(DataType.DOUBLE, 3));
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.withRecurrentSpectralNorm(zero, 0.9));
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.pascanuBound(0, 0.9, 3));
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.pascanuBound(1, -0.9, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> GradientFlow.pascanuBound(1, 0.9, -1));
        assertEquals("the largest lag T − t must be ≥ 0 but is -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientFlow.recurrentSpectralNorm(null));
        var lag = assertThrows(
                IllegalArgumentException.class,
                () -> new JacobianNorms(new double[] {1}, new double[] {1}).spectralAt(1));
        assertEquals("lag T − t must be in 0 … 0 but is 1", lag.getMessage());
    }
}
