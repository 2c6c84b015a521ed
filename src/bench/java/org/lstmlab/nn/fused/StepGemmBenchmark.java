package org.lstmlab.nn.fused;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
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
 * One step's product of the fused LSTM, on {@link JavaGemm} against OpenBLAS, at the exact shapes, transposes and
 * strides the fused pass uses: forward z_t = [h_{t-1}, x_t]·Wᵀ, [B, H+X]×[H+X, 4H]; backward ∂L/∂h_{t-1} =
 * ∂L/∂z_t·W_h, [B, 4H]×[4H, H]. The OpenBLAS side includes what the pass then does with its result, the copy of it
 * from native memory into the Java array the gate maths reads; the Java side writes that array itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StepGemmBenchmark {
    @Param({"course", "larger"})
    public String size;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"forward", "backward"})
    public String direction;

    @Param({"java", "openblas"})
    public String impl;

    private int batch, hidden, row, g;
    private boolean forward, java, f32;
    private double[] a64, w64, wT64, c64;
    private float[] a32, w32, wT32, c32;
    private NativeBuffer a, w, c;

    @Setup
    public void setUp() {
        // Sizes.course and Sizes.larger (org.lstmlab.bench): B, X, H
        boolean course = size.equals("course");
        DataType type = dtype.equals("float32") ? DataType.FLOAT : DataType.DOUBLE;
        batch = course ? 32 : 64;
        hidden = course ? 64 : 256;
        row = hidden + (course ? 8 : 128);
        g = 4 * hidden;
        forward = direction.equals("forward");
        java = impl.equals("java");
        f32 = type == DataType.FLOAT;
        int aLen = forward ? batch * row : batch * g, cLen = forward ? batch * g : batch * hidden;
        Random random = new Random(42);
        a64 = random.doubles(aLen, -1, 1).toArray();
        w64 = random.doubles((long) g * row, -1, 1).toArray();
        wT64 = new double[w64.length];
        for (int r = 0; r < g; r++) for (int q = 0; q < row; q++) wT64[q * g + r] = w64[r * row + q];
        c64 = new double[cLen];
        a32 = new float[aLen];
        w32 = new float[w64.length];
        wT32 = new float[w64.length];
        c32 = new float[cLen];
        for (int i = 0; i < aLen; i++) a32[i] = (float) a64[i];
        for (int i = 0; i < w64.length; i++) w32[i] = (float) w64[i];
        for (int i = 0; i < w64.length; i++) wT32[i] = (float) wT64[i];
        a = NativeBuffer.of(Nd4j.create(type, aLen));
        w = NativeBuffer.of(Nd4j.create(type, w64.length));
        c = NativeBuffer.of(Nd4j.create(type, cLen));
        a.put(0, a64, 0, aLen);
        w.put(0, w64, 0, w64.length);
    }

    @Benchmark
    public Object step() {
        if (java) {
            if (f32) {
                if (forward) JavaGemm.multiply(batch, g, row, a32, 0, row, wT32, 0, g, c32, 0, g, false);
                else JavaGemm.multiply(batch, hidden, g, a32, 0, g, w32, 0, row, c32, 0, hidden, false);
                return c32;
            }
            if (forward) JavaGemm.multiply(batch, g, row, a64, 0, row, wT64, 0, g, c64, 0, g, false);
            else JavaGemm.multiply(batch, hidden, g, a64, 0, g, w64, 0, row, c64, 0, hidden, false);
            return c64;
        }
        if (forward) NativeBuffer.gemm(false, true, batch, g, row, a, 0, row, w, 0, row, 0, c, 0, g);
        else NativeBuffer.gemm(false, false, batch, hidden, g, a, 0, g, w, 0, row, 0, c, 0, hidden);
        if (f32) {
            ((NativeBuffer.F32) c).get(0, c32, 0, c32.length);
            return c32;
        }
        c.get(0, c64, 0, c64.length);
        return c64;
    }
}
