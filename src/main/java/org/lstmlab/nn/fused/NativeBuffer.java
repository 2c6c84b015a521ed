package org.lstmlab.nn.fused;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense ND4J array seen from Java as flat storage: bulk copies to and from {@code double[]} or, for a
 * float array, {@code float[]} (the fused kernels compute in the stored precision), and GEMM straight on
 * the native memory through the OpenBLAS that ND4J itself calls, without ND4J's per-op overhead.
 */
abstract sealed class NativeBuffer permits NativeBuffer.F64, NativeBuffer.F32 {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    /** Keeps the native memory alive while this view exists. */
    final INDArray array;

    private NativeBuffer(INDArray array) {
        this.array = array;
    }

    /** A view of a dense row-major array (not a view with an offset: {@link #dense} first). */
    static NativeBuffer of(INDArray array) {
        if (array.isView() || array.ordering() != 'c') {
            throw new IllegalStateException("internal: NativeBuffer needs a dense row-major array");
        }
        return from(array);
    }

    /**
     * The storage that starts at {@code first}'s first element and runs to the end of its buffer: for the
     * first row block of a stacked array, the whole stack.
     */
    static NativeBuffer from(INDArray first) {
        return switch (first.dataType()) {
            case DOUBLE -> new F64(first);
            case FLOAT -> new F32(first);
            default ->
                throw new IllegalArgumentException(
                        "the fused LSTM computes in DOUBLE or FLOAT, not " + first.dataType());
        };
    }

    /** The same values as a dense row-major array: {@code a} itself when it already is one. */
    static INDArray dense(INDArray a) {
        return a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
    }

    /**
     * A new array holding {@code values}, copied in bulk ({@code Nd4j.create(double[], …)} stores element by
     * element, which costs as much as the LSTM's arithmetic at the course size).
     */
    static INDArray array(double[] values, DataType type, long... shape) {
        return array(values, 0, type, shape);
    }

    /** As {@link #array(double[], DataType, long...)}, from {@code values[from…]}. */
    static INDArray array(double[] values, int from, DataType type, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, 'c');
        of(a).put(0, values, from, Math.toIntExact(a.length()));
        return a;
    }

    /** A new FLOAT array holding {@code values[from…]}, copied in bulk. */
    static INDArray array(float[] values, int from, long... shape) {
        INDArray a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        ((F32) of(a)).put(0, values, from, Math.toIntExact(a.length()));
        return a;
    }

    /** Copies {@code len} elements from index {@code from} into {@code dst[off…]}. */
    abstract void get(int from, double[] dst, int off, int len);

    /** Copies {@code src[off…off+len)} to index {@code to}. */
    abstract void put(int to, double[] src, int off, int len);

    /**
     * {@code C[c…] = A·B + beta·C} on row-major blocks starting at the given element indices; {@code transA}
     * and {@code transB} read A and B transposed. All three buffers must hold the same type.
     */
    static void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            NativeBuffer a,
            int aAt,
            int lda,
            NativeBuffer b,
            int bAt,
            int ldb,
            double beta,
            NativeBuffer c,
            int cAt,
            int ldc) {
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        if (c instanceof F64 c64) {
            openblas_nolapack.cblas_dgemm(
                    ROW_MAJOR,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1.0,
                    ((F64) a).at(aAt),
                    lda,
                    ((F64) b).at(bAt),
                    ldb,
                    beta,
                    c64.at(cAt),
                    ldc);
        } else {
            openblas_nolapack.cblas_sgemm(
                    ROW_MAJOR,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1.0f,
                    ((F32) a).at(aAt),
                    lda,
                    ((F32) b).at(bAt),
                    ldb,
                    (float) beta,
                    ((F32) c).at(cAt),
                    ldc);
        }
    }

    static final class F64 extends NativeBuffer {
        private final DoublePointer base;
        private final DoubleBuffer values;

        F64(INDArray array) {
            super(array);
            this.base = new DoublePointer(array.data().addressPointer());
            this.values = array.data().asNioDouble();
        }

        DoublePointer at(int index) {
            return new DoublePointer(base).position(index);
        }

        @Override
        void get(int from, double[] dst, int off, int len) {
            values.get(from, dst, off, len);
        }

        @Override
        void put(int to, double[] src, int off, int len) {
            values.put(to, src, off, len);
        }
    }

    static final class F32 extends NativeBuffer {
        private final FloatPointer base;
        private final FloatBuffer values;
        private float[] scratch = new float[0];

        F32(INDArray array) {
            super(array);
            this.base = new FloatPointer(array.data().addressPointer());
            this.values = array.data().asNioFloat();
        }

        FloatPointer at(int index) {
            return new FloatPointer(base).position(index);
        }

        /** Copies {@code len} elements from index {@code from} into {@code dst[off…]}. */
        void get(int from, float[] dst, int off, int len) {
            values.get(from, dst, off, len);
        }

        /** Copies {@code src[off…off+len)} to index {@code to}. */
        void put(int to, float[] src, int off, int len) {
            values.put(to, src, off, len);
        }

        @Override
        void get(int from, double[] dst, int off, int len) {
            float[] s = scratch(len);
            values.get(from, s, 0, len);
            for (int k = 0; k < len; k++) dst[off + k] = s[k];
        }

        @Override
        void put(int to, double[] src, int off, int len) {
            float[] s = scratch(len);
            for (int k = 0; k < len; k++) s[k] = (float) src[off + k];
            values.put(to, s, 0, len);
        }

        private float[] scratch(int len) {
            if (scratch.length < len) scratch = new float[len];
            return scratch;
        }
    }
}
