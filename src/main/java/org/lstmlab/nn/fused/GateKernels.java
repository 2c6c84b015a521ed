package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.lstmlab.nn.LstmVariant;

/**
 * The element-wise gate maths of one LSTM step for a whole batch, forward and backward, as plain Java
 * loops over flat arrays: at the course size ND4J spends more time per call than these loops take.
 * The equations are those of {@link org.lstmlab.nn.LstmCell}, one per line, for every {@link LstmVariant}
 * (the variant is chosen once per step, outside the loops, so the full cell's loops stay as they were); the
 * double and the float versions are the same lines in two precisions.
 *
 * <p>The GEMM leaves a step's pre-activations row by row, {@code [B, 4H]} with the blocks f, i, C̃, o of
 * every example side by side. {@link #split} copies them out of native memory into one {@code [B, H]} array
 * per gate (and {@link #join} puts ∂L/∂z back the GEMM's way), so that every line of the maths is one loop over
 * {@code B·H} numbers in which every array is indexed by the same {@code k}: the shape Java 17's C2 turns
 * into SIMD instructions (see {@link Activations}).
 */
final class GateKernels {
    private GateKernels() {}

    /** Index of each gate's array in a step's gates: the σ gates first, then C̃. */
    static final int F = 0, I = 1, O = 2, C_TILDE = 3;

    /** Where each gate's columns start in a row of z, in units of H: the stacked order of W (f, i, C, o). */
    private static final int[] COLUMN = {0, 1, 3, 2};

    /**
     * Copies z_t, {@code [B, 4H]} in the stacked order f, i, C, o, out of native memory straight into one
     * {@code [B, H]} array per gate: one pass, no whole copy of z_t in Java first.
     */
    static void split(NativeBuffer z, double[][] gates, int batch, int hidden) {
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < 4; g++) z.get((4 * r + COLUMN[g]) * hidden, gates[g], r * hidden, hidden);
        }
    }

    /**
     * The inverse of {@link #split}: one {@code [B, H]} array per gate straight into native memory as
     * {@code [B, 4H]} from index {@code at}, the layout the GEMMs read.
     */
    static void join(double[][] gates, NativeBuffer z, int at, int batch, int hidden) {
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < 4; g++) z.put(at + (4 * r + COLUMN[g]) * hidden, gates[g], r * hidden, hidden);
        }
    }

    /** b_g repeated for every example, {@code [B, H]} per gate, so the bias is added by a plain loop. */
    static void tileBias(double[] bias, double[][] tiled, int batch, int hidden) {
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < batch; r++) {
                System.arraycopy(bias, COLUMN[g] * hidden, tiled[g], r * hidden, hidden);
            }
        }
    }

    /**
     * One step forward for the whole batch, every array {@code [B, H]}.
     *
     * @param v      which parts of the cell are computed; a removed gate is 1 (as in {@link org.lstmlab.nn.LstmCell})
     * @param gates  W_g·[h_{t-1}, x_t] per gate in (from {@link #split}), f_t, i_t, o_t, C̃_t out
     * @param bias   b_f, b_i, b_o, b_C tiled by {@link #tileBias}
     * @param cPrev  C_{t-1}
     * @param c      C_t, written
     * @param tanhC  tanh(C_t), written
     * @param h      h_t, written
     * @param s      scratch
     * @param w      scratch
     */
    static void forward(
            LstmVariant v,
            double[][] gates,
            double[][] bias,
            double[] cPrev,
            double[] c,
            double[] tanhC,
            double[] h,
            double[] s,
            double[] w) {
        final double[] f = gates[F], i = gates[I], o = gates[O], cTilde = gates[C_TILDE];
        final int n = h.length;
        if (v.hasForgetGate()) Activations.sigmoid(f, bias[F], f, n, s, w); // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
        else Arrays.fill(f, 0, n, 1); // NFG: f_t ≡ 1
        if (v.hasInputGate()) Activations.sigmoid(i, bias[I], i, n, s, w); // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
        else if (v.couplesInputAndForget()) for (int k = 0; k < n; k++) i[k] = 1 - f[k]; // CIFG: i_t = 1 − f_t
        else Arrays.fill(i, 0, n, 1); // NIG: i_t ≡ 1
        Activations.tanh(cTilde, bias[C_TILDE], cTilde, n, s, w); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
        for (int k = 0; k < n; k++) c[k] = f[k] * cPrev[k] + i[k] * cTilde[k]; // C_t = f_t * C_{t-1} + i_t * C̃_t
        if (v.hasOutputGate()) Activations.sigmoid(o, bias[O], o, n, s, w); // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
        else Arrays.fill(o, 0, n, 1); // NOG: o_t ≡ 1
        if (v.hasOutputActivation()) Activations.tanh(c, tanhC, n, s, w);
        else System.arraycopy(c, 0, tanhC, 0, n); // NOAF: C_t itself
        for (int k = 0; k < n; k++) h[k] = o[k] * tanhC[k]; // h_t = o_t * tanh(C_t)
    }

    /**
     * One step of backpropagation through the gate maths for the whole batch, every array {@code [B, H]}:
     * ∂L/∂z_t per gate, ∂L/∂C_{t-1} in place of ∂L/∂C_t, and ∂L/∂b accumulated per example (summed over
     * the examples once, after the loop). One loop per line: C2 does not vectorise one loop over this many
     * arrays (measured 2.5× slower).
     *
     * @param v        the variant {@link #forward} ran; a removed gate gets ∂L/∂z = 0
     * @param gates    f_t, i_t, o_t, C̃_t, as {@link #forward} left them
     * @param cPrev    C_{t-1}
     * @param tanhC    tanh(C_t)
     * @param dh       ∂L/∂h_t from the loss in, the whole ∂L/∂h_t out
     * @param dhNext   ∂L/∂h_t from step t+1
     * @param dcNext   ∂L/∂C_t from step t+1 in, ∂L/∂C_{t-1} out
     * @param dC       scratch: ∂L/∂C_t
     * @param dz       ∂L/∂z_t per gate, written
     * @param db       ∂L/∂b per gate and example, accumulated
     */
    static void backward(
            LstmVariant v,
            double[][] gates,
            double[] cPrev,
            double[] tanhC,
            double[] dh,
            double[] dhNext,
            double[] dcNext,
            double[] dC,
            double[][] dz,
            double[][] db) {
        final double[] f = gates[F], i = gates[I], o = gates[O], cTilde = gates[C_TILDE];
        final double[] zF = dz[F], zI = dz[I], zO = dz[O], zC = dz[C_TILDE];
        final double[] bF = db[F], bI = db[I], bO = db[O], bC = db[C_TILDE];
        final int n = f.length;
        for (int k = 0; k < n; k++) dh[k] += dhNext[k]; // ∂L/∂h_t, from the loss and from step t+1
        if (v.hasOutputActivation()) {
            for (int k = 0; k < n; k++) {
                dC[k] = dh[k] * o[k] * (1 - tanhC[k] * tanhC[k]) + dcNext[k]; // ∂L/∂C_t, through h_t and from t+1
            }
        } else {
            for (int k = 0; k < n; k++) dC[k] = dh[k] * o[k] + dcNext[k]; // NOAF: h_t = o_t * C_t
        }
        if (v.couplesInputAndForget()) {
            // CIFG: f_t also acts through i_t = 1 − f_t, so ∂L/∂f_t = ∂L/∂C_t * (C_{t-1} − C̃_t)
            for (int k = 0; k < n; k++) zF[k] = (dC[k] * cPrev[k] - dC[k] * cTilde[k]) * (f[k] * (1 - f[k]));
        } else if (v.hasForgetGate()) {
            for (int k = 0; k < n; k++) zF[k] = dC[k] * cPrev[k] * (f[k] * (1 - f[k])); // ∂L/∂z_f, back through σ
        } else {
            Arrays.fill(zF, 0, n, 0); // NFG: f_t ≡ 1 has no weights to learn
        }
        if (v.hasInputGate()) {
            for (int k = 0; k < n; k++) zI[k] = dC[k] * cTilde[k] * (i[k] * (1 - i[k])); // ∂L/∂z_i
        } else {
            Arrays.fill(zI, 0, n, 0);
        }
        for (int k = 0; k < n; k++) zC[k] = dC[k] * i[k] * (1 - cTilde[k] * cTilde[k]); // ∂L/∂z_C, back through tanh
        if (v.hasOutputGate()) {
            for (int k = 0; k < n; k++) zO[k] = dh[k] * tanhC[k] * (o[k] * (1 - o[k])); // ∂L/∂z_o
        } else {
            Arrays.fill(zO, 0, n, 0);
        }
        for (int k = 0; k < n; k++) dcNext[k] = dC[k] * f[k]; // ∂L/∂C_{t-1}
        for (int k = 0; k < n; k++) bF[k] += zF[k];
        for (int k = 0; k < n; k++) bI[k] += zI[k];
        for (int k = 0; k < n; k++) bO[k] += zO[k];
        for (int k = 0; k < n; k++) bC[k] += zC[k];
    }

    /** ∂L/∂b = the per-example sums of {@link #backward} added up over the examples, in the stacked order. */
    static void sumBias(double[][] db, double[] out, int batch, int hidden) {
        java.util.Arrays.fill(out, 0);
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < hidden; j++) out[COLUMN[g] * hidden + j] += db[g][r * hidden + j];
            }
        }
    }

    /** {@link #split(NativeBuffer, double[][], int, int)} in float. */
    static void split(NativeBuffer.F32 z, float[][] gates, int batch, int hidden) {
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < 4; g++) z.get((4 * r + COLUMN[g]) * hidden, gates[g], r * hidden, hidden);
        }
    }

    /** {@link #join(double[][], NativeBuffer, int, int, int)} in float. */
    static void join(float[][] gates, NativeBuffer.F32 z, int at, int batch, int hidden) {
        for (int r = 0; r < batch; r++) {
            for (int g = 0; g < 4; g++) z.put(at + (4 * r + COLUMN[g]) * hidden, gates[g], r * hidden, hidden);
        }
    }

    /** {@link #tileBias(double[], double[][], int, int)} in float. */
    static void tileBias(float[] bias, float[][] tiled, int batch, int hidden) {
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < batch; r++) {
                System.arraycopy(bias, COLUMN[g] * hidden, tiled[g], r * hidden, hidden);
            }
        }
    }

    /** {@link #forward(LstmVariant, double[][], double[][], double[], double[], double[], double[], double[], double[])} in float. */
    static void forward(
            LstmVariant v,
            float[][] gates,
            float[][] bias,
            float[] cPrev,
            float[] c,
            float[] tanhC,
            float[] h,
            float[] s,
            float[] w) {
        final float[] f = gates[F], i = gates[I], o = gates[O], cTilde = gates[C_TILDE];
        final int n = h.length;
        if (v.hasForgetGate()) Activations.sigmoid(f, bias[F], f, n, s, w); // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
        else Arrays.fill(f, 0, n, 1); // NFG: f_t ≡ 1
        if (v.hasInputGate()) Activations.sigmoid(i, bias[I], i, n, s, w); // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
        else if (v.couplesInputAndForget()) for (int k = 0; k < n; k++) i[k] = 1 - f[k]; // CIFG: i_t = 1 − f_t
        else Arrays.fill(i, 0, n, 1); // NIG: i_t ≡ 1
        Activations.tanh(cTilde, bias[C_TILDE], cTilde, n, s, w); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
        for (int k = 0; k < n; k++) c[k] = f[k] * cPrev[k] + i[k] * cTilde[k]; // C_t = f_t * C_{t-1} + i_t * C̃_t
        if (v.hasOutputGate()) Activations.sigmoid(o, bias[O], o, n, s, w); // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
        else Arrays.fill(o, 0, n, 1); // NOG: o_t ≡ 1
        if (v.hasOutputActivation()) Activations.tanh(c, tanhC, n, s, w);
        else System.arraycopy(c, 0, tanhC, 0, n); // NOAF: C_t itself
        for (int k = 0; k < n; k++) h[k] = o[k] * tanhC[k]; // h_t = o_t * tanh(C_t)
    }

    /** {@link #backward(LstmVariant, double[][], double[], double[], double[], double[], double[], double[], double[][], double[][])} in float. */
    static void backward(
            LstmVariant v,
            float[][] gates,
            float[] cPrev,
            float[] tanhC,
            float[] dh,
            float[] dhNext,
            float[] dcNext,
            float[] dC,
            float[][] dz,
            float[][] db) {
        final float[] f = gates[F], i = gates[I], o = gates[O], cTilde = gates[C_TILDE];
        final float[] zF = dz[F], zI = dz[I], zO = dz[O], zC = dz[C_TILDE];
        final float[] bF = db[F], bI = db[I], bO = db[O], bC = db[C_TILDE];
        final int n = f.length;
        for (int k = 0; k < n; k++) dh[k] += dhNext[k]; // ∂L/∂h_t, from the loss and from step t+1
        if (v.hasOutputActivation()) {
            for (int k = 0; k < n; k++) {
                dC[k] = dh[k] * o[k] * (1 - tanhC[k] * tanhC[k]) + dcNext[k]; // ∂L/∂C_t, through h_t and from t+1
            }
        } else {
            for (int k = 0; k < n; k++) dC[k] = dh[k] * o[k] + dcNext[k]; // NOAF: h_t = o_t * C_t
        }
        if (v.couplesInputAndForget()) {
            // CIFG: f_t also acts through i_t = 1 − f_t, so ∂L/∂f_t = ∂L/∂C_t * (C_{t-1} − C̃_t)
            for (int k = 0; k < n; k++) zF[k] = (dC[k] * cPrev[k] - dC[k] * cTilde[k]) * (f[k] * (1 - f[k]));
        } else if (v.hasForgetGate()) {
            for (int k = 0; k < n; k++) zF[k] = dC[k] * cPrev[k] * (f[k] * (1 - f[k])); // ∂L/∂z_f, back through σ
        } else {
            Arrays.fill(zF, 0, n, 0); // NFG: f_t ≡ 1 has no weights to learn
        }
        if (v.hasInputGate()) {
            for (int k = 0; k < n; k++) zI[k] = dC[k] * cTilde[k] * (i[k] * (1 - i[k])); // ∂L/∂z_i
        } else {
            Arrays.fill(zI, 0, n, 0);
        }
        for (int k = 0; k < n; k++) zC[k] = dC[k] * i[k] * (1 - cTilde[k] * cTilde[k]); // ∂L/∂z_C, back through tanh
        if (v.hasOutputGate()) {
            for (int k = 0; k < n; k++) zO[k] = dh[k] * tanhC[k] * (o[k] * (1 - o[k])); // ∂L/∂z_o
        } else {
            Arrays.fill(zO, 0, n, 0);
        }
        for (int k = 0; k < n; k++) dcNext[k] = dC[k] * f[k]; // ∂L/∂C_{t-1}
        for (int k = 0; k < n; k++) bF[k] += zF[k];
        for (int k = 0; k < n; k++) bI[k] += zI[k];
        for (int k = 0; k < n; k++) bO[k] += zO[k];
        for (int k = 0; k < n; k++) bC[k] += zC[k];
    }

    /** {@link #sumBias(double[][], double[], int, int)} in float. */
    static void sumBias(float[][] db, float[] out, int batch, int hidden) {
        java.util.Arrays.fill(out, 0);
        for (int g = 0; g < 4; g++) {
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < hidden; j++) out[COLUMN[g] * hidden + j] += db[g][r * hidden + j];
            }
        }
    }
}
