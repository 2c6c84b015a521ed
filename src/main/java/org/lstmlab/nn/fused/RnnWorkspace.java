package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.lstmlab.nn.RnnGrads;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The RNN's part of a {@link Workspace}: {@code h_t = tanh(W_h·[h_{t-1}, x_t] + b_h)} between the shared
 * GEMMs, every step's h_t kept for the backward pass. The equations are those of
 * {@link org.lstmlab.nn.RnnCell}, one per line, as loops over the whole batch that the JIT vectorises
 * ({@link Activations} for tanh).
 */
final class RnnWorkspace {
    private RnnWorkspace() {}

    /** W_h is one row block of H. */
    static final int BLOCKS = 1;

    static Workspace<RnnGrads> of(int batch, int steps, int hidden, int input, DataType type) {
        return type == DataType.FLOAT ? new F32(batch, steps, hidden, input) : new F64(batch, steps, hidden, input);
    }

    /** The double-precision pass. */
    static final class F64 extends Workspace.F64<RnnGrads> {
        private final double[][] h; // h_0, then h_1 … h_T, [T+1][B·H]
        private final double[] bias; // b_h tiled, [B·H]
        private final double[] zStep; // one step of z_t = [h_{t-1}, x_t]·W_hᵀ, [B, H]
        private final double[] dzStep; // one step of ∂L/∂z_t, [B, H]
        private final double[] s; // scratch, [B·H]
        private final double[] w; // scratch, [B·H]
        private final double[] dbPerExample; // ∂L/∂b_h per example, [B·H]
        private final double[] db; // ∂L/∂b_h, [H]

        F64(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, BLOCKS);
            int bh = batch * hidden;
            h = new double[steps + 1][bh];
            bias = new double[bh];
            zStep = new double[bh];
            dzStep = new double[bh];
            s = new double[bh];
            w = new double[bh];
            dbPerExample = new double[bh];
            db = new double[hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            for (int b = 0; b < batch; b++) System.arraycopy(weights.b, 0, bias, b * hidden, hidden);
            loadXAndH0(xsIn, h0, h[0]);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            final double[] ht = h[t + 1];
            z.get(0, zStep, 0, zStep.length);
            Activations.tanh(zStep, bias, ht, ht.length, s, w); // h_t = tanh(W_h·[h_{t-1}, x_t] + b_h)
            if (t + 1 < steps) putHx(t + 1, ht); // [h_t, x_{t+1}] is step t+1's GEMM input
            putH(t, ht, hs);
        }

        @Override
        void clearCarries() {
            super.clearCarries();
            Arrays.fill(dbPerExample, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            final double[] ht = h[t + 1], dh = fromLoss, dzT = dzStep;
            final int n = ht.length;
            for (int k = 0; k < n; k++) dh[k] += dhNext[k]; // ∂L/∂h_t, from the loss and from step t+1
            for (int k = 0; k < n; k++) dzT[k] = dh[k] * (1 - ht[k] * ht[k]); // ∂L/∂z_t = ∂L/∂h_t * (1 − h_t²)
            for (int k = 0; k < n; k++) dbPerExample[k] += dzT[k];
            dz.put(t * batch * hidden, dzT, 0, n);
        }

        @Override
        RnnGrads gradients(boolean inputs) {
            dW.get(0, dWValues, 0, dWValues.length);
            Arrays.fill(db, 0);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) db[j] += dbPerExample[b * hidden + j]; // ∂L/∂b_h = Σ_b Σ_t ∂L/∂z_t
            }
            RnnParams grads = new RnnParams(
                    NativeBuffer.array(dWValues, type, hidden, hidden + input), NativeBuffer.array(db, type, hidden));
            if (!inputs) return new RnnGrads(grads, null, null);
            return new RnnGrads(grads, inputGradients(), NativeBuffer.array(dhNext, type, batch, hidden));
        }
    }

    /** The single-precision pass: {@link F64} line for line in float. */
    static final class F32 extends Workspace.F32<RnnGrads> {
        private final float[][] h;
        private final float[] bias;
        private final float[] zStep;
        private final float[] dzStep;
        private final float[] s;
        private final float[] w;
        private final float[] dbPerExample;
        private final float[] db;

        F32(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, BLOCKS);
            int bh = batch * hidden;
            h = new float[steps + 1][bh];
            bias = new float[bh];
            zStep = new float[bh];
            dzStep = new float[bh];
            s = new float[bh];
            w = new float[bh];
            dbPerExample = new float[bh];
            db = new float[hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            for (int b = 0; b < batch; b++) System.arraycopy(weights.b32, 0, bias, b * hidden, hidden);
            loadXAndH0(xsIn, h0, h[0]);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            final float[] ht = h[t + 1];
            f32(z).get(0, zStep, 0, zStep.length);
            Activations.tanh(zStep, bias, ht, ht.length, s, w); // h_t = tanh(W_h·[h_{t-1}, x_t] + b_h)
            if (t + 1 < steps) putHx(t + 1, ht);
            putH(t, ht, hs);
        }

        @Override
        void clearCarries() {
            super.clearCarries();
            Arrays.fill(dbPerExample, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            final float[] ht = h[t + 1], dh = fromLoss, dzT = dzStep;
            final int n = ht.length;
            for (int k = 0; k < n; k++) dh[k] += dhNext[k];
            for (int k = 0; k < n; k++) dzT[k] = dh[k] * (1 - ht[k] * ht[k]);
            for (int k = 0; k < n; k++) dbPerExample[k] += dzT[k];
            f32(dz).put(t * batch * hidden, dzT, 0, n);
        }

        @Override
        RnnGrads gradients(boolean inputs) {
            f32(dW).get(0, dWValues, 0, dWValues.length);
            Arrays.fill(db, 0);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < hidden; j++) db[j] += dbPerExample[b * hidden + j];
            }
            RnnParams grads = new RnnParams(
                    NativeBuffer.array(dWValues, 0, hidden, hidden + input), NativeBuffer.array(db, 0, hidden));
            if (!inputs) return new RnnGrads(grads, null, null);
            return new RnnGrads(grads, inputGradients(), NativeBuffer.array(dhNext, 0, batch, hidden));
        }
    }
}
