package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
