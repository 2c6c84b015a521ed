package org.lstmlab.bench;

import java.util.concurrent.TimeUnit;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.fused.FusedLstm;
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
 * One LSTM layer, loss = the sum of all outputs (so ∂L/∂h_t = 1), forward and forward+backward, for the
 * readable {@link LstmCell}, the {@link FusedLstm} and DL4J's LSTM layer on the same parameters and inputs.
 * Before timing, every implementation's h_t is checked against the readable cell's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LstmBenchmark {
    @Param({"tiny", "course", "larger"})
    public String size;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"readable", "fused", "dl4j"})
    public String impl;

    private RecurrentLayer layer;
    private Dl4jLstm dl4j;
    private INDArray xs;
    private INDArray dHs;

    @Setup
    public void setUp() {
        Sizes s = Sizes.valueOf(size);
        DataType type = Sizes.type(dtype);
        LstmParams params = LstmParams.init(s.input, s.hidden, Init.UNIFORM, 1.0, 42, type);
        xs = Nd4j.rand(DataType.DOUBLE, s.batch, s.steps, s.input).subi(0.5).castTo(type); // [B, T, X]
        INDArray expected = new LstmCell(params).run(xs).hs(); // [B, T, H]
        INDArray actual;
        switch (impl) {
            case "readable" -> {
                layer = new LstmCell(params);
                actual = layer.run(xs).hs();
            }
            case "fused" -> {
                layer = new FusedLstm(FusedLstm.stacked(params));
                actual = layer.run(xs).hs();
            }
            case "dl4j" -> {
                dl4j = new Dl4jLstm(params);
                xs = Dl4jLstm.layout(xs); // [B, X, T]
                actual = dl4j.forward(xs).permute(0, 2, 1);
            }
            default -> throw new IllegalArgumentException("impl must be readable, fused or dl4j but is " + impl);
        }
        double diff = actual.castTo(DataType.DOUBLE)
                .sub(expected.castTo(DataType.DOUBLE))
                .amaxNumber()
                .doubleValue();
        double tolerance = type == DataType.DOUBLE ? 1e-10 : 1e-4;
        if (!(diff <= tolerance)) {
            throw new IllegalStateException(
                    impl + " computes a different LSTM: h_t differs from the readable cell by " + diff);
        }
        dHs = impl.equals("dl4j") ? Dl4jLstm.ones(actual.permute(0, 2, 1)) : Nd4j.onesLike(expected);
    }

    @Benchmark
    public Object forward() {
        return dl4j != null ? dl4j.forward(xs) : layer.run(xs);
    }

    @Benchmark
    public Object forwardBackward() {
        if (dl4j != null) return dl4j.forwardBackward(xs, dHs);
        return layer.parameterGradients(layer.run(xs), dHs);
    }
}
