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
 * This machine's GEMM peak, the yardstick of the benchmark table: one large square product
 * {@code [N, N]×[N, N]} straight through the OpenBLAS {@code cblas_?gemm} that the fused LSTM calls, on
 * ND4J's native memory, with the benchmark's number of threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmPeakBenchmark {
    /** N: large enough that packing and call overhead vanish, small enough for a few calls per second. */
    static final int N = 1024;

    @Param({"float64", "float32"})
    public String dtype;

    private INDArray a;
    private INDArray b;
    private INDArray c;

    @Setup
    public void setUp() {
        DataType type = Sizes.type(dtype);
        a = Nd4j.rand(type, N, N);
        b = Nd4j.rand(type, N, N);
        c = Nd4j.create(type, N, N);
    }

    /** Multiply-adds ×2 of one call. */
    static double flops() {
        return 2.0 * N * N * N;
    }

    @Benchmark
    public INDArray gemm() {
        int rowMajor = openblas_nolapack.CblasRowMajor, no = openblas_nolapack.CblasNoTrans;
        if (a.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(
                    rowMajor,
                    no,
                    no,
                    N,
                    N,
                    N,
                    1.0,
                    new DoublePointer(a.data().addressPointer()),
                    N,
                    new DoublePointer(b.data().addressPointer()),
                    N,
                    0.0,
                    new DoublePointer(c.data().addressPointer()),
                    N);
        } else {
            openblas_nolapack.cblas_sgemm(
                    rowMajor,
                    no,
                    no,
                    N,
                    N,
                    N,
                    1.0f,
                    new FloatPointer(a.data().addressPointer()),
                    N,
                    new FloatPointer(b.data().addressPointer()),
                    N,
                    0.0f,
                    new FloatPointer(c.data().addressPointer()),
                    N);
        }
        return c;
    }
}
