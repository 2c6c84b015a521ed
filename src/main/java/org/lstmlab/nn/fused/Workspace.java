package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one sequence length and batch size need, allocated once and reused by every run, and the
 * pass over them. Time-major: row {@code t·B + b} holds example b at step t, so a step's rows are one
 * contiguous block for its GEMM.
 *
 * <p>The GEMM operands live in ND4J's native memory, where OpenBLAS reads them; the element-wise work runs
 * on Java arrays of the parameters' own precision ({@link F64} and {@link F32} are the same code in double
 * and float). Each step is the course's equation as one GEMM, z_t = [h_{t-1}, x_t]·Wᵀ for all four gates
 * and the whole batch; backward, one GEMM per step for ∂L/∂h_{t-1} and, after the loop, one for ∂L/∂W of
 * every step and one for ∂L/∂x of every step. Per step that costs one bulk copy of z_t in and
 * [h_t, x_{t+1}] out forward, ∂L/∂z_t out and ∂L/∂h_{t-1} in backward, and a row per example of h_t out to the
 * returned h_1 … h_T and of ∂L/∂h_t in from the caller's array: neither is held whole in a Java array.
 */
abstract sealed class Workspace permits Workspace.F64, Workspace.F32 {
    final int batch;
    final int steps;
    final int hidden;
    final int input;
    final DataType type;
    long generation;
    /** [h_{t-1}, x_t] for every step, [T·B, H+X]: the left operand of the forward GEMMs and of ∂L/∂W. */
    final NativeBuffer hx;
    /** One step's gate pre-activations [h_{t-1}, x_t]·Wᵀ without the bias, [B, 4H], stacked order f, i, C, o. */
    final NativeBuffer z;
    /** ∂L/∂z_t for every step, [T·B, 4H]. */
    final NativeBuffer dz;
    /** ∂L/∂h_{t-1} from one step's GEMM, [B, H]. */
    final NativeBuffer dh;
    /** ∂L/∂x_t, [T·B, X]. */
    final NativeBuffer dx;
    /** ∂L/∂W, [4H, H+X]. */
    final NativeBuffer dW;
    /** The h_1 … h_T of a released pass ({@link FusedLstm.Pass#release}), [B, T, H]: the next run's output. */
    INDArray spareHs;

    private Workspace(int batch, int steps, int hidden, int input, DataType type) {
        this.batch = batch;
        this.steps = steps;
        this.hidden = hidden;
        this.input = input;
        this.type = type;
        long rows = (long) steps * batch;
        this.hx = NativeBuffer.of(Nd4j.create(type, rows * (hidden + input)));
        this.z = NativeBuffer.of(Nd4j.create(type, 4L * batch * hidden));
        this.dz = NativeBuffer.of(Nd4j.create(type, rows * 4 * hidden));
        this.dh = NativeBuffer.of(Nd4j.create(type, (long) batch * hidden));
        this.dx = NativeBuffer.of(Nd4j.create(type, rows * input));
        this.dW = NativeBuffer.of(Nd4j.create(type, 4L * hidden * (hidden + input)));
    }

    static Workspace of(int batch, int steps, int hidden, int input, DataType type) {
        return type == DataType.FLOAT ? new F32(batch, steps, hidden, input) : new F64(batch, steps, hidden, input);
    }

    final FusedLstm.Pass forward(FusedLstm layer, StackedWeights weights, INDArray xs, INDArray h0, INDArray c0) {
        final int g = 4 * hidden, row = hidden + input;
        // h_1 … h_T, [B, T, H], the pass's output, written a step at a time straight into native memory
        INDArray hs =
                spareHs != null ? spareHs : Nd4j.createUninitialized(type, new long[] {batch, steps, hidden}, 'c');
        spareHs = null;
        NativeBuffer out = NativeBuffer.of(hs);
        loadInputs(xs, h0, c0, weights);
        for (int t = 0; t < steps; t++) {
            // one GEMM for all four gates and the whole batch: z_t = [h_{t-1}, x_t]·Wᵀ, [B, 4H]
            NativeBuffer.gemm(false, true, batch, g, row, hx, t * batch * row, row, weights.w, 0, row, 0, z, 0, g);
            stepForward(t, out);
        }
        return new FusedLstm.Pass(layer, this, hs);
    }

    final LstmGrads backward(StackedWeights weights, INDArray dHs, boolean inputs) {
        final int rows = steps * batch, g = 4 * hidden, row = hidden + input;
        NativeBuffer upstream = NativeBuffer.of(dHs); // the caller's array, read a step at a time
        clearCarries();
        for (int t = steps - 1; t >= 0; t--) {
            stepBackward(t, upstream);
            if (t == 0 && !inputs) break;
            // ∂L/∂h_{t-1} = ∂L/∂z_t·W_h, one GEMM for all four gates, [B, H]
            NativeBuffer.gemm(
                    false, false, batch, hidden, g, dz, t * batch * g, g, weights.w, 0, row, 0, dh, 0, hidden);
            takeDh();
        }
        // the weight gradient of every step in one GEMM: ∂L/∂W = Σ_t ∂L/∂z_tᵀ·[h_{t-1}, x_t], [4H, H+X]
        NativeBuffer.gemm(true, false, g, row, rows, dz, 0, g, hx, 0, row, 0, dW, 0, row);
        if (inputs) {
            // ∂L/∂x_t = ∂L/∂z_t·W_x for every step in one GEMM, [T·B, X]
            NativeBuffer.gemm(false, false, rows, input, g, dz, 0, g, weights.w, hidden, row, 0, dx, 0, input);
        }
        return gradients(inputs);
    }

    /** x, h_0 (null: zeros) and C_0 (null: zeros) in; the first rows of {@link #hx}, [h_0, x_1], out. */
    abstract void loadInputs(INDArray xs, INDArray h0, INDArray c0, StackedWeights weights);

    /**
     * The gate maths of step t after its GEMM: z_t in, [h_t, x_{t+1}] out to the next rows of {@link #hx}, h_t
     * out to step t of {@code hs}, [B, T, H].
     */
    abstract void stepForward(int t, NativeBuffer hs);

    /** C_1 … C_T of the latest run, [B, T, H]. */
    abstract INDArray cellStates();

    /** Zero ∂L/∂h and ∂L/∂C from beyond step T, and ∂L/∂b. */
    abstract void clearCarries();

    /** Backward through the gate maths of step t, ∂L/∂h_t from the loss read from step t of {@code dHs}, [B, T, H]: ∂L/∂z_t out to {@link #dz}. */
    abstract void stepBackward(int t, NativeBuffer dHs);

    /** ∂L/∂h_{t-1} from {@link #dh} into the next (earlier) step's input. */
    abstract void takeDh();

    abstract LstmGrads gradients(boolean inputs);

    /** The double-precision pass. */
    static final class F64 extends Workspace {
        private final double[] xs; // [B, T, X]
        private final double[] hxStep; // one step of [h_{t-1}, x_t], [B, H+X]
        private final double[] zStep; // one step of z, [B, 4H]
        private final double[][][] gates; // f_t, i_t, o_t, C̃_t for every step, [T][4][B·H]
        private final double[][] bias; // b_f, b_i, b_o, b_C tiled, [4][B·H]
        private final double[][] c; // C_0 … C_T, [T+1][B·H]
        private final double[][] tanhC; // tanh(C_t), [T][B·H]
        private final double[] h; // one step of h, [B, H]
        private final double[] s; // scratch, [B·H]
        private final double[] w; // scratch, [B·H]
        private final double[] fromLoss; // one step of ∂L/∂h_t from the loss, then the whole ∂L/∂h_t, [B, H]
        private final double[] dhNext; // ∂L/∂h_t from step t+1, [B, H]
        private final double[] dcNext; // ∂L/∂C_t from step t+1, [B, H]
        private final double[][] dzGates; // one step of ∂L/∂z per gate, [4][B·H]
        private final double[] dzStep; // the same, [B, 4H]
        private final double[][] dbPerExample; // ∂L/∂b per gate and example, [4][B·H]
        private final double[] db; // ∂L/∂b, [4H]
        private final double[] dWValues; // [4H, H+X]
        private final double[] dxTime; // [T, B, X]
        private final double[] dxs; // [B, T, X]

        F64(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, DataType.DOUBLE);
            int bh = batch * hidden, nx = steps * batch * input;
            xs = new double[nx];
            hxStep = new double[batch * (hidden + input)];
            zStep = new double[4 * bh];
            gates = new double[steps][4][bh];
            bias = new double[4][bh];
            c = new double[steps + 1][bh];
            tanhC = new double[steps][bh];
            h = new double[bh];
            s = new double[bh];
            w = new double[bh];
            fromLoss = new double[bh];
            dhNext = new double[bh];
            dcNext = new double[bh];
            dzGates = new double[4][bh];
            dzStep = new double[4 * bh];
            dbPerExample = new double[4][bh];
            db = new double[4 * hidden];
            dWValues = new double[4 * hidden * (hidden + input)];
            dxTime = new double[nx];
            dxs = new double[nx];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            NativeBuffer.of(xsIn).get(0, xs, 0, xs.length);
            GateKernels.tileBias(weights.b, bias, batch, hidden);
            if (h0 == null) Arrays.fill(h, 0);
            else NativeBuffer.of(h0).get(0, h, 0, h.length);
            putHx(0); // [h_0, x_1]
            if (c0 == null) Arrays.fill(c[0], 0);
            else NativeBuffer.of(c0).get(0, c[0], 0, h.length); // C_0
        }

        /** [h, x_{t+1}] into step t's rows of {@link #hx}, h being h_t. */
        private void putHx(int t) {
            final int row = hidden + input;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(h, b * hidden, hxStep, b * row, hidden);
                System.arraycopy(xs, (b * steps + t) * input, hxStep, b * row + hidden, input);
            }
            hx.put(t * batch * row, hxStep, 0, hxStep.length);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            z.get(0, zStep, 0, zStep.length);
            GateKernels.split(zStep, gates[t], batch, hidden);
            GateKernels.forward(gates[t], bias, c[t], c[t + 1], tanhC[t], h, s, w);
            if (t + 1 < steps) putHx(t + 1); // [h_t, x_{t+1}] is step t+1's GEMM input
            for (int b = 0; b < batch; b++) hs.put((b * steps + t) * hidden, h, b * hidden, hidden);
        }

        @Override
        INDArray cellStates() {
            double[] cs = new double[steps * h.length];
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(c[t + 1], b * hidden, cs, (b * steps + t) * hidden, hidden);
                }
            }
            return NativeBuffer.array(cs, type, batch, steps, hidden);
        }

        @Override
        void clearCarries() {
            Arrays.fill(dhNext, 0);
            Arrays.fill(dcNext, 0);
            for (double[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            for (int b = 0; b < batch; b++) dHs.get((b * steps + t) * hidden, fromLoss, b * hidden, hidden);
            GateKernels.backward(gates[t], c[t], tanhC[t], fromLoss, dhNext, dcNext, s, dzGates, dbPerExample);
            GateKernels.join(dzGates, dzStep, batch, hidden);
            dz.put(t * 4 * batch * hidden, dzStep, 0, dzStep.length);
        }

        @Override
        void takeDh() {
            dh.get(0, dhNext, 0, dhNext.length);
        }

        @Override
        LstmGrads gradients(boolean inputs) {
            final int row = hidden + input;
            dW.get(0, dWValues, 0, dWValues.length);
            GateKernels.sumBias(dbPerExample, db, batch, hidden);
            // one array per course symbol: ND4J views would cost more than the whole pass at the tiny size
            INDArray[] wg = new INDArray[4];
            INDArray[] bg = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                wg[k] = NativeBuffer.array(dWValues, k * hidden * row, type, hidden, row);
                bg[k] = NativeBuffer.array(db, k * hidden, type, hidden);
            }
            LstmParams grads = new LstmParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], wg[3], bg[3]);
            if (!inputs) return new LstmGrads(grads, null, null, null);
            dx.get(0, dxTime, 0, dxTime.length);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxTime, (t * batch + b) * input, dxs, (b * steps + t) * input, input);
                }
            }
            return new LstmGrads(
                    grads,
                    NativeBuffer.array(dxs, type, batch, steps, input),
                    NativeBuffer.array(dhNext, type, batch, hidden),
                    NativeBuffer.array(dcNext, type, batch, hidden));
        }
    }

    /** The single-precision pass: {@link F64} line for line in float. */
    static final class F32 extends Workspace {
        private final float[] xs;
        private final float[] hxStep;
        private final float[] zStep;
        private final float[][][] gates;
        private final float[][] bias;
        private final float[][] c;
        private final float[][] tanhC;
        private final float[] h;
        private final float[] s;
        private final float[] w;
        private final float[] fromLoss;
        private final float[] dhNext;
        private final float[] dcNext;
        private final float[][] dzGates;
        private final float[] dzStep;
        private final float[][] dbPerExample;
        private final float[] db;
        private final float[] dWValues;
        private final float[] dxTime;
        private final float[] dxs;

        F32(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, DataType.FLOAT);
            int bh = batch * hidden, nx = steps * batch * input;
            xs = new float[nx];
            hxStep = new float[batch * (hidden + input)];
            zStep = new float[4 * bh];
            gates = new float[steps][4][bh];
            bias = new float[4][bh];
            c = new float[steps + 1][bh];
            tanhC = new float[steps][bh];
            h = new float[bh];
            s = new float[bh];
            w = new float[bh];
            fromLoss = new float[bh];
            dhNext = new float[bh];
            dcNext = new float[bh];
            dzGates = new float[4][bh];
            dzStep = new float[4 * bh];
            dbPerExample = new float[4][bh];
            db = new float[4 * hidden];
            dWValues = new float[4 * hidden * (hidden + input)];
            dxTime = new float[nx];
            dxs = new float[nx];
        }

        private static NativeBuffer.F32 f32(NativeBuffer buffer) {
            return (NativeBuffer.F32) buffer;
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            f32(NativeBuffer.of(xsIn)).get(0, xs, 0, xs.length);
            GateKernels.tileBias(weights.b32, bias, batch, hidden);
            if (h0 == null) Arrays.fill(h, 0);
            else f32(NativeBuffer.of(h0)).get(0, h, 0, h.length);
            putHx(0); // [h_0, x_1]
            if (c0 == null) Arrays.fill(c[0], 0);
            else f32(NativeBuffer.of(c0)).get(0, c[0], 0, h.length); // C_0
        }

        /** [h, x_{t+1}] into step t's rows of {@link #hx}, h being h_t. */
        private void putHx(int t) {
            final int row = hidden + input;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(h, b * hidden, hxStep, b * row, hidden);
                System.arraycopy(xs, (b * steps + t) * input, hxStep, b * row + hidden, input);
            }
            f32(hx).put(t * batch * row, hxStep, 0, hxStep.length);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            f32(z).get(0, zStep, 0, zStep.length);
            GateKernels.split(zStep, gates[t], batch, hidden);
            GateKernels.forward(gates[t], bias, c[t], c[t + 1], tanhC[t], h, s, w);
            if (t + 1 < steps) putHx(t + 1); // [h_t, x_{t+1}] is step t+1's GEMM input
            NativeBuffer.F32 out = f32(hs);
            for (int b = 0; b < batch; b++) out.put((b * steps + t) * hidden, h, b * hidden, hidden);
        }

        @Override
        INDArray cellStates() {
            float[] cs = new float[steps * h.length];
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(c[t + 1], b * hidden, cs, (b * steps + t) * hidden, hidden);
                }
            }
            return NativeBuffer.array(cs, 0, batch, steps, hidden);
        }

        @Override
        void clearCarries() {
            Arrays.fill(dhNext, 0);
            Arrays.fill(dcNext, 0);
            for (float[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            NativeBuffer.F32 fromLossAll = f32(dHs);
            for (int b = 0; b < batch; b++) fromLossAll.get((b * steps + t) * hidden, fromLoss, b * hidden, hidden);
            GateKernels.backward(gates[t], c[t], tanhC[t], fromLoss, dhNext, dcNext, s, dzGates, dbPerExample);
            GateKernels.join(dzGates, dzStep, batch, hidden);
            f32(dz).put(t * 4 * batch * hidden, dzStep, 0, dzStep.length);
        }

        @Override
        void takeDh() {
            f32(dh).get(0, dhNext, 0, dhNext.length);
        }

        @Override
        LstmGrads gradients(boolean inputs) {
            final int row = hidden + input;
            f32(dW).get(0, dWValues, 0, dWValues.length);
            GateKernels.sumBias(dbPerExample, db, batch, hidden);
            INDArray[] wg = new INDArray[4];
            INDArray[] bg = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                wg[k] = NativeBuffer.array(dWValues, k * hidden * row, hidden, row);
                bg[k] = NativeBuffer.array(db, k * hidden, hidden);
            }
            LstmParams grads = new LstmParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], wg[3], bg[3]);
            if (!inputs) return new LstmGrads(grads, null, null, null);
            f32(dx).get(0, dxTime, 0, dxTime.length);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxTime, (t * batch + b) * input, dxs, (b * steps + t) * input, input);
                }
            }
            return new LstmGrads(
                    grads,
                    NativeBuffer.array(dxs, 0, batch, steps, input),
                    NativeBuffer.array(dhNext, 0, batch, hidden),
                    NativeBuffer.array(dcNext, 0, batch, hidden));
        }
    }
}
