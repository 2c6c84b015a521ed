package org.lstmlab.bench;

import java.util.concurrent.TimeUnit;
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
 * {@code [N, N]×[N, N]} through {@code Nd4j.gemm}, which at this size is all OpenBLAS's own kernel (the
 * same library the fused LSTM calls) with the benchmark's number of threads.
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
        return Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
}
