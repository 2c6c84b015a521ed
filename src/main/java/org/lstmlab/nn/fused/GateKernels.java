package org.lstmlab.nn.fused;

/**
 * The element-wise gate maths of one LSTM step for a whole batch, forward and backward, as plain Java
 * loops over flat arrays: at the course size ND4J spends more time per call than these loops take.
 * One equation per line, in the order of {@link org.lstmlab.nn.LstmCell}.
 */
final class GateKernels {
    private GateKernels() {}

    /**
     * One step of the gate maths for the whole batch, in place: {@code z} arrives as W·[h_{t-1}, x_t] without
     * the bias and leaves as the gates f, i, C̃, o; C_t and tanh(C_t) go to their step's block and h_t to {@code h}.
     *
     * @param z     [B, 4H], the gate blocks in the order f, i, C, o
     * @param bias  b = [b_f; b_i; b_C; b_o], [4H]
     * @param c     C_0 … C_T, [T+1, B, H]; reads C_{t-1} at {@code at}, writes C_t at {@code at + B·H}
     * @param tanhC tanh(C_t) written at {@code at}, [T, B, H]
     * @param h     h_t, [B, H]
     */
    static void cellForward(
            double[] z, double[] bias, double[] c, int at, double[] tanhC, double[] h, int batch, int hidden) {
        final int hh = hidden;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = at + r * hh;
            for (int j = 0; j < hh; j++) {
                double f = sigmoid(z[zr + j] + bias[j]); // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
                double i = sigmoid(z[zr + hh + j] + bias[hh + j]); // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
                double cTilde = tanh(z[zr + 2 * hh + j] + bias[2 * hh + j]); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
                double cNew = f * c[s + j] + i * cTilde; // C_t = f_t * C_{t-1} + i_t * C̃_t
                double o = sigmoid(z[zr + 3 * hh + j] + bias[3 * hh + j]); // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
                double tanhCNew = tanh(cNew);
                h[r * hh + j] = o * tanhCNew; // h_t = o_t * tanh(C_t)
                c[s + batch * hh + j] = cNew;
                tanhC[s + j] = tanhCNew;
                z[zr + j] = f;
                z[zr + hh + j] = i;
                z[zr + 2 * hh + j] = cTilde;
                z[zr + 3 * hh + j] = o;
            }
        }
    }

    /**
     * One step of backpropagation through the gate maths for the whole batch, in place: {@code z} arrives as
     * the gates of step t and leaves as ∂L/∂z_t; ∂L/∂C_{t-1} replaces {@code dcNext}, and ∂L/∂b accumulates.
     *
     * @param z      [B, 4H]: f, i, C̃, o in, ∂L/∂z_t out
     * @param c      C_0 … C_T, [T+1, B, H]
     * @param tanhC  tanh(C_t), [T, B, H]
     * @param t      the step
     * @param dHs    ∂L/∂h_t from the loss, [B, T, H]
     * @param dhNext ∂L/∂h_t from step t+1, [B, H]
     * @param dcNext ∂L/∂C_t from step t+1 in, ∂L/∂C_{t-1} out, [B, H]
     * @param db     ∂L/∂b accumulated over steps, [4H]
     */
    static void cellBackward(
            double[] z,
            double[] c,
            double[] tanhC,
            int t,
            double[] dHs,
            int steps,
            double[] dhNext,
            double[] dcNext,
            double[] db,
            int batch,
            int hidden) {
        final int hh = hidden;
        final int at = t * batch * hh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = r * hh;
            final int fromLoss = (r * steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                double f = z[zr + j];
                double i = z[zr + hh + j];
                double cTilde = z[zr + 2 * hh + j];
                double o = z[zr + 3 * hh + j];
                double cPrev = c[at + s + j];
                double tc = tanhC[at + s + j];
                double dh = dHs[fromLoss + j] + dhNext[s + j]; // ∂L/∂h_t
                double dC = dh * o * (1 - tc * tc) + dcNext[s + j]; // ∂L/∂C_t, through h_t and from later steps
                double zF = dC * cPrev * (f * (1 - f)); // ∂L/∂z_f, back through σ
                double zI = dC * cTilde * (i * (1 - i)); // ∂L/∂z_i
                double zC = dC * i * (1 - cTilde * cTilde); // ∂L/∂z_C, back through tanh
                double zO = dh * tc * (o * (1 - o)); // ∂L/∂z_o
                dcNext[s + j] = dC * f; // ∂L/∂C_{t-1}
                z[zr + j] = zF;
                z[zr + hh + j] = zI;
                z[zr + 2 * hh + j] = zC;
                z[zr + 3 * hh + j] = zO;
                db[j] += zF;
                db[hh + j] += zI;
                db[2 * hh + j] += zC;
                db[3 * hh + j] += zO;
            }
        }
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** tanh(x) = 2σ(2x) − 1 written with one exponential: faster than {@link Math#tanh} on Java 17, equal to rounding. */
    static double tanh(double x) {
        return 2 / (1 + Math.exp(-2 * x)) - 1;
    }
}
