package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
