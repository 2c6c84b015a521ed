package org.lstmlab.grad;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.RnnStep;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How far a gradient travels back in time: norms of the Jacobians ∂h_T/∂h_t (and ∂C_T/∂C_t) of one
 * example, lag by lag, the quantity behind vanishing and exploding gradients (Hochreiter 1991; Bengio,
 * Simard &amp; Frasconi 1994; Pascanu, Mikolov &amp; Bengio 2013, "On the difficulty of training recurrent
 * neural networks", ICML).
 *
 * <p>For the RNN {@code h_s = tanh(W_h · [h_{s−1}, x_s] + b_h)} one step's Jacobian is
 * {@code ∂h_s/∂h_{s−1} = diag(1 − h_s²) · W_hh} with {@code W_hh = W_h[:, :H]}, and
 * {@code ∂h_T/∂h_t = Π_{s=T..t+1} diag(1 − h_s²) · W_hh}. Since ‖diag(1 − h_s²)‖₂ ≤ γ = 1 for tanh,
 * {@code ‖∂h_T/∂h_t‖₂ ≤ (γ · ‖W_hh‖₂)^(T−t)} ({@link #pascanuBound}): with ‖W_hh‖₂ &lt; 1 the gradient
 * vanishes at least geometrically.
 *
 * <p>The Jacobians are small dense matrices computed on a single example (B = 1) in double precision,
 * whatever the parameters' type; norms come from {@link MatrixNorms}.
 *
 * <pre>{@code
 * RnnParams p = GradientFlow.withRecurrentSpectralNorm(RnnParams.init(1, 16, 7), 0.9);
 * JacobianNorms n = GradientFlow.rnn(new RnnCell(p), xs, h0);        // xs [1, T, 1], h0 [1, 16]
 * double[] bound = GradientFlow.pascanuBound(p, n.maxLag());         // (1 · 0.9)^k
 * }</pre>
 */
public final class GradientFlow {
    /** γ for tanh: its derivative 1 − tanh² is at most 1. */
    public static final double TANH_GAMMA = 1.0;
    /** γ for the logistic sigmoid: its derivative σ(1 − σ) is at most 1/4. */
    public static final double SIGMOID_GAMMA = 0.25;

    private GradientFlow() {}

    /**
     * ‖∂h_T/∂h_t‖ of an RNN for every t, indexed by the lag T − t.
     *
     * @param cell the RNN
     * @param xs   x_1 … x_T of one example, {@code [1, T, X]}
     * @param h0   h_0, {@code [1, H]}
     * @return spectral and Frobenius norms of {@code ∂h_T/∂h_t = Π_{s=T..t+1} diag(1 − h_s²) · W_hh}, lags 0 … T
     */
    public static JacobianNorms rnn(RnnCell cell, INDArray xs, INDArray h0) {
        double[][][] steps = rnnStepJacobians(cell, xs, h0);
        int big = steps.length;
        double[] spectral = new double[big + 1];
        double[] frobenius = new double[big + 1];
        double[][] product = identity(cell.hiddenSize());
        for (int k = 0; k <= big; k++) {
            if (k > 0)
                product = multiply(product, steps[big - k]); // ∂h_T/∂h_{T−k} = ∂h_T/∂h_{T−k+1} · ∂h_{T−k+1}/∂h_{T−k}
            spectral[k] = MatrixNorms.spectralNorm(product);
            frobenius[k] = MatrixNorms.frobeniusNorm(product);
        }
        return new JacobianNorms(spectral, frobenius);
    }

    /**
     * The Jacobian ∂h_T/∂h_t of an RNN on one example.
     *
     * @param cell the RNN
     * @param xs   x_1 … x_T, {@code [1, T, X]}
     * @param h0   h_0, {@code [1, H]}
     * @param t    0 … T
     * @return {@code [H, H]}, DOUBLE; entry (a, b) is ∂h_T[a]/∂h_t[b]
     */
    public static INDArray rnnJacobian(RnnCell cell, INDArray xs, INDArray h0, int t) {
        double[][][] steps = rnnStepJacobians(cell, xs, h0);
        checkTime(t, steps.length);
        double[][] product = identity(cell.hiddenSize());
        for (int s = steps.length - 1; s >= t; s--) product = multiply(product, steps[s]);
        return Nd4j.createFromArray(product);
    }

    /**
     * Gradient flow back through an LSTM on one example, three ways ({@link LstmJacobianNorms}).
     *
     * <p>With the state s_t = (h_t, C_t), one step's Jacobian is the 2H × 2H matrix
     * <pre>
     *   ∂C_s/∂C_{s−1} = diag(f_s)                                  (the cell path)
     *   ∂C_s/∂h_{s−1} = diag(C_{s−1} f_s(1−f_s)) W_f^h + diag(C̃_s i_s(1−i_s)) W_i^h + diag(i_s (1−C̃_s²)) W_C^h
     *   ∂h_s/∂C_{s−1} = diag(o_s (1 − tanh² C_s)) · ∂C_s/∂C_{s−1}
     *   ∂h_s/∂h_{s−1} = diag(tanh C_s · o_s(1−o_s)) W_o^h + diag(o_s (1 − tanh² C_s)) · ∂C_s/∂h_{s−1}
     * </pre>
     * where {@code W_g^h = W_g[:, :H]}. The product of these over s = T … t+1 is ∂s_T/∂s_t;
     * {@code hidden} is the norm of its h-to-h block, {@code cell} of its C-to-C block. {@code cellPath}
     * keeps only diag(f_s): the constant error carousel of Hochreiter &amp; Schmidhuber (1997), with the
     * forget gate of Gers, Schmidhuber &amp; Cummins (2000). When f_s ≈ 1 it stays ≈ 1 over any lag.
     *
     * @param cell the LSTM
     * @param xs   x_1 … x_T of one example, {@code [1, T, X]}
     * @param h0   h_0, {@code [1, H]}
     * @param c0   C_0, {@code [1, H]}
     */
    public static LstmJacobianNorms lstm(LstmCell cell, INDArray xs, INDArray h0, INDArray c0) {
        LstmRun run = lstmRun(cell, xs, h0, c0);
        int big = run.jacobians.length;
        int hidden = cell.hiddenSize();
        double[][] hs = new double[2][big + 1];
        double[][] path = new double[2][big + 1];
        double[][] cs = new double[2][big + 1];
        double[][] product = identity(2 * hidden);
        double[] forget = new double[hidden];
        Arrays.fill(forget, 1.0);
        for (int k = 0; k <= big; k++) {
            if (k > 0) {
                product = multiply(product, run.jacobians[big - k]);
                double[] f = run.forget[big - k];
                for (int a = 0; a < hidden; a++) forget[a] *= f[a]; // Π diag(f_s)
            }
            double[][] hh = block(product, 0, 0, hidden);
            double[][] cc = block(product, hidden, hidden, hidden);
            hs[0][k] = MatrixNorms.spectralNorm(hh);
            hs[1][k] = MatrixNorms.frobeniusNorm(hh);
            cs[0][k] = MatrixNorms.spectralNorm(cc);
            cs[1][k] = MatrixNorms.frobeniusNorm(cc);
            double max = 0;
            double squares = 0;
            for (double v : forget) {
                max = Math.max(max, Math.abs(v));
                squares += v * v;
            }
            path[0][k] = max;
            path[1][k] = Math.sqrt(squares);
        }
        return new LstmJacobianNorms(
                new JacobianNorms(hs[0], hs[1]), new JacobianNorms(path[0], path[1]), new JacobianNorms(cs[0], cs[1]));
    }

    /**
     * The full state Jacobian ∂(h_T, C_T)/∂(h_t, C_t) of an LSTM on one example (see {@link #lstm}).
     *
     * @param cell the LSTM
     * @param xs   x_1 … x_T, {@code [1, T, X]}
     * @param h0   h_0, {@code [1, H]}
     * @param c0   C_0, {@code [1, H]}
     * @param t    0 … T
     * @return {@code [2H, 2H]}, DOUBLE, rows (h_T, C_T) and columns (h_t, C_t), h first
     */
    public static INDArray lstmJacobian(LstmCell cell, INDArray xs, INDArray h0, INDArray c0, int t) {
        LstmRun run = lstmRun(cell, xs, h0, c0);
        checkTime(t, run.jacobians.length);
        double[][] product = identity(2 * cell.hiddenSize());
        for (int s = run.jacobians.length - 1; s >= t; s--) product = multiply(product, run.jacobians[s]);
        return Nd4j.createFromArray(product);
    }

    /** ‖W_hh‖₂, the spectral norm of the RNN's recurrent block {@code W_h[:, :H]}. */
    public static double recurrentSpectralNorm(RnnParams params) {
        if (params == null) throw new IllegalArgumentException("params must be RnnParams but is null");
        return MatrixNorms.spectralNorm(params.recurrentBlock());
    }

    /** ‖W_g[:, :H]‖₂ for each gate of an LSTM, by symbol W_f, W_i, W_C, W_o. */
    public static Map<String, Double> recurrentSpectralNorms(LstmParams params) {
        if (params == null) throw new IllegalArgumentException("params must be LstmParams but is null");
        Map<String, Double> norms = new LinkedHashMap<>();
        for (var e : params.named().entrySet()) {
            if (e.getKey().startsWith("W_")) {
                norms.put(e.getKey(), MatrixNorms.spectralNorm(recurrent(e.getValue(), params.hiddenSize())));
            }
        }
        return norms;
    }

    /**
     * The bound of Pascanu, Mikolov &amp; Bengio (2013), {@code ‖∂h_T/∂h_t‖₂ ≤ (γ · ‖W_hh‖₂)^(T−t)}, for
     * lags 0 … maxLag. It follows from ‖∂h_s/∂h_{s−1}‖₂ ≤ ‖diag(σ'(z_s))‖₂ · ‖W_hh‖₂ ≤ γ · ‖W_hh‖₂, where γ
     * bounds the activation's derivative: 1 for tanh, 1/4 for the sigmoid.
     *
     * @param gamma         γ &gt; 0, {@link #TANH_GAMMA} for the course's RNN
     * @param recurrentNorm ‖W_hh‖₂ ≥ 0
     * @param maxLag        the largest lag T ≥ 0
     * @return {@code [maxLag + 1]}, entry k = (γ · ‖W_hh‖₂)^k
     */
    public static double[] pascanuBound(double gamma, double recurrentNorm, int maxLag) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException(
                    "γ must be a positive bound on the activation's derivative (1 for tanh) but is " + gamma);
        }
        if (!(recurrentNorm >= 0) || Double.isInfinite(recurrentNorm)) {
            throw new IllegalArgumentException("‖W_hh‖₂ must be a finite norm ≥ 0 but is " + recurrentNorm);
        }
        if (maxLag < 0) throw new IllegalArgumentException("the largest lag T − t must be ≥ 0 but is " + maxLag);
        double[] bound = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) bound[k] = Math.pow(gamma * recurrentNorm, k);
        return bound;
    }

    /** {@link #pascanuBound(double, double, int)} for the course's tanh RNN: γ = 1 and ‖W_hh‖₂ of these parameters. */
    public static double[] pascanuBound(RnnParams params, int maxLag) {
        return pascanuBound(TANH_GAMMA, recurrentSpectralNorm(params), maxLag);
    }

    /**
     * A copy of the RNN's parameters with the recurrent block W_hh = W_h[:, :H] scaled so that
     * ‖W_hh‖₂ = {@code spectralNorm}; the input block and b_h are unchanged. Notebook 01 compares 0.5, 0.9,
     * 1.0 and 1.5.
     *
     * @param params       the parameters to start from (not modified)
     * @param spectralNorm the target ‖W_hh‖₂ &gt; 0
     */
    public static RnnParams withRecurrentSpectralNorm(RnnParams params, double spectralNorm) {
        if (params == null) throw new IllegalArgumentException("params must be RnnParams but is null");
        if (!(spectralNorm > 0) || Double.isInfinite(spectralNorm)) {
            throw new IllegalArgumentException("the target ‖W_hh‖₂ must be positive and finite but is " + spectralNorm);
        }
        double now = recurrentSpectralNorm(params);
        if (now == 0) {
            throw new IllegalArgumentException(
                    "W_hh = W_h[:, :H] is all zeros, so no scaling gives ‖W_hh‖₂ = " + spectralNorm);
        }
        RnnParams copy = params.copy();
        copy.recurrentBlock().muli(spectralNorm / now);
        return copy;
    }

    private static double[][][] rnnStepJacobians(RnnCell cell, INDArray xs, INDArray h0) {
        if (cell == null) throw new IllegalArgumentException("cell must be an RnnCell but is null");
        checkOneExample(xs, h0, null, cell.inputSize(), cell.hiddenSize());
        List<RnnStep> steps = cell.forwardSequence(xs, h0).steps();
        int hidden = cell.hiddenSize();
        double[][] whh = MatrixNorms.toArray(cell.params().recurrentBlock());
        double[][][] jacobians = new double[steps.size()][][];
        for (int s = 0; s < steps.size(); s++) {
            double[] h = row(steps.get(s).h());
            double[][] j = new double[hidden][hidden];
            for (int a = 0; a < hidden; a++) {
                double slope = 1 - h[a] * h[a];
                for (int b = 0; b < hidden; b++) j[a][b] = slope * whh[a][b]; // diag(1 − h_s²) · W_hh
            }
            jacobians[s] = j;
        }
        return jacobians;
    }

    private record LstmRun(double[][][] jacobians, double[][] forget) {}

    private static LstmRun lstmRun(LstmCell cell, INDArray xs, INDArray h0, INDArray c0) {
        if (cell == null) throw new IllegalArgumentException("cell must be an LstmCell but is null");
        checkOneExample(xs, h0, c0, cell.inputSize(), cell.hiddenSize());
        List<LstmStep> steps = cell.forwardSequence(xs, h0, c0).steps();
        int n = cell.hiddenSize();
        LstmParams p = cell.params();
        double[][] wF = MatrixNorms.toArray(recurrent(p.wF(), n));
        double[][] wI = MatrixNorms.toArray(recurrent(p.wI(), n));
        double[][] wC = MatrixNorms.toArray(recurrent(p.wC(), n));
        double[][] wO = MatrixNorms.toArray(recurrent(p.wO(), n));
        double[][][] jacobians = new double[steps.size()][][];
        double[][] forget = new double[steps.size()][];
        for (int s = 0; s < steps.size(); s++) {
            LstmStep st = steps.get(s);
            double[] f = row(st.f());
            double[] i = row(st.i());
            double[] cTilde = row(st.cTilde());
            double[] cPrev = row(st.cPrev());
            double[] o = row(st.o());
            double[] tanhC = row(st.tanhC());
            double[][] m = new double[2 * n][2 * n];
            for (int a = 0; a < n; a++) {
                double out = o[a] * (1 - tanhC[a] * tanhC[a]); // ∂h_s/∂C_s = o_s (1 − tanh² C_s)
                for (int b = 0; b < n; b++) {
                    double dCdh = cPrev[a] * f[a] * (1 - f[a]) * wF[a][b] // through f_s
                            + cTilde[a] * i[a] * (1 - i[a]) * wI[a][b] // through i_s
                            + i[a] * (1 - cTilde[a] * cTilde[a]) * wC[a][b]; // through C̃_s
                    double dOdh = o[a] * (1 - o[a]) * wO[a][b];
                    m[a][b] = tanhC[a] * dOdh + out * dCdh; // ∂h_s/∂h_{s−1}
                    m[n + a][b] = dCdh; // ∂C_s/∂h_{s−1}
                }
                m[a][n + a] = out * f[a]; // ∂h_s/∂C_{s−1}
                m[n + a][n + a] = f[a]; // ∂C_s/∂C_{s−1} = diag(f_s)
            }
            jacobians[s] = m;
            forget[s] = f;
        }
        return new LstmRun(jacobians, forget);
    }

    private static void checkOneExample(INDArray xs, INDArray h0, INDArray c0, int inputs, int hidden) {
        Shapes.require("x", "[1, T, X]", xs, 1, Shapes.ANY, inputs);
        if (xs.size(1) < 1) {
            throw new IllegalArgumentException(
                    "x must have at least one step, [1, T, X] with T ≥ 1, but is " + Arrays.toString(xs.shape()));
        }
        Shapes.require("h_0", "[1, H]", h0, 1, hidden);
        if (c0 != null) Shapes.require("C_0", "[1, H]", c0, 1, hidden);
    }

    private static void checkTime(int t, int steps) {
        if (t < 0 || t > steps) throw new IllegalArgumentException("t must be in 0 … T = " + steps + " but is " + t);
    }

    private static INDArray recurrent(INDArray w, int hidden) {
        return w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hidden));
    }

    private static double[] row(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int k = 0; k < n; k++) m[k][k] = 1;
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int rows = a.length;
        int inner = b.length;
        int cols = b[0].length;
        double[][] c = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < inner; k++) {
                double v = a[r][k];
                if (v == 0) continue;
                for (int q = 0; q < cols; q++) c[r][q] += v * b[k][q];
            }
        }
        return c;
    }

    private static double[][] block(double[][] m, int row, int col, int size) {
        double[][] b = new double[size][size];
        for (int r = 0; r < size; r++) System.arraycopy(m[row + r], col, b[r], 0, size);
        return b;
    }
}
