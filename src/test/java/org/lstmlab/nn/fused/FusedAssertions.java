package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lstmlab.nn.RecurrentLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded inputs and the fused-against-readable comparison the fused cells' tests share. */
final class FusedAssertions {
    private FusedAssertions() {}

    /** Uniform in [-scale, scale), seeded, independent of ND4J's global random state. */
    static INDArray random(long seed, double scale, DataType type, long... shape) {
        var rnd = new java.util.SplittableRandom(seed);
        long n = 1;
        for (long d : shape) n *= d;
        double[] v = new double[Math.toIntExact(n)];
        for (int k = 0; k < v.length; k++) v[k] = (2 * rnd.nextDouble() - 1) * scale;
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        assertArrayEquals(b.shape(), a.shape(), "shapes");
        return a.castTo(DataType.DOUBLE)
                .sub(b.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
    }

    static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        double diff = maxAbsDiff(actual, expected);
        assertTrue(diff <= tolerance, what + ": fused and readable differ by " + diff + " > " + tolerance);
    }

    /** The same parameter gradients under the same names, in the same order, each within the tolerance. */
    static void assertSameGradients(Map<String, INDArray> expected, Map<String, INDArray> actual, double tolerance) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        for (String name : expected.keySet()) {
            assertClose("∂L/∂" + name, expected.get(name), actual.get(name), tolerance);
        }
    }

    /**
     * Through {@link RecurrentLayer} alone, the fused layer is the readable one: the same sizes, data type and
     * parameter names, the same h_t from a zero state, and the same gradients, each shaped like its parameter.
     */
    static void assertSameLayer(RecurrentLayer slow, RecurrentLayer fast, INDArray xs, INDArray dHs, double tolerance) {
        assertEquals(slow.inputSize(), fast.inputSize());
        assertEquals(slow.hiddenSize(), fast.hiddenSize());
        assertEquals(slow.dataType(), fast.dataType());
        assertEquals(
                List.copyOf(slow.parameters().keySet()),
                List.copyOf(fast.parameters().keySet()));
        assertClose("h_t from zero state", slow.run(xs).hs(), fast.run(xs).hs(), tolerance);
        Map<String, INDArray> expected = slow.parameterGradients(slow.run(xs), dHs);
        Map<String, INDArray> actual = fast.parameterGradients(fast.run(xs), dHs);
        assertSameGradients(expected, actual, tolerance);
        for (String name : actual.keySet()) {
            assertArrayEquals(
                    fast.parameters().get(name).shape(), actual.get(name).shape(), name);
        }
    }

    /** A fused layer's own {@code backwardSequence}, with its own kind of pass. */
    @FunctionalInterface
    interface Backward<L, P> {
        void of(L layer, P pass, INDArray dHs);
    }

    /**
     * Only a fused layer's latest pass is taken back: a pass a later run of the same layer overwrote is refused with
     * {@code overwritten} in its message, so is the pass of another layer on the same parameters, and a readable
     * cell's pass is refused by name ({@code wrongPass}).
     */
    @SuppressWarnings("unchecked")
    static <L extends RecurrentLayer, P extends RecurrentLayer.SequencePass> void assertOnlyItsLatestPassIsTaken(
            Supplier<L> layer,
            Backward<L, P> backward,
            RecurrentLayer readable,
            INDArray xs,
            INDArray dHs,
            String overwritten,
            String wrongPass) {
        L fused = layer.get();
        P first = (P) fused.run(xs);
        fused.run(xs);
        var e = assertThrows(IllegalStateException.class, () -> backward.of(fused, first, dHs));
        assertTrue(e.getMessage().contains(overwritten), e.getMessage());
        L other = layer.get();
        assertThrows(IllegalArgumentException.class, () -> backward.of(other, (P) fused.run(xs), dHs));
        var readablePass = readable.run(xs);
        var wrong = assertThrows(IllegalArgumentException.class, () -> fused.parameterGradients(readablePass, dHs));
        assertEquals(wrongPass, wrong.getMessage());
    }

    /**
     * A released pass gives its h_1 … h_T back and refuses to be used again: the layer's next run writes every
     * element of the same array, and the run after that, whose predecessor was not released, gets a new one.
     *
     * @param released given the pass before it is released, the layer's own checks for after its release
     * @param reused   the layer's own checks of the next run's pass, the one that took the array back
     */
    @SuppressWarnings("unchecked")
    static <L extends RecurrentLayer, P extends RecurrentLayer.SequencePass> void assertAReleasedPassGivesItsStatesBack(
            L fused,
            Backward<L, P> backward,
            INDArray xs,
            INDArray dHs,
            Function<P, Runnable> released,
            Consumer<P> reused) {
        P pass = (P) fused.run(xs);
        INDArray expected = pass.hs().dup();
        INDArray hs = pass.hs();
        Runnable afterRelease = released.apply(pass);
        hs.assign(-7); // the next run must write every element of the array it takes back
        pass.release();
        pass.release(); // twice is harmless
        assertThrows(IllegalStateException.class, pass::hs);
        afterRelease.run();
        var e = assertThrows(IllegalStateException.class, () -> backward.of(fused, pass, dHs));
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        P again = (P) fused.run(xs);
        assertSame(hs, again.hs(), "the released h_1 … h_T is reused");
        assertClose("h_t after a released pass", expected, again.hs(), 0);
        reused.accept(again);
        assertNotSame(hs, fused.run(xs).hs(), "a pass not released keeps its h_1 … h_T");
    }

    /**
     * The shapes every fused layer names in course symbols, for a layer of X = 3 and H = 4: a wrong x, a wrong
     * ∂L/∂h and a sequence without steps.
     */
    @SuppressWarnings("unchecked")
    static <L extends RecurrentLayer, P extends RecurrentLayer.SequencePass> void assertBadSequencesAreNamed(
            L fused, Backward<L, P> backward) {
        var x = assertThrows(IllegalArgumentException.class, () -> fused.run(Nd4j.zeros(DataType.DOUBLE, 2, 5, 6)));
        assertEquals("x must be [B, T, X] = [2, 5, 3] but is [2, 5, 6]", x.getMessage());
        P run = (P) fused.run(Nd4j.zeros(DataType.DOUBLE, 2, 5, 3));
        var dh = assertThrows(
                IllegalArgumentException.class, () -> backward.of(fused, run, Nd4j.zeros(DataType.DOUBLE, 2, 4, 4)));
        assertEquals("∂L/∂h must be [B, T, H] = [2, 5, 4] but is [2, 4, 4]", dh.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> fused.run(Nd4j.zeros(DataType.DOUBLE, 2, 0, 3)));
        assertTrue(empty.getMessage().contains("T ≥ 1"), empty.getMessage());
    }

    /**
     * An optimiser's step, written into the fused layer's live parameters, reaches its next run: after one SGD step
     * it gives what a readable cell built on the same (now updated) arrays gives, to 1e-12.
     *
     * @param readable a readable cell on the fused layer's parameter arrays, made after the step
     */
    static void assertAnSgdStepIsSeen(
            RecurrentLayer fused, Supplier<RecurrentLayer> readable, INDArray xs, INDArray dHs, String what) {
        INDArray before = fused.run(xs).hs().dup();
        Map<String, INDArray> grads = fused.parameterGradients(fused.run(xs), dHs);
        for (var e : fused.parameters().entrySet())
            e.getValue().subi(grads.get(e.getKey()).mul(0.1)); // one SGD step
        INDArray after = fused.run(xs).hs();
        assertNotEquals(0.0, maxAbsDiff(after, before), "the step changed nothing");
        assertClose(what, readable.get().run(xs).hs(), after, 1e-12);
    }
}
