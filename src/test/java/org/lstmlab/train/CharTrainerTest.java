package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lstmlab.data.CharStreams;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.fused.FusedCharModel;
import org.nd4j.linalg.api.buffer.DataType;

class CharTrainerTest {
    private static int[] text(int n, int v) {
        var r = new SplittableRandom(4);
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) ids[k] = k % 3 == 0 ? 0 : r.nextInt(v); // every third character is 0
        return ids;
    }

    private static CharTrainer trainer(boolean carry) {
        var p = FusedCharModel.stacked(CharModelParams.init(6, 4, 5, 9, DataType.DOUBLE));
        return new CharTrainer(new FusedCharModel(p), new Adam(0.01), 1.0, carry);
    }

    @Test
    void theFirstChunkIsTheSameEitherWayAndTheSecondStartsFromTheCarriedState() {
        var streams = new CharStreams(text(200, 6), 2, 8);
        CharTrainer carried = trainer(true), reset = trainer(false);
        assertEquals(carried.step(streams.chunk(0)), reset.step(streams.chunk(0)), 0.0);
        assertNotEquals(carried.step(streams.chunk(1)), reset.step(streams.chunk(1)));
    }

    @Test
    void trainingOnAPatternLowersTheLossAndCountsCharacters() {
        var streams = new CharStreams(text(4000, 6), 4, 16);
        CharTrainer t = trainer(true);
        double first = t.epoch(streams, 5);
        for (int k = 0; k < 6; k++) t.epoch(streams);
        double[] losses = t.losses();
        assertTrue(losses[losses.length - 1] < first - 0.2, first + " → " + losses[losses.length - 1]);
        assertEquals(4L * 16 * losses.length, t.characters());
    }

    @Test
    void withOneChunkCarryingAndResettingReadTheSame() {
        int[] ids = text(33, 6);
        FusedCharModel model = trainer(true).model();
        assertArrayEquals(
                CharTrainer.bitsByPosition(model, ids, 32, true), CharTrainer.bitsByPosition(model, ids, 32, false));
        int[] longer = text(65, 6);
        assertNotEquals(
                CharTrainer.bitsPerChar(model, longer, 32, true), CharTrainer.bitsPerChar(model, longer, 32, false));
    }

    @Test
    void aStepIsTheModelsGradientClippedThenAdamAsSeparatePasses() {
        // the reference: the loss and gradient, GradientClipping.clipByGlobalNorm, Adam.step, one after another
        var streams = new CharStreams(text(600, 6), 3, 8);
        var lean = new CharTrainer(
                new FusedCharModel(FusedCharModel.stacked(CharModelParams.init(6, 4, 5, 9, DataType.DOUBLE))),
                new Adam(0.01),
                0.1,
                true);
        var p = FusedCharModel.stacked(CharModelParams.init(6, 4, 5, 9, DataType.DOUBLE));
        var model = new FusedCharModel(p);
        var adam = new Adam(0.01);
        var h = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 3, 5);
        var c = org.nd4j.linalg.factory.Nd4j.zeros(DataType.DOUBLE, 3, 5);
        for (int k = 0; k < 4; k++) {
            var chunk = streams.chunk(k);
            double bits = lean.step(chunk);
            var s = model.lossAndGradients(chunk.inputs(), chunk.targets(), 3, 8, h, c);
            var grads = s.grads().named();
            assertTrue(GradientClipping.clipByGlobalNorm(grads, 0.1) > 0.1, "the test should clip");
            adam.step(p.named(), grads);
            h = s.h();
            c = s.c();
            assertEquals(s.bitsPerChar(), bits, 1e-12, "the loss at step " + k);
            for (var e : p.named().entrySet()) {
                assertArrayEquals(
                        e.getValue().ravel().toDoubleVector(),
                        lean.model().params().named().get(e.getKey()).ravel().toDoubleVector(),
                        1e-12,
                        e.getKey() + " after step " + k);
            }
        }
    }
}
