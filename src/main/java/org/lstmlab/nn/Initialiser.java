package org.lstmlab.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Draws seeded uniform arrays, independent of ND4J's global random state so one seed gives one set of weights. */
final class Initialiser {
    private final SplittableRandom random;
    private final DataType dataType;

    Initialiser(long seed, DataType dataType) {
        this.random = new SplittableRandom(seed);
        this.dataType = dataType;
    }

    /** A new array of the given shape, uniform in [-limit, limit). */
    INDArray uniform(double limit, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        double[] values = new double[Math.toIntExact(n)];
        for (int k = 0; k < values.length; k++) values[k] = (2 * random.nextDouble() - 1) * limit;
        return Nd4j.create(values, shape, DataType.DOUBLE).castTo(dataType);
    }

    /** The weight limit for an [H, H+X] gate matrix. */
    static double weightLimit(Init init, long hidden, long input) {
        return switch (init) {
            case UNIFORM -> 1 / Math.sqrt(hidden);
            case XAVIER -> Math.sqrt(6.0 / (hidden + input + hidden));
        };
    }

    /** The bias limit: PyTorch's rule for UNIFORM, zero for XAVIER. */
    static double biasLimit(Init init, long hidden) {
        return init == Init.UNIFORM ? 1 / Math.sqrt(hidden) : 0;
    }
}
