package org.lstmlab.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An array's elements read and written in bulk as one run of its storage, in row-major order, so that the
 * training step's small sums and updates run as plain Java loops instead of one ND4J call each (12–40 µs a
 * call at the course size, more than the arithmetic). DOUBLE and FLOAT arrays; views are read in place when
 * their elements are one contiguous row-major run ({@link #isFlat}, as every parameter and gradient of the
 * course's models is), others through a copy. The values travel as doubles (a FLOAT array's values widen
 * exactly and are rounded once on the way back).
 */
final class Flat {
    private Flat() {}

    /** Whether {@link #get} and {@link #put} read and write {@code a} in place: DOUBLE or FLOAT, one row-major run. */
    static boolean isFlat(INDArray a) {
        if (a == null || a.isEmpty()) return false;
        DataType type = a.dataType();
        if (type != DataType.DOUBLE && type != DataType.FLOAT) return false;
        return a.length() == 1 || (a.ordering() == 'c' && a.elementWiseStride() == 1);
    }

    /** The elements of {@code a} into {@code dst[0 … n)}, n = a.length(). */
    static void get(INDArray a, double[] dst) {
        if (!isFlat(a)) a = a.castTo(DataType.DOUBLE).dup('c');
        get(a, 0, dst, 0, Math.toIntExact(a.length()));
    }

    /** Elements {@code from … from + len} of a {@link #isFlat} array, in row-major order, into {@code dst[off …]}. */
    static void get(INDArray a, long from, double[] dst, int off, int len) {
        int at = Math.toIntExact(a.offset() + from); // the storage's NIO view starts at the buffer's first element
        if (a.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().get(at, dst, off, len);
        } else {
            var values = a.data().asNioFloat();
            for (int k = 0; k < len; k++) dst[off + k] = values.get(at + k);
        }
    }

    /** {@code src[0 … n)} into the elements of {@code a}, n = a.length(), rounded to float for a FLOAT array. */
    static void put(INDArray a, double[] src) {
        if (!isFlat(a)) {
            a.assign(array(src, DataType.DOUBLE, a.shape()));
            return;
        }
        put(a, 0, src, 0, Math.toIntExact(a.length()));
    }

    /** {@code src[off … off + len)} into elements {@code from …} of a {@link #isFlat} array, in row-major order. */
    static void put(INDArray a, long from, double[] src, int off, int len) {
        int at = Math.toIntExact(a.offset() + from);
        if (a.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().put(at, src, off, len);
        } else {
            var values = a.data().asNioFloat();
            for (int k = 0; k < len; k++) values.put(at + k, (float) src[off + k]);
        }
    }

    /** A new row-major array of {@code type} and {@code shape} holding {@code values}. */
    static INDArray array(double[] values, DataType type, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        put(a, values);
        return a;
    }
}
