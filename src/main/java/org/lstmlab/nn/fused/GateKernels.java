package org.lstmlab.nn.fused;

/**
 * The element-wise gate maths of one LSTM step for a whole batch, forward and backward, as plain Java
 * loops over flat arrays: at the course size ND4J spends more time per call than these loops take.
 * The equations are those of {@link org.lstmlab.nn.LstmCell}, one per line; the double and the float
 * versions are the same lines in two precisions.
 *
 * <p>The GEMM leaves a step's pre-activations row by row, {@code [B, 4H]} with the blocks f, i, C̃, o of
 * every example side by side. The forward kernel first copies them, bias added, into one block per gate,
 * {@code [B·H]} each, in the order f, i, o, C̃: then σ runs over one contiguous stretch of 3·B·H numbers
 * and tanh over one of B·H, and every later line is a single loop over B·H — the shape the JIT turns
 * into SIMD instructions (see {@link Activations}).
 */
final class GateKernels {
    private GateKernels() {}

    /** Where gate g's block starts in a step's gates, in units of B·H: σ gates first, then C̃. */
    static final int F = 0, I = 1, O = 2, C_TILDE = 3;

    /** Where gate g's columns start in a row of z, in units of H: the stacked order of W. */
    private static final int Z_F = 0, Z_I = 1, Z_C = 2, Z_O = 3;

    /**
     * One step forward for the whole batch.
     *
     * @param z     W·[h_{t-1}, x_t] without the bias, [B, 4H] in the stacked order f, i, C, o
     * @param bias  b = [b_f; b_i; b_C; b_o], [4H]
     * @param gates this step's f_t, i_t, o_t, C̃_t written at {@code g0}, four [B, H] blocks
     * @param c     C_0 … C_T, [T+1, B, H]: reads C_{t-1} at {@code c0}, writes C_t at {@code c0 + B·H}
     * @param tanhC tanh(C_t) written at {@code c0}, [T, B, H]
     * @param h     h_t, [B, H]
     * @param s     scratch, 3·B·H
     * @param w     scratch, 3·B·H
     */
    static void forward(
            double[] z,
            double[] bias,
            double[] gates,
            int g0,
            double[] c,
            int c0,
            double[] tanhC,
            double[] h,
            double[] s,
            double[] w,
            int batch,
            int hidden) {
        final int hh = hidden, bh = batch * hidden;
        final int f = g0 + F * bh, i = g0 + I * bh, o = g0 + O * bh, cTilde = g0 + C_TILDE * bh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh, at = r * hh;
            for (int j = 0; j < hh; j++) gates[f + at + j] = -(z[zr + Z_F * hh + j] + bias[Z_F * hh + j]);
            for (int j = 0; j < hh; j++) gates[i + at + j] = -(z[zr + Z_I * hh + j] + bias[Z_I * hh + j]);
            for (int j = 0; j < hh; j++) gates[o + at + j] = -(z[zr + Z_O * hh + j] + bias[Z_O * hh + j]);
            for (int j = 0; j < hh; j++) gates[cTilde + at + j] = -2 * (z[zr + Z_C * hh + j] + bias[Z_C * hh + j]);
        }
        Activations.sigmoidOfNegated(gates, f, f + 3 * bh, s, w); // f_t, i_t, o_t = σ(W_g·[h_{t-1}, x_t] + b_g)
        Activations.tanhOfMinusTwice(gates, cTilde, cTilde + bh, s, w); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
        final int prev = c0, next = c0 + bh;
        for (int k = 0; k < bh; k++) {
            c[next + k] =
                    gates[f + k] * c[prev + k] + gates[i + k] * gates[cTilde + k]; // C_t = f_t * C_{t-1} + i_t * C̃_t
        }
        for (int k = 0; k < bh; k++) tanhC[c0 + k] = -2 * c[next + k];
        Activations.tanhOfMinusTwice(tanhC, c0, c0 + bh, s, w);
        for (int k = 0; k < bh; k++) h[k] = gates[o + k] * tanhC[c0 + k]; // h_t = o_t * tanh(C_t)
    }

    /**
     * One step of backpropagation through the gate maths for the whole batch: ∂L/∂z_t row by row in the
     * stacked order, ∂L/∂C_{t-1} in place of ∂L/∂C_t, and ∂L/∂b accumulated.
     *
     * @param gates  f_t, i_t, o_t, C̃_t at {@code g0}, as {@link #forward} left them
     * @param c      C_0 … C_T: reads C_{t-1} at {@code c0}
     * @param tanhC  tanh(C_t) at {@code c0}
     * @param dHs    ∂L/∂h_t from the loss, example b's at {@code dHsAt + b·dHsStride} ([B, T, H]: t·H and T·H)
     * @param dhNext ∂L/∂h_t from step t+1, [B, H]
     * @param dcNext ∂L/∂C_t from step t+1 in, ∂L/∂C_{t-1} out, [B, H]
     * @param dz     ∂L/∂z_t out, [B, 4H] in the stacked order f, i, C, o
     * @param db     ∂L/∂b accumulated over steps, [4H] in the stacked order
     */
    static void backward(
            double[] gates,
            int g0,
            double[] c,
            int c0,
            double[] tanhC,
            double[] dHs,
            int dHsAt,
            int dHsStride,
            double[] dhNext,
            double[] dcNext,
            double[] dz,
            double[] db,
            int batch,
            int hidden) {
        final int hh = hidden, bh = batch * hidden;
        final int f = g0 + F * bh, i = g0 + I * bh, o = g0 + O * bh, cTilde = g0 + C_TILDE * bh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh, at = r * hh, fromLoss = dHsAt + r * dHsStride;
            for (int j = 0; j < hh; j++) {
                final int k = at + j;
                double fk = gates[f + k], ik = gates[i + k], ok = gates[o + k], ck = gates[cTilde + k];
                double tc = tanhC[c0 + k];
                double dh = dHs[fromLoss + j] + dhNext[k]; // ∂L/∂h_t, from the loss and from step t+1
                double dC = dh * ok * (1 - tc * tc) + dcNext[k]; // ∂L/∂C_t, through h_t and from step t+1
                double zF = dC * c[c0 + k] * (fk * (1 - fk)); // ∂L/∂z_f, back through σ
                double zI = dC * ck * (ik * (1 - ik)); // ∂L/∂z_i
                double zC = dC * ik * (1 - ck * ck); // ∂L/∂z_C, back through tanh
                double zO = dh * tc * (ok * (1 - ok)); // ∂L/∂z_o
                dcNext[k] = dC * fk; // ∂L/∂C_{t-1}
                dz[zr + Z_F * hh + j] = zF;
                dz[zr + Z_I * hh + j] = zI;
                dz[zr + Z_C * hh + j] = zC;
                dz[zr + Z_O * hh + j] = zO;
                db[Z_F * hh + j] += zF;
                db[Z_I * hh + j] += zI;
                db[Z_C * hh + j] += zC;
                db[Z_O * hh + j] += zO;
            }
        }
    }

    /** {@link #forward(double[], double[], double[], int, double[], int, double[], double[], double[], double[], int, int)} in float. */
    static void forward(
            float[] z,
            float[] bias,
            float[] gates,
            int g0,
            float[] c,
            int c0,
            float[] tanhC,
            float[] h,
            float[] s,
            float[] w,
            int batch,
            int hidden) {
        final int hh = hidden, bh = batch * hidden;
        final int f = g0 + F * bh, i = g0 + I * bh, o = g0 + O * bh, cTilde = g0 + C_TILDE * bh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh, at = r * hh;
            for (int j = 0; j < hh; j++) gates[f + at + j] = -(z[zr + Z_F * hh + j] + bias[Z_F * hh + j]);
            for (int j = 0; j < hh; j++) gates[i + at + j] = -(z[zr + Z_I * hh + j] + bias[Z_I * hh + j]);
            for (int j = 0; j < hh; j++) gates[o + at + j] = -(z[zr + Z_O * hh + j] + bias[Z_O * hh + j]);
            for (int j = 0; j < hh; j++) gates[cTilde + at + j] = -2 * (z[zr + Z_C * hh + j] + bias[Z_C * hh + j]);
        }
        Activations.sigmoidOfNegated(gates, f, f + 3 * bh, s, w); // f_t, i_t, o_t = σ(W_g·[h_{t-1}, x_t] + b_g)
        Activations.tanhOfMinusTwice(gates, cTilde, cTilde + bh, s, w); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
        final int prev = c0, next = c0 + bh;
        for (int k = 0; k < bh; k++) {
            c[next + k] =
                    gates[f + k] * c[prev + k] + gates[i + k] * gates[cTilde + k]; // C_t = f_t * C_{t-1} + i_t * C̃_t
        }
        for (int k = 0; k < bh; k++) tanhC[c0 + k] = -2 * c[next + k];
        Activations.tanhOfMinusTwice(tanhC, c0, c0 + bh, s, w);
        for (int k = 0; k < bh; k++) h[k] = gates[o + k] * tanhC[c0 + k]; // h_t = o_t * tanh(C_t)
    }

    /** {@link #backward(double[], int, double[], int, double[], double[], int, int, double[], double[], double[], double[], int, int)} in float. */
    static void backward(
            float[] gates,
            int g0,
            float[] c,
            int c0,
            float[] tanhC,
            float[] dHs,
            int dHsAt,
            int dHsStride,
            float[] dhNext,
            float[] dcNext,
            float[] dz,
            float[] db,
            int batch,
            int hidden) {
        final int hh = hidden, bh = batch * hidden;
        final int f = g0 + F * bh, i = g0 + I * bh, o = g0 + O * bh, cTilde = g0 + C_TILDE * bh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh, at = r * hh, fromLoss = dHsAt + r * dHsStride;
            for (int j = 0; j < hh; j++) {
                final int k = at + j;
                float fk = gates[f + k], ik = gates[i + k], ok = gates[o + k], ck = gates[cTilde + k];
                float tc = tanhC[c0 + k];
                float dh = dHs[fromLoss + j] + dhNext[k]; // ∂L/∂h_t
                float dC = dh * ok * (1 - tc * tc) + dcNext[k]; // ∂L/∂C_t
                float zF = dC * c[c0 + k] * (fk * (1 - fk)); // ∂L/∂z_f
                float zI = dC * ck * (ik * (1 - ik)); // ∂L/∂z_i
                float zC = dC * ik * (1 - ck * ck); // ∂L/∂z_C
                float zO = dh * tc * (ok * (1 - ok)); // ∂L/∂z_o
                dcNext[k] = dC * fk; // ∂L/∂C_{t-1}
                dz[zr + Z_F * hh + j] = zF;
                dz[zr + Z_I * hh + j] = zI;
                dz[zr + Z_C * hh + j] = zC;
                dz[zr + Z_O * hh + j] = zO;
                db[Z_F * hh + j] += zF;
                db[Z_I * hh + j] += zI;
                db[Z_C * hh + j] += zC;
                db[Z_O * hh + j] += zO;
            }
        }
    }
}
