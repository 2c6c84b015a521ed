package org.lstmlab.bench;

import java.util.concurrent.TimeUnit;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.fused.FusedRnn;
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
 * One vanilla RNN layer, loss = the sum of all outputs (so ∂L/∂h_t = 1), forward+backward as a training step
 * does it, for the readable {@link RnnCell} and the {@link FusedRnn} on the same parameters and inputs; the
 * fused h_t is checked against the readable cell's before timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RnnBenchmark {
    @Param({"tiny", "course", "larger"})
    public String size;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"readable", "fused"})
    public String impl;

    private RecurrentLayer layer;
    private INDArray xs;
    private INDArray dHs;

    @Setup
    public void setUp() {
        Sizes s = Sizes.valueOf(size);
        DataType type = Sizes.type(dtype);
        RnnParams params = RnnParams.init(s.input, s.hidden, Init.UNIFORM, 42, type);
        xs = Nd4j.rand(DataType.DOUBLE, s.batch, s.steps, s.input).subi(0.5).castTo(type); // [B, T, X]
        INDArray expected = new RnnCell(params).run(xs).hs(); // [B, T, H]
        layer = switch (impl) {
            case "readable" -> new RnnCell(params);
            case "fused" -> new FusedRnn(params);
            default -> throw new IllegalArgumentException("impl must be readable or fused but is " + impl);
        };
        double diff = layer.run(xs)
                .hs()
                .castTo(DataType.DOUBLE)
                .sub(expected.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
        if (!(diff <= (type == DataType.DOUBLE ? 1e-10 : 1e-4))) {
            throw new IllegalStateException(impl + " computes a different RNN: h_t differs from RnnCell by " + diff);
        }
        dHs = Nd4j.onesLike(expected);
    }

    /** A training step's layer work: forward, ∂L/∂θ, then the pass released as {@code SequenceRegressor} does. */
    @Benchmark
    public Object forwardBackward() {
        RecurrentLayer.SequencePass pass = layer.run(xs);
        var gradients = layer.parameterGradients(pass, dHs);
        pass.release();
        return gradients;
    }
}
