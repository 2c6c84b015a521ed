package org.lstmlab.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded arrays uniform in [−limit, limit), independent of ND4J's global random state, so one seed
 * always gives the same numbers: the library's weights, readouts and loss weights all come from here.
 * Values are drawn in double precision and then stored in the requested type.
 *
 * <pre>{@code
 * var draw = new SeededUniform(42, DataType.DOUBLE);
 * INDArray wF = draw.next(0.5, 4, 7);                                 // [H, H+X], uniform in [−0.5, 0.5)
 * INDArray w = SeededUniform.draw(7, 1.0, DataType.DOUBLE, 2, 3, 4);   // one array, one seed
 * }</pre>
 */
public final class SeededUniform {
    private final SplittableRandom random;
    private final DataType dataType;

    /**
     * @param seed     the same seed gives the same sequence of arrays
     * @param dataType the type of the arrays returned (DOUBLE or FLOAT)
     */
    public SeededUniform(long seed, DataType dataType) {
        Shapes.requireParameterType(dataType);
        this.random = new SplittableRandom(seed);
        this.dataType = dataType;
    }

    /** One array with its own seed: {@code new SeededUniform(seed, dataType).next(limit, shape)}. */
    public static INDArray draw(long seed, double limit, DataType dataType, long... shape) {
        return new SeededUniform(seed, dataType).next(limit, shape);
    }

    /**
     * The next array of this sequence.
     *
     * @param limit the half-width of the range, ≥ 0
     * @param shape its shape, every size ≥ 1
     * @return a new array uniform in [−limit, limit)
     */
    public INDArray next(double limit, long... shape) {
        if (!(limit >= 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("the limit must be a finite number ≥ 0 but is " + limit);
        }
        long n = 1;
        for (long d : shape) {
            Shapes.requirePositive("every size of the shape " + java.util.Arrays.toString(shape), d);
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int k = 0; k < values.length; k++) values[k] = (2 * random.nextDouble() - 1) * limit;
        INDArray drawn = Nd4j.create(values, shape, DataType.DOUBLE);
        return dataType == DataType.DOUBLE ? drawn : drawn.castTo(dataType);
    }
}
