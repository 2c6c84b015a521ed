package org.lstmlab.nn;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test inputs, independent of ND4J's global random state. */
public final class TestArrays {
    private TestArrays() {}

    /** Standard normal values of the given shape, DOUBLE, the same for the same seed. */
    public static INDArray normal(long seed, long... shape) {
        Random random = new Random(seed);
        long n = 1;
        for (long d : shape) n *= d;
        double[] v = new double[Math.toIntExact(n)];
        for (int k = 0; k < v.length; k++) v[k] = random.nextGaussian();
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }
}
