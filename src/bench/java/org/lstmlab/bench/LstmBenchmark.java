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

    /**
     * h_t for every step; its arrays are then released as {@code SequenceRegressor.predict} releases them (and as
     * PyTorch frees a tensor nothing refers to), so every implementation reuses memory rather than faulting in
     * fresh pages.
     */
    @Benchmark
    public Object forward() {
        if (dl4j != null) {
            INDArray hs = dl4j.forward(xs);
            double first = hs.getDouble(0);
            free(hs);
            return first;
        }
        RecurrentLayer.SequencePass pass = layer.run(xs);
        double first = pass.hs().getDouble(0);
        pass.release();
        return first;
    }

    /** A training step's layer work: forward, ∂L/∂θ, then the pass released as {@code SequenceRegressor} does. */
    @Benchmark
    public Object forwardBackward() {
        if (dl4j != null) {
            var gradients = dl4j.forwardBackward(xs, dHs);
            free(gradients.getSecond()); // ∂L/∂x, which the training loop does not use
            return gradients.getFirst();
        }
        RecurrentLayer.SequencePass pass = layer.run(xs);
        var gradients = layer.parameterGradients(pass, dHs);
        pass.release();
        return gradients;
    }

    private static void free(INDArray a) {
        if (a != null && a.closeable()) a.close();
    }
}
