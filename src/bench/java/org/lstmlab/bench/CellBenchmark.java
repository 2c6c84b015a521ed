package org.lstmlab.bench;

import java.util.concurrent.TimeUnit;
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.fused.FusedGru;
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
 * One vanilla RNN layer or one GRU layer, loss = the sum of all outputs (so ∂L/∂h_t = 1), forward+backward as
 * a training step does it, for the readable cell ({@link RnnCell}, {@link GruCell}) and the fused one
 * ({@link FusedRnn}, {@link FusedGru}) on the same parameters and inputs; the fused h_t is checked against the
 * readable cell's before timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CellBenchmark {
    @Param({"rnn", "gru"})
    public String cell;

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
        xs = Nd4j.rand(DataType.DOUBLE, s.batch, s.steps, s.input).subi(0.5).castTo(type); // [B, T, X]
        RecurrentLayer readable;
        if (cell.equals("gru")) {
            GruParams params = FusedGru.stacked(GruParams.init(s.input, s.hidden, Init.UNIFORM, 42, type));
            readable = new GruCell(params);
            layer = impl.equals("fused") ? new FusedGru(params) : readable;
        } else {
            RnnParams params = RnnParams.init(s.input, s.hidden, Init.UNIFORM, 42, type);
            readable = new RnnCell(params);
            layer = impl.equals("fused") ? new FusedRnn(params) : readable;
        }
        if (!impl.equals("readable") && !impl.equals("fused")) {
            throw new IllegalArgumentException("impl must be readable or fused but is " + impl);
        }
        INDArray expected = readable.run(xs).hs(); // [B, T, H]
        double diff = layer.run(xs)
                .hs()
                .castTo(DataType.DOUBLE)
                .sub(expected.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
        if (!(diff <= (type == DataType.DOUBLE ? 1e-10 : 1e-4))) {
            throw new IllegalStateException(
                    impl + " computes a different " + cell + ": h_t differs from the readable cell by " + diff);
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
