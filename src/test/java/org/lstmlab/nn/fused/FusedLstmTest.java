package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.fused.FusedAssertions.assertAReleasedPassGivesItsStatesBack;
import static org.lstmlab.nn.fused.FusedAssertions.assertAnSgdStepIsSeen;
import static org.lstmlab.nn.fused.FusedAssertions.assertBadSequencesAreNamed;
import static org.lstmlab.nn.fused.FusedAssertions.assertClose;
import static org.lstmlab.nn.fused.FusedAssertions.assertOnlyItsLatestPassIsTaken;
import static org.lstmlab.nn.fused.FusedAssertions.assertSameGradients;
import static org.lstmlab.nn.fused.FusedAssertions.assertSameLayer;
import static org.lstmlab.nn.fused.FusedAssertions.maxAbsDiff;
import static org.lstmlab.nn.fused.FusedAssertions.random;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FusedLstmTest {
    private static final double F64_TOLERANCE = 1e-12;
    private static final FusedAssertions.Backward<FusedLstm, FusedLstm.Pass> BACKWARD =
            (layer, pass, dHs) -> layer.backwardSequence(pass, dHs);

    /** One case: parameters, inputs, initial state and an upstream gradient, all seeded. */
    private record Case(LstmParams params, INDArray xs, INDArray h0, INDArray c0, INDArray dHs) {
        static Case of(int batch, int steps, int input, int hidden, DataType type, long seed) {
            LstmParams p = LstmParams.init(input, hidden, Init.UNIFORM, 1.0, seed, type);
            return new Case(
                    p,
                    random(seed + 1, 1.0, type, batch, steps, input),
                    random(seed + 2, 0.5, type, batch, hidden),
                    random(seed + 3, 0.5, type, batch, hidden),
                    random(seed + 4, 1.0, type, batch, steps, hidden));
        }
    }

    /** Runs both paths on the case and checks every output and every gradient against the tolerance. */
    private static void assertFusedMatchesReadable(Case k, LstmParams fusedParams, double tolerance) {
        var readable = new LstmCell(k.params());
        var fused = new FusedLstm(fusedParams);
        LstmSequence slow = readable.forwardSequence(k.xs(), k.h0(), k.c0());
        FusedLstm.Pass fast = fused.forwardSequence(k.xs(), k.h0(), k.c0());
        assertClose("h_t", slow.hs(), fast.hs(), tolerance);
        assertClose("C_t", slow.cs(), fast.cs(), tolerance);
        LstmGrads slowGrads = readable.backwardSequence(slow, k.dHs());
        LstmGrads fastGrads = fused.backwardSequence(fast, k.dHs());
        assertSameGradients(slowGrads.params().named(), fastGrads.params().named(), tolerance);
        assertClose("∂L/∂x_t", slowGrads.dxs(), fastGrads.dxs(), tolerance);
        assertClose("∂L/∂h_0", slowGrads.dh0(), fastGrads.dh0(), tolerance);
        assertClose("∂L/∂C_0", slowGrads.dc0(), fastGrads.dc0(), tolerance);
    }

    @Test
    void everyOutputAndGradientMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(3, 7, 5, 4, DataType.DOUBLE, 11);
        assertFusedMatchesReadable(k, k.params(), F64_TOLERANCE);
    }

    @Test
    void stackedParametersGiveTheSameResultsAsSeparateOnes() {
        Case k = Case.of(3, 7, 5, 4, DataType.DOUBLE, 12);
        LstmParams stacked = FusedLstm.stacked(k.params());
        assertTrue(new FusedLstm(stacked).sharesStorage());
        assertFalse(new FusedLstm(k.params()).sharesStorage());
        assertFusedMatchesReadable(k, stacked, F64_TOLERANCE);
    }

    @Test
    void aLongerSequenceWithTheCourseInputSizeMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(8, 50, 8, 32, DataType.DOUBLE, 13);
        assertFusedMatchesReadable(k, FusedLstm.stacked(k.params()), F64_TOLERANCE);
    }

    @Test
    void aSingleExampleAndASingleStepMatchTheReadableCell() {
        Case one = Case.of(1, 1, 1, 1, DataType.DOUBLE, 14);
        assertFusedMatchesReadable(one, one.params(), F64_TOLERANCE);
        Case tiny = Case.of(1, 8, 3, 4, DataType.DOUBLE, 15);
        assertFusedMatchesReadable(tiny, tiny.params(), F64_TOLERANCE);
    }

    @Test
    void float32AgreesWithTheReadableCellToSinglePrecision() {
        Case k = Case.of(4, 20, 6, 8, DataType.FLOAT, 16);
        // float32 rounds every GEMM at ~6e-8 relative; over 20 steps the paths drift apart by ~1e-6
        assertFusedMatchesReadable(k, k.params(), 2e-5);
        assertFusedMatchesReadable(k, FusedLstm.stacked(k.params()), 2e-5);
        FusedLstm.Pass run = new FusedLstm(k.params()).run(k.xs());
        assertEquals(DataType.FLOAT, run.hs().dataType());
    }

    /**
     * Float32 is computed in float end to end (the GEMMs, the gate maths and σ, tanh): at the course size,
     * T = 100 steps, its states stay within 1e-6 of the float64 run of the same parameters and every gradient
     * within 5e-6 of the largest float64 gradient of the same parameter (measured: 1.3e-7 and 4e-7, about
     * one float ulp of 1 — the rounding of float storage, not drift).
     */
    @Test
    void float32AtTheCourseSizeStaysCloseToFloat64() {
        Case k = Case.of(32, 100, 8, 64, DataType.DOUBLE, 22);
        LstmParams p64 = FusedLstm.stacked(k.params());
        Map<String, INDArray> named = p64.named();
        LstmParams p32 = FusedLstm.stacked(new LstmParams(
                named.get("W_f").castTo(DataType.FLOAT),
                named.get("b_f").castTo(DataType.FLOAT),
                named.get("W_i").castTo(DataType.FLOAT),
                named.get("b_i").castTo(DataType.FLOAT),
                named.get("W_C").castTo(DataType.FLOAT),
                named.get("b_C").castTo(DataType.FLOAT),
                named.get("W_o").castTo(DataType.FLOAT),
                named.get("b_o").castTo(DataType.FLOAT)));
        var f64 = new FusedLstm(p64);
        var f32 = new FusedLstm(p32);
        INDArray xs32 = k.xs().castTo(DataType.FLOAT);
        FusedLstm.Pass run64 = f64.forwardSequence(k.xs(), k.h0(), k.c0());
        FusedLstm.Pass run32 = f32.forwardSequence(xs32, k.h0().castTo(DataType.FLOAT), k.c0().castTo(DataType.FLOAT));
        assertEquals(DataType.FLOAT, run32.hs().dataType());
        double hDiff = maxAbsDiff(run32.hs(), run64.hs());
        double cDiff = maxAbsDiff(run32.cs(), run64.cs());
        assertTrue(hDiff <= 1e-6, "h_t: float32 and float64 differ by " + hDiff);
        assertTrue(cDiff <= 1e-6, "C_t: float32 and float64 differ by " + cDiff);
        Map<String, INDArray> g64 =
                f64.backwardSequence(run64, k.dHs()).params().named();
        Map<String, INDArray> g32 = f32.backwardSequence(run32, k.dHs().castTo(DataType.FLOAT))
                .params()
                .named();
        for (String name : g64.keySet()) {
            double scale = g64.get(name).amaxNumber().doubleValue();
            double relative = maxAbsDiff(g32.get(name), g64.get(name)) / scale;
            assertTrue(relative <= 5e-6, "∂L/∂" + name + ": float32 is " + relative + " of its size from float64");
        }
    }

    @Test
    void anOptimiserUpdatingParametersInPlaceUpdatesTheFusedLayer() {
        for (boolean stack : new boolean[] {false, true}) {
            Case k = Case.of(2, 5, 3, 4, DataType.DOUBLE, 17);
            LstmParams p = stack ? FusedLstm.stacked(k.params()) : k.params().copy();
            assertAnSgdStepIsSeen(
                    new FusedLstm(p),
                    () -> new LstmCell(p),
                    k.xs(),
                    k.dHs(),
                    "h_t after an in-place update (stacked " + stack + ")");
        }
    }

    @Test
    void theRecurrentLayerInterfaceGivesTheReadableGradientsUnderTheSameNames() {
        Case k = Case.of(3, 6, 2, 5, DataType.DOUBLE, 18);
        assertSameLayer(new LstmCell(k.params()), new FusedLstm(k.params()), k.xs(), k.dHs(), F64_TOLERANCE);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Case k = Case.of(2, 4, 2, 3, DataType.DOUBLE, 19);
        var fused = new FusedLstm(k.params());
        // L = Σ dHs * h, so ∂L/∂h = dHs
        LstmGrads g = fused.backwardSequence(fused.forwardSequence(k.xs(), k.h0(), k.c0()), k.dHs());
        double eps = 1e-6;
        var grads = g.params().named();
        for (var e : k.params().named().entrySet()) {
            INDArray theta = e.getValue();
            INDArray grad = grads.get(e.getKey());
            for (long n = 0; n < theta.length(); n++) {
                double old = theta.getDouble(n);
                theta.putScalar(n, old + eps);
                double up = fused.forwardSequence(k.xs(), k.h0(), k.c0())
                        .hs()
                        .mul(k.dHs())
                        .sumNumber()
                        .doubleValue();
                theta.putScalar(n, old - eps);
                double down = fused.forwardSequence(k.xs(), k.h0(), k.c0())
                        .hs()
                        .mul(k.dHs())
                        .sumNumber()
                        .doubleValue();
                theta.putScalar(n, old);
                double numeric = (up - down) / (2 * eps);
                double analytic = grad.getDouble(n);
                double relative = Math.abs(numeric - analytic) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic));
                assertTrue(
                        relative < 1e-6,
                        "∂L/∂" + e.getKey() + "[" + n + "]: analytic " + analytic + " numeric " + numeric);
            }
        }
    }

    @Test
    void viewsAndColumnMajorInputsGiveTheSameResultsAsDenseOnes() {
        Case k = Case.of(3, 5, 2, 4, DataType.DOUBLE, 20);
        var fused = new FusedLstm(k.params());
        INDArray dense = fused.forwardSequence(k.xs(), k.h0(), k.c0()).hs().dup();
        INDArray xsF = k.xs().dup('f');
        INDArray wide = Nd4j.concat(0, k.xs(), k.xs()); // [2B, T, X]
        INDArray view = wide.get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 6),
                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertEquals(0.0, maxAbsDiff(fused.forwardSequence(xsF, k.h0(), k.c0()).hs(), dense));
        assertEquals(0.0, maxAbsDiff(fused.forwardSequence(view, k.h0(), k.c0()).hs(), dense));
    }

    @Test
    void aPassOverwrittenByALaterRunIsRefused() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 21);
        assertOnlyItsLatestPassIsTaken(
                () -> new FusedLstm(k.params()),
                BACKWARD,
                new LstmCell(k.params()),
                k.xs(),
                k.dHs(),
                "overwritten by a later run",
                "pass must come from FusedLstm.run but is LstmSequence");
    }

    @Test
    void aReleasedPassGivesItsStatesBackAndRefusesToBeUsedAgain() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 22);
        var fused = new FusedLstm(k.params());
        LstmCell cell = new LstmCell(k.params());
        LstmGrads readable = cell.backwardSequence(cell.run(k.xs()), k.dHs());
        assertAReleasedPassGivesItsStatesBack(
                fused,
                BACKWARD,
                k.xs(),
                k.dHs(),
                pass -> {
                    INDArray cs = pass.cs();
                    return () -> {
                        assertTrue(cs.wasClosed(), "C_1 … C_T freed at once");
                        var h = assertThrows(IllegalStateException.class, pass::hs);
                        assertEquals(
                                "this pass was released (Pass.release): hs() is no longer available; keep the pass "
                                        + "until you are done with its arrays",
                                h.getMessage());
                        assertThrows(IllegalStateException.class, pass::cs);
                    };
                },
                again -> assertClose(
                        "∂L/∂W_f after a released pass",
                        readable.params().wF(),
                        fused.backwardSequence(again, k.dHs()).params().wF(),
                        1e-12));
    }

    @Test
    void badInputsAreNamedInCourseSymbols() {
        var fused = new FusedLstm(LstmParams.init(3, 4, 1));
        assertBadSequencesAreNamed(fused, BACKWARD);
        var h0 = assertThrows(
                IllegalArgumentException.class,
                () -> fused.forwardSequence(
                        Nd4j.zeros(DataType.DOUBLE, 2, 5, 3),
                        Nd4j.zeros(DataType.DOUBLE, 2, 5),
                        Nd4j.zeros(DataType.DOUBLE, 2, 4)));
        assertEquals("h_0 must be [B, H] = [2, 4] but is [2, 5]", h0.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> fused.run(Nd4j.zeros(DataType.FLOAT, 2, 5, 3)));
        assertTrue(
                type.getMessage().startsWith("x must be DOUBLE like the parameters but is FLOAT"), type.getMessage());
    }
}
