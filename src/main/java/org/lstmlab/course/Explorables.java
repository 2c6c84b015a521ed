package org.lstmlab.course;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.plot.Curve;
import org.lstmlab.plot.Gate;
import org.lstmlab.plot.GateHeatmapChart;
import org.lstmlab.plot.GradientNormChart;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The figures of the notebooks' explorables, one per control setting: a notebook wires a slider to one of these
 * (with the kernel's widgets), and a static notebook shows the figure at the slider's first value. Each is the
 * notebook's static figure for one value of what the slider moves, with the numbers a student reads in its title.
 *
 * <pre>{@code
 * Explorables.spectralNorm(VanishingExperiment.defaults(), 0.95);   // notebook 01: one RNN, its Pascanu bound
 * Explorables.forgetBias(fourWeeks, 2.0, 20);                       // notebook 02: f_t of the Seattle weeks at b_f = 2
 * Explorables.cellPath(VanishingExperiment.defaults(), 0.95, 20);   // notebook 04: Π f_s against the measured paths
 * }</pre>
 */
public final class Explorables {

    /** Notebook 02's cell: H = 8 hidden units, seed 42, as its static figure. */
    static final int FORECAST_HIDDEN = 8;

    static final long FORECAST_SEED = 42;

    /** Notebook 04's RNN: ‖W_hh‖₂ = 0.9, as its static figure. */
    static final double RNN_SPECTRAL_NORM = 0.9;

    /** The most bytes the kept measurements hold in one kernel: every value of every course slider, with room. */
    static final long KEPT_BYTES = 32L << 20;

    /** Measurements by what they measured (a name, the set-up, the value), the least recently used dropped first. */
    static final KeptMeasurements MEASURED = new KeptMeasurements(KEPT_BYTES);

    /** What a kept measurement is, the first part of its key. */
    private enum Measured {
        RNN,
        FORGET_RUN,
        LSTM_CELL_PATH
    }

    private Explorables() {}

    /** The measurement named by {@code key}: made by {@code measure} the first time, then the one kept. */
    private static <T> T measured(List<Object> key, Supplier<T> measure) {
        return MEASURED.get(key, measure);
    }

    /**
     * Notebook 01: ‖∂h_T/∂h_t‖₂ of the experiment's RNN with W_hh scaled to one spectral norm, against the lag, with
     * the bound ‖W_hh‖₂^(T−t) (Pascanu, Mikolov &amp; Bengio 2013, tanh' ≤ 1) dashed.
     *
     * @param experiment the set-up (H, X, T, seed)
     * @param spectralNorm ‖W_hh‖₂ &gt; 0
     * @return the figure, titled with the measured norm and the bound at the longest lag
     */
    public static XYChart spectralNorm(VanishingExperiment experiment, double spectralNorm) {
        if (!(spectralNorm > 0)) {
            throw new IllegalArgumentException("the spectral norm ‖W_hh‖₂ must be above 0 but is " + spectralNorm);
        }
        VanishingExperiment.NormCurves curves =
                measured(List.of(Measured.RNN, experiment, spectralNorm), () -> experiment.rnn(spectralNorm));
        XYChart chart = GradientNormChart.chart(curves.lags(), curves.measured(), curves.bounds());
        int longest = experiment.length(); // lags 0 … T
        double bound = curves.bounds().values().iterator().next()[longest];
        chart.setTitle(Words.format(
                "‖W_hh‖₂ = %.2f: ‖∂h_T/∂h_t‖₂ at lag %d is %.1e (bound %.1e)",
                spectralNorm,
                (int) curves.lags()[longest],
                curves.at(VanishingExperiment.rnnName(spectralNorm), (int) curves.lags()[longest]),
                bound));
        return chart;
    }

    /**
     * Notebook 02: the forget gate f_t of an untrained LSTM (H = 8, seed 42, uniform weights) with forget-gate bias
     * b_f on a sequence, as a heatmap, titled with the mean f_t and the fraction of a memory left after k steps at
     * that mean, (mean f_t)^k.
     *
     * @param sequence {@code [1, T, X]}: the sequence the gate reads (notebook 02: four weeks of Seattle weather)
     * @param forgetBias b_f
     * @param steps k ≥ 1
     * @return the heatmap
     */
    public static HeatMapChart forgetBias(INDArray sequence, double forgetBias, int steps) {
        if (sequence == null || sequence.rank() != 3 || sequence.size(0) != 1) {
            throw new IllegalArgumentException("the sequence must be one example [1, T, X] but is "
                    + (sequence == null ? "null" : java.util.Arrays.toString(sequence.shape())));
        }
        if (steps < 1) {
            throw new IllegalArgumentException(
                    "k, the number of steps a memory is kept, must be at least 1 but is " + steps);
        }
        INDArray read = sequence.castTo(DataType.DOUBLE).dup(); // a compact copy: its values name the measurement
        ForgetRun measuredRun = measured(
                List.of(
                        Measured.FORGET_RUN,
                        Arrays.asList(sequence.shape()[1], sequence.shape()[2]),
                        DoubleBuffer.wrap(read.data().asDouble()),
                        forgetBias),
                () -> {
                    LstmSequence run = forgetRun(read, forgetBias);
                    return new ForgetRun(forgetGates(run), meanForget(run));
                });
        double meanForget = measuredRun.meanForget();
        HeatMapChart chart = GateHeatmapChart.chart(Gate.FORGET, measuredRun.f());
        chart.setTitle(Words.format(
                "b_f = %.1f: mean f_t = %.3f, after k = %d steps a memory keeps %.1e of itself",
                forgetBias, meanForget, steps, Math.pow(meanForget, steps)));
        return chart;
    }

    /** Notebook 02's LSTM over the sequence at one b_f: its f_t, {@code [T][H]}, and their mean (the rest not kept). */
    private record ForgetRun(double[][] f, double meanForget) {}

    /** f_t of the run's only example, {@code [T][H]}: f[t−1][j] is unit j's gate at step t. */
    private static double[][] forgetGates(LstmSequence run) {
        return run.steps().stream().map(s -> s.f().getRow(0).toDoubleVector()).toArray(double[][]::new);
    }

    /** The untrained LSTM of notebook 02 with b_f = {@code forgetBias} over the sequence, from h_0 = C_0 = 0. */
    static LstmSequence forgetRun(INDArray sequence, double forgetBias) {
        int inputs = (int) sequence.size(2);
        LstmParams biased =
                LstmParams.init(inputs, FORECAST_HIDDEN, Init.UNIFORM, forgetBias, FORECAST_SEED, DataType.DOUBLE);
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, 1, FORECAST_HIDDEN); // h_0 = C_0 = 0, [1, H]
        return new LstmCell(biased).forwardSequence(sequence.castTo(DataType.DOUBLE), zeros, zeros);
    }

    /** The mean of f_t over every step and unit. */
    static double meanForget(LstmSequence run) {
        return run.steps().stream()
                .mapToDouble(s -> s.f().meanNumber().doubleValue())
                .average()
                .orElseThrow();
    }

    /**
     * Notebook 04: the product Π f_s = f^(T−t) of a forget gate held at f, dashed, beside the measured cell path
     * ‖Π diag(f_s)‖₂ of the experiment's LSTM whose bias is set so that σ(b_f) = f (its gates then sit around f, moved
     * by the weights), and the RNN's ‖∂h_T/∂h_t‖₂ at ‖W_hh‖₂ = 0.9; a vertical dashed line marks the lag, whose three values
     * the title gives.
     *
     * @param experiment the set-up (H, X, T, seed)
     * @param forgetGate f in (0, 1)
     * @param lag T − t in [1, T]
     * @return the figure
     */
    public static XYChart cellPath(VanishingExperiment experiment, double forgetGate, int lag) {
        if (!(forgetGate > 0 && forgetGate < 1)) {
            throw new IllegalArgumentException("the forget gate f must be in (0, 1) but is " + forgetGate);
        }
        if (lag < 1 || lag > experiment.length()) {
            throw new IllegalArgumentException(
                    "the lag T − t must be in [1, T = " + experiment.length() + "] but is " + lag);
        }
        double forgetBias = Math.log(forgetGate / (1 - forgetGate)); // σ(b_f) = f
        // the RNN moves with no control, the LSTM only with f: each is measured once (the RNN shared with notebook 01)
        VanishingExperiment.NormCurves rnnCurves =
                measured(List.of(Measured.RNN, experiment, RNN_SPECTRAL_NORM), () -> experiment.rnn(RNN_SPECTRAL_NORM));
        double[] lstmPath = measured(
                List.of(Measured.LSTM_CELL_PATH, experiment, forgetBias),
                () -> experiment.lstm(forgetBias).cellPath().spectral());
        double[] lags = rnnCurves.lags();
        double[] rnnNorms = rnnCurves.measured().values().iterator().next();
        double[] product = new double[lags.length];
        for (int k = 0; k < lags.length; k++) {
            product[k] = Math.pow(forgetGate, lags[k]); // Π_{s=t+1..T} f_s with every f_s = f
        }
        // short legends: the figure keeps its width for the curves; Figures draws each name through Words
        List<Curve> solid = List.of(
                new Curve("RNN, ‖W_hh‖₂ = " + RNN_SPECTRAL_NORM, lags, rnnNorms),
                new Curve(String.format(Locale.ROOT, "LSTM cell path, σ(b_f) = %.2f", forgetGate), lags, lstmPath));
        String productName = String.format(Locale.ROOT, "Π f_s = %.2f^(T−t)", forgetGate);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Curve c : solid) {
            for (double y : c.y()) {
                if (y > 0) {
                    low = Math.min(low, y);
                    high = Math.max(high, y);
                }
            }
        }
        for (double y : product) {
            low = Math.min(low, y);
            high = Math.max(high, y);
        }
        List<Curve> all = new ArrayList<>(solid);
        all.add(new Curve(productName, lags, product));
        all.add(new Curve("lag " + lag, new double[] {lag, lag}, new double[] {low, high}));
        XYChart chart = GradientNormChart.paths("", "norm (log scale)", all, List.of(productName, "lag " + lag));
        int at = indexOf(lags, lag);
        chart.setTitle(Words.format(
                "f = %.2f, lag %d: Π f_s = %.1e, LSTM %.1e, RNN %.1e",
                forgetGate, lag, product[at], lstmPath[at], rnnNorms[at]));
        return chart;
    }

    private static int indexOf(double[] lags, int lag) {
        for (int k = 0; k < lags.length; k++) {
            if (lags[k] == lag) {
                return k;
            }
        }
        throw new IllegalArgumentException("lag " + lag + " is not among the measured lags");
    }
}
