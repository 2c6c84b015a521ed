package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.fused.FusedAssertions.assertClose;
import static org.lstmlab.nn.fused.FusedAssertions.random;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.CharModel;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.CharModelStep;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FusedCharModelTest {
    private static final double F64_TOLERANCE = 1e-12;

    private static int[] ids(long seed, int n, int v) {
        var rnd = new SplittableRandom(seed);
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) ids[k] = rnd.nextInt(v);
        return ids;
    }

    private static void assertFusedMatchesReadable(int batch, int steps, int v, int x, int hidden, long seed) {
        CharModelParams p = CharModelParams.init(v, x, hidden, seed, DataType.DOUBLE);
        p.bY().assign(random(seed + 9, 0.5, DataType.DOUBLE, v)); // b_y = 0 would hide a missing bias
        int[] inputs = ids(seed + 1, batch * steps, v);
        int[] targets = ids(seed + 2, batch * steps, v);
        INDArray h0 = random(seed + 3, 0.5, DataType.DOUBLE, batch, hidden);
        INDArray c0 = random(seed + 4, 0.5, DataType.DOUBLE, batch, hidden);
        CharModelStep slow = new CharModel(p).lossAndGradients(inputs, targets, batch, steps, h0, c0);
        CharModelStep fast =
                new FusedCharModel(FusedCharModel.stacked(p)).lossAndGradients(inputs, targets, batch, steps, h0, c0);
        assertEquals(slow.loss(), fast.loss(), F64_TOLERANCE, "the loss");
        assertClose("h_T", slow.h(), fast.h(), F64_TOLERANCE);
        assertClose("C_T", slow.c(), fast.c(), F64_TOLERANCE);
        Map<String, INDArray> want = slow.grads().named();
        Map<String, INDArray> got = fast.grads().named();
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            assertClose("∂loss/∂" + name, want.get(name), got.get(name), F64_TOLERANCE);
        }
    }

    @Test
    void fusedStepEqualsTheReadableOneHotPathAtTheCourseSize() {
        assertFusedMatchesReadable(4, 12, 30, 8, 16, 11);
    }

    @Test
    void fusedStepEqualsTheReadablePathWithOneStreamAndOneStep() {
        assertFusedMatchesReadable(1, 1, 5, 3, 4, 12);
    }

    @Test
    void aCharacterReadTwiceInAChunkGetsBothGradientsInItsRowOfE() {
        int v = 3;
        CharModelParams p = CharModelParams.init(v, 2, 4, 5, DataType.DOUBLE);
        int[] inputs = {1, 1, 1, 1};
        int[] targets = {0, 2, 0, 2};
        CharModelStep s = new FusedCharModel(p).lossAndGradients(inputs, targets, 2, 2, zeros(2, 4), zeros(2, 4));
        INDArray dE = s.grads().embedding();
        assertEquals(0.0, dE.getRow(0).amaxNumber().doubleValue(), "row 0 of E was never read");
        assertEquals(0.0, dE.getRow(2).amaxNumber().doubleValue(), "row 2 of E was never read");
        assertTrue(dE.getRow(1).amaxNumber().doubleValue() > 0, "row 1 was read four times");
    }

    @Test
    void lossWithoutGradientsEqualsTheTrainingStepsLossAndState() {
        CharModelParams p = FusedCharModel.stacked(CharModelParams.init(7, 3, 5, 21, DataType.DOUBLE));
        int[] in = ids(1, 12, 7);
        int[] out = ids(2, 12, 7);
        var model = new FusedCharModel(p);
        CharModelStep full = model.lossAndGradients(in, out, 3, 4, zeros(3, 5), zeros(3, 5));
        CharModelStep only = model.loss(in, out, 3, 4, zeros(3, 5), zeros(3, 5));
        assertEquals(full.loss(), only.loss(), 0.0);
        assertNull(only.grads());
        assertClose("h_T", full.h(), only.h(), 0.0);
    }

    @Test
    void statesAndNextStepFollowTheSameLstm() {
        CharModelParams p = CharModelParams.init(6, 3, 4, 31, DataType.DOUBLE);
        var model = new FusedCharModel(p);
        int[] text = {0, 3, 5, 2};
        FusedCharModel.States all = model.states(text);
        INDArray h = zeros(1, 4), c = zeros(1, 4);
        for (int t = 0; t < text.length; t++) {
            FusedCharModel.Scores s = model.next(text[t], h, c);
            h = s.h();
            c = s.c();
            assertClose("h_t at step " + t, Nd4j.createFromArray(new double[][] {all.hs()[t]}), h, 1e-14);
            assertClose("C_t at step " + t, Nd4j.createFromArray(new double[][] {all.cs()[t]}), c, 1e-14);
        }
    }

    @Test
    void statesOfALongTextAreReadInChunksWithTheStateCarried() {
        var model = new FusedCharModel(CharModelParams.init(6, 3, 4, 32, DataType.DOUBLE));
        int[] text = ids(5, FusedCharModel.STATES_CHUNK + 9, 6);
        FusedCharModel.States chunked = model.states(text);
        FusedLstm.Pass whole = new FusedLstm(model.params().lstm())
                .run(Nd4j.pullRows(model.params().embedding(), 1, text).reshape(1, text.length, 3));
        INDArray last = Nd4j.createFromArray(new double[][] {chunked.cs()[text.length - 1]});
        assertClose(
                "C_T",
                whole.cs().get(NDArrayIndex.all(), NDArrayIndex.point(text.length - 1), NDArrayIndex.all()),
                last,
                1e-13);
    }

    @Test
    void aModelThatRanOtherSizesAndSampledGivesTheSameStepAsAFreshOne() {
        // the readout's arrays are reused from run to run: a change of B and T, or sampling, must not leak
        CharModelParams p = FusedCharModel.stacked(CharModelParams.init(9, 3, 5, 41, DataType.DOUBLE));
        p.bY().assign(random(42, 0.5, DataType.DOUBLE, 9));
        int[] in = ids(3, 2 * 6, 9), out = ids(4, 2 * 6, 9);
        INDArray h0 = random(5, 0.5, DataType.DOUBLE, 2, 5), c0 = random(6, 0.5, DataType.DOUBLE, 2, 5);
        CharModelStep fresh = new FusedCharModel(p).lossAndGradients(in, out, 2, 6, h0, c0);
        var used = new FusedCharModel(p);
        used.lossAndGradients(ids(7, 3 * 4, 9), ids(8, 3 * 4, 9), 3, 4, zeros(3, 5), zeros(3, 5));
        used.lossAndGradients(in, out, 2, 6, h0, c0);
        used.next(2, zeros(1, 5), zeros(1, 5));
        used.lossAndGradients(ids(9, 2 * 6, 9), ids(10, 2 * 6, 9), 2, 6, zeros(2, 5), zeros(2, 5));
        CharModelStep again = used.lossAndGradients(in, out, 2, 6, h0, c0);
        assertEquals(fresh.loss(), again.loss(), 0.0);
        assertClose("h_T", fresh.h(), again.h(), 0.0);
        assertClose("C_T", fresh.c(), again.c(), 0.0);
        for (var e : fresh.grads().named().entrySet()) {
            assertClose(
                    "∂loss/∂" + e.getKey(), e.getValue(), again.grads().named().get(e.getKey()), 0.0);
        }
    }

    @Test
    void float32StepIsTheFloat64StepToSinglePrecision() {
        CharModelParams p = CharModelParams.init(30, 8, 16, 51, DataType.DOUBLE);
        p.bY().assign(random(52, 0.5, DataType.DOUBLE, 30));
        CharModelParams p32 = new CharModelParams(
                p.embedding().castTo(DataType.FLOAT),
                inFloat(p.lstm()),
                p.wY().castTo(DataType.FLOAT),
                p.bY().castTo(DataType.FLOAT));
        int[] in = ids(53, 4 * 12, 30), out = ids(54, 4 * 12, 30);
        CharModelStep f64 = new FusedCharModel(FusedCharModel.stacked(p))
                .lossAndGradients(in, out, 4, 12, zeros(4, 16), zeros(4, 16));
        CharModelStep f32 = new FusedCharModel(FusedCharModel.stacked(p32))
                .lossAndGradients(in, out, 4, 12, Nd4j.zeros(DataType.FLOAT, 4, 16), Nd4j.zeros(DataType.FLOAT, 4, 16));
        assertEquals(f64.loss(), f32.loss(), 1e-5, "the loss");
        assertEquals(DataType.FLOAT, f32.h().dataType());
        assertClose("h_T", f64.h(), f32.h(), 1e-5);
        assertClose("C_T", f64.c(), f32.c(), 1e-5);
        for (var e : f64.grads().named().entrySet()) {
            INDArray got = f32.grads().named().get(e.getKey());
            assertEquals(DataType.FLOAT, got.dataType(), "∂loss/∂" + e.getKey() + "'s type");
            assertClose("∂loss/∂" + e.getKey(), e.getValue(), got, 1e-6);
        }
    }

    @Test
    void anIdOutsideTheVocabularyIsRefusedByName() {
        var model = new FusedCharModel(CharModelParams.init(4, 2, 3, 1, DataType.DOUBLE));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> model.lossAndGradients(new int[] {0, 4}, new int[] {1, 2}, 1, 2, zeros(1, 3), zeros(1, 3)));
        assertEquals("inputs[1] must be a character id in 0 … V−1 = 3 but is 4", e.getMessage());
    }

    private static LstmParams inFloat(LstmParams p) {
        INDArray[] a =
                p.named().values().stream().map(v -> v.castTo(DataType.FLOAT)).toArray(INDArray[]::new);
        return new LstmParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }

    private static INDArray zeros(int rows, int cols) {
        return Nd4j.zeros(DataType.DOUBLE, rows, cols);
    }
}
