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
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruGrads;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.GruSequence;
import org.lstmlab.nn.Init;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link FusedGru} held equal to the readable {@link GruCell}, as {@code FusedLstmTest} holds the LSTM. */
class FusedGruTest {
    private static final double F64_TOLERANCE = 1e-12;
    private static final FusedAssertions.Backward<FusedGru, FusedGru.Pass> BACKWARD =
            (layer, pass, dHs) -> layer.backwardSequence(pass, dHs);

    /** One case: parameters, inputs, initial state and an upstream gradient, all seeded. */
    private record Case(GruParams params, INDArray xs, INDArray h0, INDArray dHs) {
        static Case of(int batch, int steps, int input, int hidden, DataType type, long seed) {
            GruParams p = GruParams.init(input, hidden, Init.UNIFORM, seed, type);
            return new Case(
                    p,
                    random(seed + 1, 1.0, type, batch, steps, input),
                    random(seed + 2, 0.5, type, batch, hidden),
                    random(seed + 3, 1.0, type, batch, steps, hidden));
        }
    }

    /** Runs both paths on the case and checks every output and every gradient against the tolerance. */
    private static void assertFusedMatchesReadable(Case k, GruParams fusedParams, double tolerance) {
        var readable = new GruCell(k.params());
        var fused = new FusedGru(fusedParams);
        GruSequence slow = readable.forwardSequence(k.xs(), k.h0());
        FusedGru.Pass fast = fused.forwardSequence(k.xs(), k.h0());
        assertClose("h_t", slow.hs(), fast.hs(), tolerance);
        GruGrads slowGrads = readable.backwardSequence(slow, k.dHs());
        GruGrads fastGrads = fused.backwardSequence(fast, k.dHs());
        assertSameGradients(slowGrads.params().named(), fastGrads.params().named(), tolerance);
        assertClose("∂L/∂x_t", slowGrads.dxs(), fastGrads.dxs(), tolerance);
        assertClose("∂L/∂h_0", slowGrads.dh0(), fastGrads.dh0(), tolerance);
    }

    @Test
    void everyOutputAndGradientMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(3, 7, 5, 4, DataType.DOUBLE, 11);
        assertFusedMatchesReadable(k, k.params(), F64_TOLERANCE);
    }

    @Test
    void stackedParametersAreReadInPlaceAndGiveTheSameResultsAsSeparateOnes() {
        Case k = Case.of(3, 7, 5, 4, DataType.DOUBLE, 12);
        GruParams stacked = FusedGru.stacked(k.params());
        assertTrue(new FusedGru(stacked).sharesStorage());
        assertFalse(new FusedGru(k.params()).sharesStorage());
        assertFusedMatchesReadable(k, stacked, F64_TOLERANCE);
    }

    @Test
    void notebook09sSizeMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(32, 20, 2, 16, DataType.DOUBLE, 13); // B = 32, T = 20, X = 2, H = 16
        assertFusedMatchesReadable(k, FusedGru.stacked(k.params()), F64_TOLERANCE);
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
        assertFusedMatchesReadable(k, FusedGru.stacked(k.params()), 2e-5);
        assertEquals(DataType.FLOAT, new FusedGru(k.params()).run(k.xs()).hs().dataType());
    }

    /** Float32 computes in float end to end; at the course size its states and gradients stay near float64's. */
    @Test
    void float32AtTheCourseSizeStaysCloseToFloat64() {
        Case k = Case.of(32, 100, 8, 64, DataType.DOUBLE, 22);
        GruParams p64 = FusedGru.stacked(k.params());
        Map<String, INDArray> n = p64.named();
        GruParams p32 = new GruParams(
                n.get("W_z").castTo(DataType.FLOAT),
                n.get("b_z").castTo(DataType.FLOAT),
                n.get("W_r").castTo(DataType.FLOAT),
                n.get("b_r").castTo(DataType.FLOAT),
                n.get("W_n").castTo(DataType.FLOAT),
                n.get("b_n").castTo(DataType.FLOAT),
                n.get("b_hn").castTo(DataType.FLOAT));
        var f64 = new FusedGru(p64);
        var f32 = new FusedGru(FusedGru.stacked(p32));
        FusedGru.Pass run64 = f64.forwardSequence(k.xs(), k.h0());
        FusedGru.Pass run32 = f32.forwardSequence(k.xs().castTo(DataType.FLOAT), k.h0().castTo(DataType.FLOAT));
        double hDiff = maxAbsDiff(run32.hs(), run64.hs());
        assertTrue(hDiff <= 1e-6, "h_t: float32 and float64 differ by " + hDiff);
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
            GruParams p = stack ? FusedGru.stacked(k.params()) : k.params().copy();
            assertAnSgdStepIsSeen(
                    new FusedGru(p),
                    () -> new GruCell(p),
                    k.xs(),
                    k.dHs(),
                    "h_t after an in-place update (stacked " + stack + ")");
        }
    }

    @Test
    void theRecurrentLayerInterfaceGivesTheReadableGradientsUnderTheSameNames() {
        Case k = Case.of(3, 6, 2, 5, DataType.DOUBLE, 18);
        assertSameLayer(new GruCell(k.params()), new FusedGru(k.params()), k.xs(), k.dHs(), F64_TOLERANCE);
    }

    @Test
    void aNewBatchSizeOrLengthGetsAWorkspaceOfItsOwn() {
        Case a = Case.of(3, 6, 2, 5, DataType.DOUBLE, 20);
        Case b = Case.of(4, 9, 2, 5, DataType.DOUBLE, 20);
        var fused = new FusedGru(a.params());
        fused.run(a.xs()).release();
        GruCell cell = new GruCell(a.params());
        Map<String, INDArray> expected = cell.parameterGradients(cell.run(b.xs()), b.dHs());
        Map<String, INDArray> actual = fused.parameterGradients(fused.run(b.xs()), b.dHs());
        assertSameGradients(expected, actual, F64_TOLERANCE);
    }

    @Test
    void aPassOverwrittenByALaterRunIsRefused() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 21);
        assertOnlyItsLatestPassIsTaken(
                () -> new FusedGru(k.params()),
                BACKWARD,
                new GruCell(k.params()),
                k.xs(),
                k.dHs(),
                "overwritten by a later run of the same FusedGru",
                "pass must come from FusedGru.run but is GruSequence");
    }

    @Test
    void aReleasedPassGivesItsStatesBackAndRefusesToBeUsedAgain() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 22);
        assertAReleasedPassGivesItsStatesBack(
                new FusedGru(k.params()), BACKWARD, k.xs(), k.dHs(), pass -> () -> {}, again -> {});
    }

    @Test
    void badInputsAreNamedInCourseSymbols() {
        var fused = new FusedGru(GruParams.init(3, 4, 1));
        assertBadSequencesAreNamed(fused, BACKWARD);
        var h0 = assertThrows(
                IllegalArgumentException.class,
                () -> fused.forwardSequence(Nd4j.zeros(DataType.DOUBLE, 2, 5, 3), Nd4j.zeros(DataType.DOUBLE, 2, 5)));
        assertEquals("h_0 must be [B, H] = [2, 4] but is [2, 5]", h0.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> fused.run(Nd4j.zeros(DataType.FLOAT, 2, 5, 3)));
        assertTrue(
                type.getMessage().startsWith("x must be DOUBLE like the parameters but is FLOAT"), type.getMessage());
        var nulls = assertThrows(IllegalArgumentException.class, () -> new FusedGru(null));
        assertEquals("params must be GruParams but is null", nulls.getMessage());
        GruParams p = GruParams.init(3, 4, 1);
        var half = new GruParams(
                p.wZ().castTo(DataType.HALF),
                p.bZ().castTo(DataType.HALF),
                p.wR().castTo(DataType.HALF),
                p.bR().castTo(DataType.HALF),
                p.wN().castTo(DataType.HALF),
                p.bN().castTo(DataType.HALF),
                p.bHn().castTo(DataType.HALF));
        var dtype = assertThrows(IllegalArgumentException.class, () -> new FusedGru(half));
        assertEquals("the fused GRU computes in DOUBLE or FLOAT, the parameters are HALF", dtype.getMessage());
    }
}
