package org.lstmlab.grade.child;

import java.util.Arrays;

/**
 * A plain float64 array with its shape: what crosses the boundary between the grader and the JVM
 * that runs a submission. Only numbers cross, never objects, so a returned object cannot lie about
 * itself through {@code equals} or {@code toString}.
 *
 * @param shape the sizes, e.g. {@code [B, H]}
 * @param data  the values in row-major (C) order
 */
public record Tensor(long[] shape, double[] data) {

    public Tensor {
        long n = 1;
        for (long s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + n + " values but " + data.length + " came");
        }
    }

    /** A vector of the given values, shape {@code [n]}. */
    public static Tensor vector(double... values) {
        return new Tensor(new long[] {values.length}, values.clone());
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** The shape as the course writes it, e.g. {@code [2, 4]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }
}
