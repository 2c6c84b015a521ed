package org.lstmlab.grade.sandbox.child;

import java.util.Arrays;
import java.util.Map;

/**
 * What crosses between the grader and the child JVM that runs a submission: numbers, and names for
 * them. Never an object of the student's: a returned array that lies about itself through
 * {@code equals} or {@code toString} arrives here as its plain values.
 */
public sealed interface Value permits Value.Num, Value.Tensor, Value.Doubles, Value.Dict, Value.Struct {

    /** A number: a {@code double}, {@code int} or {@code long} argument or result. */
    record Num(double value) implements Value {}

    /**
     * An ND4J array, always float64 on the wire.
     *
     * @param shape the sizes, e.g. {@code [B, H]}
     * @param data the values in row-major (C) order
     */
    record Tensor(long[] shape, double[] data) implements Value {
        public Tensor {
            long n = 1;
            for (long s : shape) {
                if (s < 0) {
                    throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
                }
                n *= s;
            }
            if (n != data.length) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " holds " + n + " values but " + data.length + " came");
            }
        }
    }

    /** A Java {@code double[]}. */
    record Doubles(double[] values) implements Value {}

    /** A {@code Map<String, …>}, in the map's order. */
    record Dict(Map<String, Value> entries) implements Value {}

    /**
     * A record, component by component.
     *
     * @param type the record's simple name, for messages only
     * @param fields its components by name, in declaration order
     */
    record Struct(String type, Map<String, Value> fields) implements Value {}
}
