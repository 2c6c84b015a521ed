package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.lstmlab.nn.GruGrads;
import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GRU's part of a {@link Workspace}. The reset gate scales only the h part of the candidate's
 * pre-activation, {@code n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn))}, so the GRU cannot take
 * z_t = [h_{t-1}, x_t]·Wᵀ whole as the LSTM does. It computes what cuDNN and PyTorch compute instead: the x
 * parts of all three blocks for every step in one GEMM before the loop, {@code [x_1 … x_T]·W_xᵀ},
 * {@code [T·B, 3H]}, and per step one GEMM over h alone, {@code h_{t-1}·W_hᵀ}, {@code [B, 3H]}, on the same
 * stacked {@code W = [W_z; W_r; W_n]} read in place (its first H columns are W_h, the last X are W_x). Backward,
 * the h parts and the x parts of the candidate get different gradients (∂L/∂(W_hn·h_{t-1}) carries the
 * factor r_t), so ∂L/∂W is two GEMMs, one per column block, and ∂L/∂x one GEMM over the x parts.
 *
 * <p>The equations are those of {@link org.lstmlab.nn.GruCell}, one per line, as loops over the whole batch
 * that the JIT vectorises ({@link Activations} for σ and tanh).
 */
final class GruWorkspace {
    private GruWorkspace() {}

    /** W = [W_z; W_r; W_n] holds three row blocks of H. */
    static final int BLOCKS = 3;

    /** The blocks of W and of a step's pre-activations: update gate, reset gate, candidate. */
    private static final int Z = 0, R = 1, N = 2;

    /** b_hn's place in the stacked biases [b_z; b_r; b_n; b_hn], in units of H. */
    private static final int HN = 3;

    static Workspace<GruGrads> of(int batch, int steps, int hidden, int input, DataType type) {
        return type == DataType.FLOAT ? new F32(batch, steps, hidden, input) : new F64(batch, steps, hidden, input);
    }

    /** The x parts of every step in one GEMM: {@code xProj = [x_1 … x_T]·W_xᵀ}, [T·B, 3H], from hx's x columns. */
    private static void inputProjection(Workspace<?> ws, StackedWeights weights, NativeBuffer xProj) {
        final int rows = ws.steps * ws.batch, g = BLOCKS * ws.hidden, row = ws.hidden + ws.input;
        NativeBuffer.gemm(
                false, true, rows, g, ws.input, ws.hx, ws.hidden, row, weights.w, ws.hidden, row, 0, xProj, 0, g);
    }

    /** Step t's h parts, {@code h_{t-1}·W_hᵀ}, [B, 3H], into {@link Workspace#z}. */
    private static void recurrentGemm(Workspace<?> ws, StackedWeights weights, int t) {
        final int g = BLOCKS * ws.hidden, row = ws.hidden + ws.input;
        NativeBuffer.gemm(
                false, true, ws.batch, g, ws.hidden, ws.hx, t * ws.batch * row, row, weights.w, 0, row, 0, ws.z, 0, g);
    }

    /**
     * ∂L/∂W = [Σ_t ∂L/∂a_hᵀ·h_{t-1} | Σ_t ∂L/∂a_xᵀ·x_t], two GEMMs into {@link Workspace#dW}'s column blocks, and
     * when {@code inputs} ∂L/∂x_t = ∂L/∂a_x·W_x for every step: a_h is {@link Workspace#dz}'s, a_x is {@code dzx}'s.
     */
    private static void weightAndInputGemms(Workspace<?> ws, StackedWeights weights, boolean inputs, NativeBuffer dzx) {
        final int rows = ws.steps * ws.batch, g = BLOCKS * ws.hidden, row = ws.hidden + ws.input;
        NativeBuffer.gemm(true, false, g, ws.hidden, rows, ws.dz, 0, g, ws.hx, 0, row, 0, ws.dW, 0, row);
        NativeBuffer.gemm(true, false, g, ws.input, rows, dzx, 0, g, ws.hx, ws.hidden, row, 0, ws.dW, ws.hidden, row);
        if (inputs) {
            NativeBuffer.gemm(
                    false, false, rows, ws.input, g, dzx, 0, g, weights.w, ws.hidden, row, 0, ws.dx, 0, ws.input);
        }
    }

    /** The double-precision pass. */
    static final class F64 extends Workspace.F64<GruGrads> {
        private final NativeBuffer xProj; // the x parts of every step, [T·B, 3H]
        private final NativeBuffer dzx; // ∂L/∂ of the x parts of every step, [T·B, 3H]
        private final double[] xProjValues; // xProj in Java, [T·B·3H]
        private final double[][] bias; // b_z, b_r, b_n, b_hn tiled, [4][B·H]
        private final double[][] h; // h_0 … h_T, [T+1][B·H]
        private final double[][] zs; // z_1 … z_T, [T][B·H]
        private final double[][] rs; // r_1 … r_T
        private final double[][] ns; // n_1 … n_T
        private final double[][] hns; // W_hn·h_{t-1} + b_hn for every step
        private final double[][] hPart; // one step's h parts per block, [3][B·H]
        private final double[][] xPart; // one step's x parts per block, [3][B·H]
        private final double[] a; // a pre-activation, [B·H]
        private final double[] s; // scratch, [B·H]
        private final double[] w; // scratch, [B·H]
        private final double[] direct; // ∂L/∂h_{t-1} through the interpolation, [B·H]
        private final double[][] dA; // ∂L/∂a_z, ∂L/∂a_r, ∂L/∂(W_hn·h_{t-1} + b_hn) of one step, [3][B·H]
        private final double[] zN; // ∂L/∂ of n_t's pre-activation, [B·H]
        private final double[][] dbPerExample; // ∂L/∂b per bias and example, [4][B·H]
        private final double[] db; // ∂L/∂b, [4H]

        F64(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, BLOCKS);
            int bh = batch * hidden, all = steps * batch * BLOCKS * hidden;
            xProj = NativeBuffer.of(Nd4j.create(type, all));
            dzx = NativeBuffer.of(Nd4j.create(type, all));
            xProjValues = new double[all];
            bias = new double[4][bh];
            h = new double[steps + 1][bh];
            zs = new double[steps][bh];
            rs = new double[steps][bh];
            ns = new double[steps][bh];
            hns = new double[steps][bh];
            hPart = new double[BLOCKS][bh];
            xPart = new double[BLOCKS][bh];
            a = new double[bh];
            s = new double[bh];
            w = new double[bh];
            direct = new double[bh];
            dA = new double[BLOCKS][bh];
            zN = new double[bh];
            dbPerExample = new double[4][bh];
            db = new double[4 * hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            for (int g = 0; g < 4; g++) {
                for (int b = 0; b < batch; b++) System.arraycopy(weights.b, g * hidden, bias[g], b * hidden, hidden);
            }
            loadXAndH0(xsIn, h0, h[0]); // [h_0, x_1]
            final int row = hidden + input;
            for (int t = 1; t < steps; t++) { // x_t of every later step, for the input GEMM
                for (int b = 0; b < batch; b++)
                    hx.put((t * batch + b) * row + hidden, xs, (b * steps + t) * input, input);
            }
            inputProjection(this, weights, xProj);
            xProj.get(0, xProjValues, 0, xProjValues.length);
        }

        @Override
        void stepGemm(StackedWeights weights, int t) {
            recurrentGemm(this, weights, t);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            final double[] z = zs[t], r = rs[t], n = ns[t], hn = hns[t], hPrev = h[t], ht = h[t + 1];
            final int m = ht.length;
            split(this.z, hPart, batch, hidden); // the h parts of z_t, straight out of native memory
            split(xProjValues, t * batch * BLOCKS * hidden, xPart, batch, hidden);
            for (int k = 0; k < m; k++) a[k] = hPart[Z][k] + xPart[Z][k];
            Activations.sigmoid(a, bias[Z], z, m, s, w); // z_t = σ(W_z·[h_{t-1}, x_t] + b_z)
            for (int k = 0; k < m; k++) a[k] = hPart[R][k] + xPart[R][k];
            Activations.sigmoid(a, bias[R], r, m, s, w); // r_t = σ(W_r·[h_{t-1}, x_t] + b_r)
            for (int k = 0; k < m; k++) hn[k] = hPart[N][k] + bias[HN][k]; // W_hn·h_{t-1} + b_hn
            for (int k = 0; k < m; k++) a[k] = xPart[N][k] + r[k] * hn[k];
            Activations.tanh(a, bias[N], n, m, s, w); // n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn))
            for (int k = 0; k < m; k++)
                ht[k] = (1 - z[k]) * n[k] + z[k] * hPrev[k]; // h_t = (1 − z_t) * n_t + z_t * h_{t-1}
            if (t + 1 < steps) putHx(t + 1, ht); // [h_t, x_{t+1}]: step t+1's GEMM reads its h part
            putH(t, ht, hs);
        }

        @Override
        void clearCarries() {
            super.clearCarries();
            for (double[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            final double[] z = zs[t], r = rs[t], n = ns[t], hn = hns[t], hPrev = h[t], dh = fromLoss;
            final double[] zZ = dA[Z], zR = dA[R], dHn = dA[N];
            final int m = dh.length;
            for (int k = 0; k < m; k++) dh[k] += dhNext[k]; // ∂L/∂h_t, from the loss and from step t+1
            for (int k = 0; k < m; k++) zN[k] = dh[k] * (1 - z[k]) * (1 - n[k] * n[k]); // ∂L/∂n_t, back through tanh
            for (int k = 0; k < m; k++)
                zZ[k] = dh[k] * (hPrev[k] - n[k]) * (z[k] * (1 - z[k])); // ∂L/∂z_t, back through σ
            for (int k = 0; k < m; k++) zR[k] = zN[k] * hn[k] * (r[k] * (1 - r[k])); // ∂L/∂r_t, back through σ
            for (int k = 0; k < m; k++) dHn[k] = zN[k] * r[k]; // ∂L/∂(W_hn·h_{t-1} + b_hn)
            for (int k = 0; k < m; k++) direct[k] = dh[k] * z[k]; // ∂L/∂h_{t-1} through the interpolation
            for (int k = 0; k < m; k++) dbPerExample[Z][k] += zZ[k];
            for (int k = 0; k < m; k++) dbPerExample[R][k] += zR[k];
            for (int k = 0; k < m; k++) dbPerExample[N][k] += zN[k];
            for (int k = 0; k < m; k++) dbPerExample[HN][k] += dHn[k];
            final int at = t * batch * BLOCKS * hidden;
            join(zZ, zR, dHn, dz, at, batch, hidden); // the h parts' gradients, straight into native memory
            join(zZ, zR, zN, dzx, at, batch, hidden); // the x parts' gradients
        }

        @Override
        void takeDh() {
            super.takeDh(); // ∂L/∂h_{t-1} through the gates and the candidate …
            for (int k = 0; k < direct.length; k++) dhNext[k] += direct[k]; // … and through the interpolation
        }

        @Override
        void weightAndInputGemms(StackedWeights weights, boolean inputs) {
            GruWorkspace.weightAndInputGemms(this, weights, inputs, dzx);
        }

        @Override
        GruGrads gradients(boolean inputs) {
            final int row = hidden + input;
            dW.get(0, dWValues, 0, dWValues.length);
            Arrays.fill(db, 0);
            for (int g = 0; g < 4; g++) {
                for (int b = 0; b < batch; b++) {
                    for (int j = 0; j < hidden; j++) db[g * hidden + j] += dbPerExample[g][b * hidden + j];
                }
            }
            INDArray[] wg = new INDArray[BLOCKS];
            INDArray[] bg = new INDArray[4];
            for (int k = 0; k < BLOCKS; k++) wg[k] = NativeBuffer.array(dWValues, k * hidden * row, type, hidden, row);
            for (int k = 0; k < 4; k++) bg[k] = NativeBuffer.array(db, k * hidden, type, hidden);
            GruParams grads = new GruParams(wg[Z], bg[Z], wg[R], bg[R], wg[N], bg[N], bg[HN]);
            if (!inputs) return new GruGrads(grads, null, null);
            return new GruGrads(grads, inputGradients(), NativeBuffer.array(dhNext, type, batch, hidden));
        }
    }

    /** The single-precision pass: {@link F64} line for line in float. */
    static final class F32 extends Workspace.F32<GruGrads> {
        private final NativeBuffer xProj;
        private final NativeBuffer dzx;
        private final float[] xProjValues;
        private final float[][] bias;
        private final float[][] h;
        private final float[][] zs;
        private final float[][] rs;
        private final float[][] ns;
        private final float[][] hns;
        private final float[][] hPart;
        private final float[][] xPart;
        private final float[] a;
        private final float[] s;
        private final float[] w;
        private final float[] direct;
        private final float[][] dA;
        private final float[] zN;
        private final float[][] dbPerExample;
        private final float[] db;

        F32(int batch, int steps, int hidden, int input) {
            super(batch, steps, hidden, input, BLOCKS);
            int bh = batch * hidden, all = steps * batch * BLOCKS * hidden;
            xProj = NativeBuffer.of(Nd4j.create(type, all));
            dzx = NativeBuffer.of(Nd4j.create(type, all));
            xProjValues = new float[all];
            bias = new float[4][bh];
            h = new float[steps + 1][bh];
            zs = new float[steps][bh];
            rs = new float[steps][bh];
            ns = new float[steps][bh];
            hns = new float[steps][bh];
            hPart = new float[BLOCKS][bh];
            xPart = new float[BLOCKS][bh];
            a = new float[bh];
            s = new float[bh];
            w = new float[bh];
            direct = new float[bh];
            dA = new float[BLOCKS][bh];
            zN = new float[bh];
            dbPerExample = new float[4][bh];
            db = new float[4 * hidden];
        }

        @Override
        void loadInputs(INDArray xsIn, INDArray h0, INDArray c0, StackedWeights weights) {
            for (int g = 0; g < 4; g++) {
                for (int b = 0; b < batch; b++) System.arraycopy(weights.b32, g * hidden, bias[g], b * hidden, hidden);
            }
            loadXAndH0(xsIn, h0, h[0]);
            final int row = hidden + input;
            NativeBuffer.F32 hx32 = f32(hx);
            for (int t = 1; t < steps; t++) {
                for (int b = 0; b < batch; b++)
                    hx32.put((t * batch + b) * row + hidden, xs, (b * steps + t) * input, input);
            }
            inputProjection(this, weights, xProj);
            f32(xProj).get(0, xProjValues, 0, xProjValues.length);
        }

        @Override
        void stepGemm(StackedWeights weights, int t) {
            recurrentGemm(this, weights, t);
        }

        @Override
        void stepForward(int t, NativeBuffer hs) {
            final float[] z = zs[t], r = rs[t], n = ns[t], hn = hns[t], hPrev = h[t], ht = h[t + 1];
            final int m = ht.length;
            split(f32(this.z), hPart, batch, hidden);
            split(xProjValues, t * batch * BLOCKS * hidden, xPart, batch, hidden);
            for (int k = 0; k < m; k++) a[k] = hPart[Z][k] + xPart[Z][k];
            Activations.sigmoid(a, bias[Z], z, m, s, w);
            for (int k = 0; k < m; k++) a[k] = hPart[R][k] + xPart[R][k];
            Activations.sigmoid(a, bias[R], r, m, s, w);
            for (int k = 0; k < m; k++) hn[k] = hPart[N][k] + bias[HN][k];
            for (int k = 0; k < m; k++) a[k] = xPart[N][k] + r[k] * hn[k];
            Activations.tanh(a, bias[N], n, m, s, w);
            for (int k = 0; k < m; k++) ht[k] = (1 - z[k]) * n[k] + z[k] * hPrev[k];
            if (t + 1 < steps) putHx(t + 1, ht);
            putH(t, ht, hs);
        }

        @Override
        void clearCarries() {
            super.clearCarries();
            for (float[] d : dbPerExample) Arrays.fill(d, 0);
        }

        @Override
        void stepBackward(int t, NativeBuffer dHs) {
            readFromLoss(t, dHs);
            final float[] z = zs[t], r = rs[t], n = ns[t], hn = hns[t], hPrev = h[t], dh = fromLoss;
            final float[] zZ = dA[Z], zR = dA[R], dHn = dA[N];
            final int m = dh.length;
            for (int k = 0; k < m; k++) dh[k] += dhNext[k];
            for (int k = 0; k < m; k++) zN[k] = dh[k] * (1 - z[k]) * (1 - n[k] * n[k]);
            for (int k = 0; k < m; k++) zZ[k] = dh[k] * (hPrev[k] - n[k]) * (z[k] * (1 - z[k]));
            for (int k = 0; k < m; k++) zR[k] = zN[k] * hn[k] * (r[k] * (1 - r[k]));
            for (int k = 0; k < m; k++) dHn[k] = zN[k] * r[k];
            for (int k = 0; k < m; k++) direct[k] = dh[k] * z[k];
            for (int k = 0; k < m; k++) dbPerExample[Z][k] += zZ[k];
            for (int k = 0; k < m; k++) dbPerExample[R][k] += zR[k];
            for (int k = 0; k < m; k++) dbPerExample[N][k] += zN[k];
            for (int k = 0; k < m; k++) dbPerExample[HN][k] += dHn[k];
            final int at = t * batch * BLOCKS * hidden;
            join(zZ, zR, dHn, f32(dz), at, batch, hidden);
            join(zZ, zR, zN, f32(dzx), at, batch, hidden);
        }

        @Override
        void takeDh() {
            super.takeDh();
            for (int k = 0; k < direct.length; k++) dhNext[k] += direct[k];
        }

        @Override
        void weightAndInputGemms(StackedWeights weights, boolean inputs) {
            GruWorkspace.weightAndInputGemms(this, weights, inputs, dzx);
        }

        @Override
        GruGrads gradients(boolean inputs) {
            final int row = hidden + input;
            f32(dW).get(0, dWValues, 0, dWValues.length);
            Arrays.fill(db, 0);
            for (int g = 0; g < 4; g++) {
                for (int b = 0; b < batch; b++) {
                    for (int j = 0; j < hidden; j++) db[g * hidden + j] += dbPerExample[g][b * hidden + j];
                }
            }
            INDArray[] wg = new INDArray[BLOCKS];
            INDArray[] bg = new INDArray[4];
            for (int k = 0; k < BLOCKS; k++) wg[k] = NativeBuffer.array(dWValues, k * hidden * row, hidden, row);
            for (int k = 0; k < 4; k++) bg[k] = NativeBuffer.array(db, k * hidden, hidden);
            GruParams grads = new GruParams(wg[Z], bg[Z], wg[R], bg[R], wg[N], bg[N], bg[HN]);
            if (!inputs) return new GruGrads(grads, null, null);
            return new GruGrads(grads, inputGradients(), NativeBuffer.array(dhNext, 0, batch, hidden));
        }
    }

    /** One step's {@code [B, 3H]} rows from {@code from} into one {@code [B, H]} array per block. */
    private static void split(double[] rows, int from, double[][] blocks, int batch, int hidden) {
        for (int g = 0; g < BLOCKS; g++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(rows, from + (BLOCKS * b + g) * hidden, blocks[g], b * hidden, hidden);
            }
        }
    }

    /** One step's {@code [B, 3H]} rows in native memory into one {@code [B, H]} array per block, in one pass. */
    private static void split(NativeBuffer rows, double[][] blocks, int batch, int hidden) {
        for (int b = 0; b < batch; b++) {
            for (int g = 0; g < BLOCKS; g++) rows.get((BLOCKS * b + g) * hidden, blocks[g], b * hidden, hidden);
        }
    }

    /** Three {@code [B, H]} arrays side by side into {@code [B, 3H]} rows of native memory from {@code at}. */
    private static void join(
            double[] first, double[] second, double[] third, NativeBuffer rows, int at, int batch, int hidden) {
        for (int b = 0; b < batch; b++) {
            rows.put(at + BLOCKS * b * hidden, first, b * hidden, hidden);
            rows.put(at + (BLOCKS * b + 1) * hidden, second, b * hidden, hidden);
            rows.put(at + (BLOCKS * b + 2) * hidden, third, b * hidden, hidden);
        }
    }

    private static void split(float[] rows, int from, float[][] blocks, int batch, int hidden) {
        for (int g = 0; g < BLOCKS; g++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(rows, from + (BLOCKS * b + g) * hidden, blocks[g], b * hidden, hidden);
            }
        }
    }

    private static void split(NativeBuffer.F32 rows, float[][] blocks, int batch, int hidden) {
        for (int b = 0; b < batch; b++) {
            for (int g = 0; g < BLOCKS; g++) rows.get((BLOCKS * b + g) * hidden, blocks[g], b * hidden, hidden);
        }
    }

    private static void join(
            float[] first, float[] second, float[] third, NativeBuffer.F32 rows, int at, int batch, int hidden) {
        for (int b = 0; b < batch; b++) {
            rows.put(at + BLOCKS * b * hidden, first, b * hidden, hidden);
            rows.put(at + (BLOCKS * b + 1) * hidden, second, b * hidden, hidden);
            rows.put(at + (BLOCKS * b + 2) * hidden, third, b * hidden, hidden);
        }
    }
}
