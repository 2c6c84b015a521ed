package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmVariant;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The LSTM's part of a {@link Workspace}: the four gates' element-wise maths ({@link GateKernels}, for one
 * {@link LstmVariant}) between the shared GEMMs, every step's gates and cell state kept for the backward pass, and ∂L/∂C carried back.
 */
final class LstmWorkspace {
    private LstmWorkspace() {}

    /** The stacked W = [W_f; W_i; W_C; W_o] holds four row blocks of H. */
    static final int GATES = 4;

    static Workspace<LstmGrads> of(int batch, int steps, int hidden, int input, DataType type, LstmVariant variant) {
        return type == DataType.FLOAT
                ? new F32(batch, steps, hidden, input, variant)
                : new F64(batch, steps, hidden, input, variant);
    }

    /** C_1 … C_T of the latest run of {@code ws}, [B, T, H]. */
    static INDArray cellStates(Workspace<LstmGrads> ws) {
        return ws instanceof F64 f64 ? f64.cellStates() : ((F32) ws).cellStates();
    }

    /**
     * C_T of {@code pass}, {@code [B, H]}, straight from its workspace (no C_1 … C_T array): the state a chunk
     * hands to the next. Call it before the layer's next run.
     */
    @SuppressWarnings("unchecked")
    static INDArray lastCellState(FusedPass pass) {
        pass.requireNotReleased("C_T");
        Workspace<LstmGrads> ws = (Workspace<LstmGrads>) pass.workspace;
        if (ws.generation != pass.generation) {
            throw new IllegalStateException("this pass was overwritten by a later run of the same FusedLstm "
                    + "(it reuses its workspace): read C_T before the next run");
        }
        return ws instanceof F64 f64
                ? NativeBuffer.array(f64.c[ws.steps], ws.type, ws.batch, ws.hidden)
                : NativeBuffer.array(((F32) ws).c[ws.steps], 0, ws.batch, ws.hidden);
    }

    /** The double-precision pass. */
    static final class F64 extends Workspace.F64<LstmGrads> {
        private final LstmVariant variant;
        private final double[][][] gates; // f_t, i_t, o_t, C̃_t for every step, [T][4][B·H]
        private final double[][] bias; // b_f, b_i, b_o, b_C tiled, [4][B·H]
        private final double[][] c; // C_0 … C_T, [T+1][B·H]
        private final double[][] tanhC; // tanh(C_t), [T][B·H]
        private final double[] h; // one step of h, [B, H]
        private final double[] s; // scratch, [B·H]
        private final double[] w; // scratch, [B·H]
        private final double[] dcNext; // ∂L/∂C_t from step t+1, [B, H]
        private final double[][] dzGates; // one step of ∂L/∂z per gate, [4][B·H]
        private final double[][] dbPerExample; // ∂L/∂b per gate and example, [4][B·H]
        private final double[] db; // ∂L/∂b, [4H]

        F64(int batch, int steps, int hidden, int input, LstmVariant variant) {
            super(batch, steps, hidden, input, GATES);
            this.variant = variant;
            int bh = batch * hidden;
            gates = new double[steps][4][bh];
            bias = new double[4][bh];
            c = new double[steps + 1][bh];
            tanhC = new double[steps][bh];
            h = new double[bh];
            s = new double[bh];
            w = new double[bh];
            dcNext = new double[bh];
            dzGates = new double[4][bh];
            dbPerExample = new double[4][bh];
            db = new double[4 * hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            GateKernels.tileBias(weights.b, bias, batch, hidden);
            loadXAndH0(xsIn, h0, h);
            if (c0 == null) Arrays.fill(c[0], 0);
            else NativeBuffer.of(c0).get(0, c[0], 0, h.length); // C_0
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            GateKernels.split(z, gates[t], batch, hidden); // z_t into f, i, o, C̃ pre-activations
            GateKernels.forward(variant, gates[t], bias, c[t], c[t + 1], tanhC[t], h, s, w);
            if (t + 1 < steps) putHx(t + 1, h); // [h_t, x_{t+1}] is step t+1's GEMM input
            putH(t, h, hs);
        }

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
            super.clearCarries();
            Arrays.fill(dcNext, 0);
            for (double[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            GateKernels.backward(variant, gates[t], c[t], tanhC[t], fromLoss, dhNext, dcNext, s, dzGates, dbPerExample);
            GateKernels.join(dzGates, dz, t * 4 * batch * hidden, batch, hidden); // ∂L/∂z_t as the GEMMs read it
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
            return new LstmGrads(
                    grads,
                    inputGradients(),
                    NativeBuffer.array(dhNext, type, batch, hidden),
                    NativeBuffer.array(dcNext, type, batch, hidden));
        }
    }

    /** The single-precision pass: {@link F64} line for line in float. */
    static final class F32 extends Workspace.F32<LstmGrads> {
        private final LstmVariant variant;
        private final float[][][] gates;
        private final float[][] bias;
        private final float[][] c;
        private final float[][] tanhC;
        private final float[] h;
        private final float[] s;
        private final float[] w;
        private final float[] dcNext;
        private final float[][] dzGates;
        private final float[][] dbPerExample;
        private final float[] db;

        F32(int batch, int steps, int hidden, int input, LstmVariant variant) {
            super(batch, steps, hidden, input, GATES);
            this.variant = variant;
            int bh = batch * hidden;
            gates = new float[steps][4][bh];
            bias = new float[4][bh];
            c = new float[steps + 1][bh];
            tanhC = new float[steps][bh];
            h = new float[bh];
            s = new float[bh];
            w = new float[bh];
            dcNext = new float[bh];
            dzGates = new float[4][bh];
            dbPerExample = new float[4][bh];
            db = new float[4 * hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            GateKernels.tileBias(weights.b32, bias, batch, hidden);
            loadXAndH0(xsIn, h0, h);
            if (c0 == null) Arrays.fill(c[0], 0);
            else f32(NativeBuffer.of(c0)).get(0, c[0], 0, h.length); // C_0
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            GateKernels.split(f32(z), gates[t], batch, hidden);
            GateKernels.forward(variant, gates[t], bias, c[t], c[t + 1], tanhC[t], h, s, w);
            if (t + 1 < steps) putHx(t + 1, h); // [h_t, x_{t+1}] is step t+1's GEMM input
            putH(t, h, hs);
        }

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
            super.clearCarries();
            Arrays.fill(dcNext, 0);
            for (float[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            GateKernels.backward(variant, gates[t], c[t], tanhC[t], fromLoss, dhNext, dcNext, s, dzGates, dbPerExample);
            GateKernels.join(dzGates, f32(dz), t * 4 * batch * hidden, batch, hidden);
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
            return new LstmGrads(
                    grads,
                    inputGradients(),
                    NativeBuffer.array(dhNext, 0, batch, hidden),
                    NativeBuffer.array(dcNext, 0, batch, hidden));
        }
    }
}
