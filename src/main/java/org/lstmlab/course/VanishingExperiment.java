package org.lstmlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstmlab.grad.GradientFlow;
import org.lstmlab.grad.JacobianNorms;
import org.lstmlab.grad.LstmJacobianNorms;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.plot.TextColumns;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurements behind notebooks 01 and 04: how ‖∂h_T/∂h_t‖₂ of an RNN falls with the lag when
 * its recurrent block W_hh is scaled to a given spectral norm, next to the Pascanu, Mikolov &amp; Bengio
 * (2013) bound, and how the LSTM's cell path Π diag(f_s) (Hochreiter &amp; Schmidhuber 1997) compares on
 * the same input sequence.
 *
 * <pre>{@code
 * var experiment = VanishingExperiment.defaults();                     // H = 16, X = 4, T = 60, seed 7
 * NormCurves rnn = experiment.rnn(0.5, 0.9, 1.0, 1.5);                  // one curve and one bound per ‖W_hh‖₂
 * XYChart chart = GradientNormChart.chart(rnn.lags(), rnn.measured(), rnn.bounds());
 * NormCurves both = experiment.rnnAndLstm(0.9, 1.0, 5.0);              // RNN at 0.9, LSTM cell path at b_f = 1 and 5
 * NormCurves paths = experiment.lstmPaths(0.9, 5.0);                  // RNN, LSTM full ∂h_T/∂h_t, full ∂C_T/∂C_t, cell path
 * ForgetRates rates = experiment.forgetRates(1.0);                     // the rate at which the cell path falls
 * }</pre>
 *
 * <p>Two LSTM quantities share the symbol ∂C_T/∂C_t in loose writing; here they do not. The cell path
 * {@code F_{T,t} = Π_{s=t+1..T} diag(f_s)} is the derivative of the additive update with the gates held
 * fixed; the full ∂C_T/∂C_t adds every path that leaves the cell through h and returns through the gates.
 *
 * @param inputSize  X
 * @param hiddenSize H
 * @param length     T, the length of the one input sequence (the largest lag measured)
 * @param seed       seeds the weights and the input sequence
 */
public record VanishingExperiment(int inputSize, int hiddenSize, int length, long seed) {

    public VanishingExperiment {
        if (inputSize < 1 || hiddenSize < 1 || length < 1) {
            throw new IllegalArgumentException("X, H and T must be at least 1 but are X = " + inputSize + ", H = "
                    + hiddenSize + ", T = " + length);
        }
    }

    /** H = 16 hidden units, X = 4 inputs, one sequence of T = 60 steps, seed 7. */
    public static VanishingExperiment defaults() {
        return new VanishingExperiment(4, 16, 60, 7);
    }

    /** x_1 … x_T of the one example every measurement reads: standard normal, {@code [1, T, X]}, DOUBLE. */
    public INDArray inputs() {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[length * inputSize];
        for (int k = 0; k < values.length; k++) values[k] = random.nextGaussian();
        return Nd4j.create(values, new long[] {1, length, inputSize}, DataType.DOUBLE); // [1, T, X]
    }

    /** The RNN's parameters with W_hh scaled to {@code ‖W_hh‖₂ = spectralNorm} (the same draw for every norm). */
    public RnnParams rnnParams(double spectralNorm) {
        return GradientFlow.withRecurrentSpectralNorm(
                RnnParams.init(inputSize, hiddenSize, Init.UNIFORM, seed, DataType.DOUBLE), spectralNorm);
    }

    /** The LSTM's parameters: uniform weights (the same draw for every bias) and b_f = {@code forgetBias}. */
    public LstmParams lstmParams(double forgetBias) {
        return LstmParams.init(inputSize, hiddenSize, Init.UNIFORM, forgetBias, seed, DataType.DOUBLE);
    }

    /**
     * ‖∂h_T/∂h_t‖₂ against the lag for RNNs whose W_hh is scaled to each spectral norm, with the bound
     * (1 · ‖W_hh‖₂)^(T−t) for each.
     *
     * @param spectralNorms at least one ‖W_hh‖₂ &gt; 0
     * @return curves named {@code ‖W_hh‖₂ = 0.5} and bounds named {@code bound 0.5^(T−t)}
     */
    public NormCurves rnn(double... spectralNorms) {
        if (spectralNorms.length == 0) throw new IllegalArgumentException("give at least one spectral norm ‖W_hh‖₂");
        INDArray xs = inputs(); // [1, T, X]
        Map<String, double[]> measured = new LinkedHashMap<>();
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (double rho : spectralNorms) {
            RnnParams p = rnnParams(rho);
            JacobianNorms norms = GradientFlow.rnn(new RnnCell(p), xs, Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize));
            measured.put(rnnName(rho), norms.spectral());
            bounds.put("bound " + format(rho) + "^(T−t)", GradientFlow.pascanuBound(p, length));
        }
        return new NormCurves(lags(), measured, bounds);
    }

    /**
     * The RNN's ‖∂h_T/∂h_t‖₂ at one spectral norm next to the LSTM's cell-path norm
     * ‖∂C_T/∂C_t‖₂ along Π diag(f_s), for each forget-gate bias, all on the same input sequence.
     *
     * @param spectralNorm ‖W_hh‖₂ of the RNN
     * @param forgetBiases one or more b_f at initialisation
     * @return curves named {@code RNN ‖∂h_T/∂h_t‖₂, ‖W_hh‖₂ = 0.9} and {@code LSTM ‖∂C_T/∂C_t‖₂ (cell path), b_f = 1}; no bounds
     */
    public NormCurves rnnAndLstm(double spectralNorm, double... forgetBiases) {
        INDArray xs = inputs(); // [1, T, X]
        Map<String, double[]> measured = new LinkedHashMap<>();
        JacobianNorms rnn =
                GradientFlow.rnn(new RnnCell(rnnParams(spectralNorm)), xs, Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize));
        measured.put("RNN ‖∂h_T/∂h_t‖₂, " + rnnName(spectralNorm), rnn.spectral());
        for (double bias : forgetBiases) {
            measured.put(lstmName(bias), lstm(bias).cellPath().spectral());
        }
        return new NormCurves(lags(), measured, new LinkedHashMap<>());
    }

    /**
     * The RNN's ‖∂h_T/∂h_t‖₂ at one spectral norm and, for one forget-gate bias, the LSTM's three norms on the
     * same input sequence: the full ∂h_T/∂h_t, the full ∂C_T/∂C_t, and the cell path ‖F_{T,t}‖₂ =
     * ‖Π diag(f_s)‖₂ (see {@link GradientFlow#lstm}).
     *
     * @param spectralNorm ‖W_hh‖₂ of the RNN
     * @param forgetBias   b_f of the LSTM at initialisation
     * @return four curves, named by {@link #rnnName}-style legends: RNN, LSTM full h, LSTM full C, cell path
     */
    public NormCurves lstmPaths(double spectralNorm, double forgetBias) {
        INDArray xs = inputs(); // [1, T, X]
        Map<String, double[]> measured = new LinkedHashMap<>();
        JacobianNorms rnn =
                GradientFlow.rnn(new RnnCell(rnnParams(spectralNorm)), xs, Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize));
        measured.put("RNN ‖∂h_T/∂h_t‖₂, " + rnnName(spectralNorm), rnn.spectral());
        LstmJacobianNorms lstm = lstm(forgetBias);
        measured.put(fullHiddenName(forgetBias), lstm.hidden().spectral());
        measured.put(fullCellName(forgetBias), lstm.cell().spectral());
        measured.put(lstmName(forgetBias), lstm.cellPath().spectral());
        return new NormCurves(lags(), measured, new LinkedHashMap<>());
    }

    /**
     * The forget gates f_1 … f_T of the LSTM with b_f = {@code forgetBias} on the experiment's sequence, and
     * the rate at which the cell path ‖F_{T,t}‖₂ falls. F is diagonal, so its spectral norm is its largest
     * entry: the product of f_s of the unit that forgets least. That unit's geometric-mean f is the factor
     * ‖F_{T,0}‖₂ loses per step on average over the whole sequence, not the mean of all f.
     *
     * @param forgetBias b_f at initialisation
     */
    public ForgetRates forgetRates(double forgetBias) {
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize); // [1, H]
        INDArray c0 = Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize); // [1, H]
        var steps = new LstmCell(lstmParams(forgetBias))
                .forwardSequence(inputs(), h0, c0)
                .steps();
        double[][] f = new double[steps.size()][];
        for (int s = 0; s < f.length; s++)
            f[s] = steps.get(s).f().dup('c').data().asDouble(); // f_s, [H]
        return ForgetRates.of(forgetBias, f);
    }

    /**
     * How fast the cell path F_{T,t} = Π diag(f_s) falls for one forget-gate bias.
     *
     * @param forgetBias  b_f
     * @param steps       T, the number of forget gates multiplied
     * @param slowestUnit the unit whose product Π_s f_s is largest: the one that forgets least
     * @param slowestRate that unit's geometric-mean f, (Π_{s=1..T} f_s)^(1/T); its T-th power is ‖F_{T,0}‖₂
     * @param meanForget  the arithmetic mean of f over every unit and step
     */
    public record ForgetRates(double forgetBias, int steps, int slowestUnit, double slowestRate, double meanForget) {

        /**
         * The rates of forget gates f_s[a], {@code f[s][a]} for step s and unit a.
         *
         * @param f {@code [T][H]}, every value in (0, 1)
         */
        public static ForgetRates of(double forgetBias, double[][] f) {
            if (f.length == 0) throw new IllegalArgumentException("need at least one step of forget gates, T ≥ 1");
            int units = f[0].length;
            double bestLog = Double.NEGATIVE_INFINITY;
            int best = -1;
            double sum = 0;
            for (int a = 0; a < units; a++) {
                double log = 0;
                for (double[] fs : f) {
                    if (fs.length != units) {
                        throw new IllegalArgumentException(
                                "every step needs H = " + units + " forget gates but one has " + fs.length);
                    }
                    log += Math.log(fs[a]); // log Π_s f_s[a]
                    sum += fs[a];
                }
                if (log > bestLog) {
                    bestLog = log;
                    best = a;
                }
            }
            return new ForgetRates(
                    forgetBias, f.length, best, Math.exp(bestLog / f.length), sum / ((double) f.length * units));
        }

        /** ‖F_{T,0}‖₂ = slowestRate^T, the cell path across the whole sequence. */
        public double cellPathAcrossTheSequence() {
            return Math.pow(slowestRate, steps);
        }

        /** meanForget^T: what the cell path would be if it fell at the mean forget gate. */
        public double meanRateAcrossTheSequence() {
            return Math.pow(meanForget, steps);
        }

        @Override
        public String toString() {
            return Words.format(
                    "b_f = %s: unit %d forgets least; its geometric-mean f over %d steps is %.3f, and %.3f^%d = %.3e%n"
                            + "        the mean f over all units and steps is %.3f, and %.3f^%d = %.3e",
                    format(forgetBias),
                    slowestUnit,
                    steps,
                    slowestRate,
                    slowestRate,
                    steps,
                    cellPathAcrossTheSequence(),
                    meanForget,
                    meanForget,
                    steps,
                    meanRateAcrossTheSequence());
        }
    }

    /** All three LSTM norms (hidden, cell path, full cell) for one forget-gate bias, on the same sequence. */
    public LstmJacobianNorms lstm(double forgetBias) {
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize); // [1, H]
        INDArray c0 = Nd4j.zeros(DataType.DOUBLE, 1, hiddenSize); // [1, H]
        return GradientFlow.lstm(new LstmCell(lstmParams(forgetBias)), inputs(), h0, c0);
    }

    /** The legend name of the LSTM cell-path curve ‖F_{T,t}‖₂ = ‖Π diag(f_s)‖₂ for a forget-gate bias. */
    public static String lstmName(double forgetBias) {
        return "LSTM cell path ‖Π diag(f_s)‖₂, b_f = " + format(forgetBias);
    }

    /** The legend name of the LSTM's full ‖∂h_T/∂h_t‖₂ (every path) for a forget-gate bias. */
    public static String fullHiddenName(double forgetBias) {
        return "LSTM full ‖∂h_T/∂h_t‖₂, b_f = " + format(forgetBias);
    }

    /** The legend name of the LSTM's full ‖∂C_T/∂C_t‖₂ (every path) for a forget-gate bias. */
    public static String fullCellName(double forgetBias) {
        return "LSTM full ‖∂C_T/∂C_t‖₂, b_f = " + format(forgetBias);
    }

    /** The legend name of the RNN curve for a spectral norm. */
    public static String rnnName(double spectralNorm) {
        return "‖W_hh‖₂ = " + format(spectralNorm);
    }

    private double[] lags() {
        double[] lags = new double[length + 1];
        for (int k = 0; k <= length; k++) lags[k] = k;
        return lags;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Norm curves that share their lags, ready for {@code GradientNormChart.chart(lags, measured, bounds)}.
     *
     * @param lags     0 … T, {@code [T+1]}
     * @param measured legend name → norms at each lag, {@code [T+1]}, in insertion order
     * @param bounds   legend name → bound at each lag, in the order of their measured curves (may be empty)
     */
    public record NormCurves(double[] lags, Map<String, double[]> measured, Map<String, double[]> bounds) {

        /** The measured norm of the curve {@code name} at {@code lag}. */
        public double at(String name, int lag) {
            double[] values = measured.get(name);
            if (values == null)
                throw new IllegalArgumentException("no curve '" + name + "'; the curves are " + measured.keySet());
            if (lag < 0 || lag >= values.length) {
                throw new IllegalArgumentException("lag must be in 0 … " + (values.length - 1) + " but is " + lag);
            }
            return values[lag];
        }

        /** Every measured curve, in order, for {@code GradientNormChart}. */
        public java.util.List<org.lstmlab.plot.Curve> curves() {
            return measured.entrySet().stream()
                    .map(e -> new org.lstmlab.plot.Curve(e.getKey(), lags, e.getValue()))
                    .toList();
        }

        /**
         * A plain-text table of every curve's norm at the given lags, for a notebook to print: columns as wide as
         * their widest cell ({@link TextColumns}) and two places apart, so that four lags fit a notebook's output area in
         * either language (JupyterLab at 1280 px shows 105 places beside its file browser).
         */
        public String table(int... atLags) {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of(Words.term("column", "curve")));
            for (int lag : atLags) header.add(" " + Words.t("lag " + lag)); // a leading space: columns two apart
            rows.add(header);
            for (String name : measured.keySet()) {
                List<String> row = new ArrayList<>(List.of(Words.t(name)));
                for (int lag : atLags) row.add(String.format(Locale.ROOT, " %.3e", at(name, lag)));
                rows.add(row);
            }
            return TextColumns.of("l" + "r".repeat(atLags.length), rows) + "\n";
        }
    }
}
