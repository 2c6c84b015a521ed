package org.lstmlab.bench;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The GEMMs of one fused forward+backward pass and nothing else: the same {@code cblas_?gemm} calls on the
 * same shapes, transposes and strides as the fused path's training pass — T forward products
 * {@code z_t = [h_{t-1}, x_t]·Wᵀ}, T − 1 backward products {@code ∂L/∂h_{t-1} = ∂L/∂z_t·W_h} and one
 * {@code ∂L/∂W = ∂L/∂Zᵀ·[H_prev, X]} over every step — so the table can say how much of the fused path's time
 * is GEMM and how much is the rest (gate maths, copies, output arrays). A wall-clock split, unlike a sampling
 * profile, which sees native calls more reliably than JIT-compiled loops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FusedGemmsBenchmark {
    @Param({"tiny", "course", "larger"})
    public String size;

    @Param({"float64", "float32"})
    public String dtype;

    private int batch;
    private int steps;
    private int hidden;
    private int row;
    /** [h_{t-1}, x_t] of every step, [T·B, H+X]. */
    private INDArray hx;
    /** W = [W_f; W_i; W_C; W_o], [4H, H+X]. */
    private INDArray w;
    /** One step's z_t, [B, 4H]. */
    private INDArray z;
    /** ∂L/∂z_t of every step, [T·B, 4H]. */
    private INDArray dz;
    /** ∂L/∂h_{t-1}, [B, H]. */
    private INDArray dh;
    /** ∂L/∂W, [4H, H+X]. */
    private INDArray dW;

    @Setup
    public void setUp() {
        Sizes s = Sizes.valueOf(size);
        DataType type = Sizes.type(dtype);
        batch = s.batch;
        steps = s.steps;
        hidden = s.hidden;
        row = s.hidden + s.input;
        hx = Nd4j.rand(type, (long) steps * batch, row);
        w = Nd4j.rand(type, 4L * hidden, row);
        z = Nd4j.create(type, batch, 4L * hidden);
        dz = Nd4j.rand(type, (long) steps * batch, 4L * hidden);
        dh = Nd4j.create(type, batch, hidden);
        dW = Nd4j.create(type, 4L * hidden, row);
    }

    @Benchmark
    public INDArray gemms() {
        final int g = 4 * hidden, rows = steps * batch;
        for (int t = 0; t < steps; t++) {
            gemm(false, true, batch, g, row, hx, t * batch * row, row, w, 0, row, z, 0, g);
        }
        for (int t = steps - 1; t > 0; t--) {
            gemm(false, false, batch, hidden, g, dz, t * batch * g, g, w, 0, row, dh, 0, hidden);
        }
        gemm(true, false, g, row, rows, dz, 0, g, hx, 0, row, dW, 0, row);
        return dW;
    }

    private static void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            INDArray a,
            int aAt,
            int lda,
            INDArray b,
            int bAt,
            int ldb,
            INDArray c,
            int cAt,
            int ldc) {
        int order = openblas_nolapack.CblasRowMajor;
        int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (c.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(
                    order, ta, tb, m, n, k, 1.0, doubles(a, aAt), lda, doubles(b, bAt), ldb, 0.0, doubles(c, cAt), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(
                    order, ta, tb, m, n, k, 1.0f, floats(a, aAt), lda, floats(b, bAt), ldb, 0.0f, floats(c, cAt), ldc);
        }
    }

    private static DoublePointer doubles(INDArray a, int at) {
        return new DoublePointer(a.data().addressPointer()).position(at);
    }

    private static FloatPointer floats(INDArray a, int at) {
        return new FloatPointer(a.data().addressPointer()).position(at);
    }
}
