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
import static org.lstmlab.nn.fused.FusedAssertions.random;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnGrads;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.RnnSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link FusedRnn} held equal to the readable {@link RnnCell}, as {@code FusedLstmTest} holds the LSTM. */
class FusedRnnTest {
    private static final double F64_TOLERANCE = 1e-12;
    private static final FusedAssertions.Backward<FusedRnn, FusedRnn.Pass> BACKWARD =
            (layer, pass, dHs) -> layer.backwardSequence(pass, dHs);

    /** One case: parameters, inputs, initial state and an upstream gradient, all seeded. */
    private record Case(RnnParams params, INDArray xs, INDArray h0, INDArray dHs) {
        static Case of(int batch, int steps, int input, int hidden, DataType type, long seed) {
            RnnParams p = RnnParams.init(input, hidden, Init.UNIFORM, seed, type);
            return new Case(
                    p,
                    random(seed + 1, 1.0, type, batch, steps, input),
                    random(seed + 2, 0.5, type, batch, hidden),
                    random(seed + 3, 1.0, type, batch, steps, hidden));
        }
    }

    /** Runs both paths on the case and checks every output and every gradient against the tolerance. */
    private static void assertFusedMatchesReadable(Case k, RnnParams fusedParams, double tolerance) {
        var readable = new RnnCell(k.params());
        var fused = new FusedRnn(fusedParams);
        RnnSequence slow = readable.forwardSequence(k.xs(), k.h0());
        FusedRnn.Pass fast = fused.forwardSequence(k.xs(), k.h0());
        assertClose("h_t", slow.hs(), fast.hs(), tolerance);
        RnnGrads slowGrads = readable.backwardSequence(slow, k.dHs());
        RnnGrads fastGrads = fused.backwardSequence(fast, k.dHs());
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
    void notebook07sSizeMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(32, 100, 2, 16, DataType.DOUBLE, 12); // B = 32, T = 100, X = 2, H = 16
        assertFusedMatchesReadable(k, k.params(), F64_TOLERANCE);
    }

    @Test
    void aWiderLayerMatchesTheReadableCellTo1e12InFloat64() {
        Case k = Case.of(8, 50, 8, 64, DataType.DOUBLE, 13);
        assertFusedMatchesReadable(k, k.params(), F64_TOLERANCE);
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
        assertEquals(DataType.FLOAT, new FusedRnn(k.params()).run(k.xs()).hs().dataType());
    }

    @Test
    void aWeightViewIsCopiedAndGivesTheSameResultsAsADenseOne() {
        Case k = Case.of(3, 6, 2, 5, DataType.DOUBLE, 17);
        assertTrue(new FusedRnn(k.params()).sharesStorage());
        INDArray wide = Nd4j.concat(0, k.params().wH(), k.params().wH()); // [2H, H+X]
        RnnParams view = new RnnParams(
                wide.get(NDArrayIndex.interval(5, 10), NDArrayIndex.all()),
                k.params().bH());
        assertFalse(new FusedRnn(view).sharesStorage());
        assertFusedMatchesReadable(k, view, F64_TOLERANCE);
    }

    @Test
    void anOptimiserUpdatingParametersInPlaceUpdatesTheFusedLayer() {
        Case k = Case.of(2, 5, 3, 4, DataType.DOUBLE, 18);
        RnnParams p = k.params().copy();
        assertAnSgdStepIsSeen(new FusedRnn(p), () -> new RnnCell(p), k.xs(), k.dHs(), "h_t after an in-place update");
    }

    @Test
    void theRecurrentLayerInterfaceGivesTheReadableGradientsUnderTheSameNames() {
        Case k = Case.of(3, 6, 2, 5, DataType.DOUBLE, 19);
        assertSameLayer(new RnnCell(k.params()), new FusedRnn(k.params()), k.xs(), k.dHs(), F64_TOLERANCE);
    }

    @Test
    void aNewBatchSizeOrLengthGetsAWorkspaceOfItsOwn() {
        Case a = Case.of(3, 6, 2, 5, DataType.DOUBLE, 20);
        Case b = Case.of(4, 9, 2, 5, DataType.DOUBLE, 20);
        var fused = new FusedRnn(a.params());
        fused.run(a.xs()).release();
        assertFusedMatchesReadable(b, a.params(), F64_TOLERANCE);
        RnnCell cell = new RnnCell(a.params());
        Map<String, INDArray> expected = cell.parameterGradients(cell.run(b.xs()), b.dHs());
        Map<String, INDArray> actual = fused.parameterGradients(fused.run(b.xs()), b.dHs());
        assertSameGradients(expected, actual, F64_TOLERANCE);
    }

    @Test
    void aPassOverwrittenByALaterRunIsRefused() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 21);
        assertOnlyItsLatestPassIsTaken(
                () -> new FusedRnn(k.params()),
                BACKWARD,
                new RnnCell(k.params()),
                k.xs(),
                k.dHs(),
                "overwritten by a later run of the same FusedRnn",
                "pass must come from FusedRnn.run but is RnnSequence");
    }

    @Test
    void aReleasedPassGivesItsStatesBackAndRefusesToBeUsedAgain() {
        Case k = Case.of(2, 3, 2, 3, DataType.DOUBLE, 22);
        assertAReleasedPassGivesItsStatesBack(
                new FusedRnn(k.params()), BACKWARD, k.xs(), k.dHs(), pass -> () -> {}, again -> {});
    }

    @Test
    void badInputsAreNamedInCourseSymbols() {
        var fused = new FusedRnn(RnnParams.init(3, 4, 1));
        assertBadSequencesAreNamed(fused, BACKWARD);
        var h0 = assertThrows(
                IllegalArgumentException.class,
                () -> fused.forwardSequence(Nd4j.zeros(DataType.DOUBLE, 2, 5, 3), Nd4j.zeros(DataType.DOUBLE, 2, 5)));
        assertEquals("h_0 must be [B, H] = [2, 4] but is [2, 5]", h0.getMessage());
    }
}
