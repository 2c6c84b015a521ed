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
 * ND4J's own GEMM throughput on the LSTM's shapes: one step's {@code [B, H]×[H, 4H]} and the whole
 * sequence's {@code [B·T, H+X]×[H+X, 4H]}, through {@code Nd4j.gemm} into a preallocated result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark {
    @Param({"tiny", "course", "larger"})
    public String size;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"step", "sequence"})
    public String shape;

    private INDArray a;
    private INDArray b;
    private INDArray c;

    @Setup
    public void setUp() {
        Sizes s = Sizes.valueOf(size);
        DataType type = Sizes.type(dtype);
        long rows = shape.equals("step") ? s.batch : (long) s.batch * s.steps;
        long inner = shape.equals("step") ? s.hidden : s.hidden + s.input;
        a = Nd4j.rand(type, rows, inner);
        b = Nd4j.rand(type, inner, 4L * s.hidden);
        c = Nd4j.create(type, rows, 4L * s.hidden);
    }

    /** Multiply-adds ×2 of one call. */
    static double flops(Sizes s, String shape) {
        return shape.equals("step") ? 2.0 * s.batch * s.hidden * 4.0 * s.hidden : s.forwardFlops();
    }

    @Benchmark
    public INDArray gemm() {
        return Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
}
