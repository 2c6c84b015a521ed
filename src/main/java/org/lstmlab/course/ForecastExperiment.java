package org.lstmlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstmlab.data.Baselines;
import org.lstmlab.data.Batch;
import org.lstmlab.data.ForecastData;
import org.lstmlab.data.Metrics;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.plot.TextColumns;
import org.lstmlab.plot.Words;
import org.lstmlab.train.History;
import org.lstmlab.train.LossMode;
import org.lstmlab.train.SequenceRegressor;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Notebook 08's forecaster: an LSTM with a linear readout trained on the training windows of a
 * {@link ForecastData} (validation loss recorded), then judged on the test windows — held-out time
 * after everything it saw — against the persistence forecast ŷ = x_T, both in the data's units.
 *
 * <pre>{@code
 * ForecastData data = ForecastData.builder(SeattleWeather.load())
 *         .inputs(TEMP_MAX, TEMP_MIN, PRECIPITATION, WIND).targets(TEMP_MAX).window(30).build();
 * ForecastExperiment.Result r = ForecastExperiment.defaults().run(data);
 * r.validation();                                  // every decision: the validation part, °C²
 * r.test();                                        // once, at the end: the test part
 * }</pre>
 *
 * @param hiddenSize H
 * @param forgetBias b_f at initialisation
 * @param config     how to train (epochs over the training windows); its validation data is replaced by the validation windows
 * @param seed       seeds the weights
 */
public record ForecastExperiment(int hiddenSize, double forgetBias, TrainConfig config, long seed) {

    public ForecastExperiment {
        if (hiddenSize < 1) throw new IllegalArgumentException("H must be at least 1 but is " + hiddenSize);
    }

    /**
     * H = 16, b_f = 1, Adam at α = 0.01, B = 32, clipping at 1, {@code Quick.pick(8, 3)} epochs,
     * validation loss every 10 steps, progress off, seed 1.
     */
    public static ForecastExperiment defaults() {
        TrainConfig config = TrainConfig.defaults()
                .withEpochs(Quick.pick(8, 3))
                .withBatchSize(32)
                .withLearningRate(0.01)
                .withClipNorm(1.0)
                .withValidateEvery(10)
                .withSeed(42)
                .quiet();
        return new ForecastExperiment(16, 1.0, config, 1);
    }

    /** The same experiment trained with another config. */
    public ForecastExperiment withConfig(TrainConfig config) {
        return new ForecastExperiment(hiddenSize, forgetBias, config, seed);
    }

    /**
     * Trains a fresh LSTM on {@code data.train()} and forecasts {@code data.test()}.
     *
     * @param data windows {@code [B, T, X]} with targets {@code [B, Y]}, standardised
     * @return the model, its run, and the test forecasts of the model and of persistence in the data's units
     */
    public Result run(ForecastData data) {
        int inputs = (int) data.train().inputs().size(2);
        int outputs = (int) data.train().targets().size(1);
        var dataType = data.train().inputs().dataType();
        var model = new SequenceRegressor(
                new FusedLstm(FusedLstm.stacked(
                        LstmParams.init(inputs, hiddenSize, Init.UNIFORM, forgetBias, seed, dataType))),
                outputs,
                seed);
        var validation = new Batch(data.validation().inputs(), data.validation().targets());
        History history =
                Trainer.fit(model, data.train().inputs(), data.train().targets(), config.withValidation(validation));
        INDArray truth = data.inverseTargets(data.test().targets()); // [B, Y]
        INDArray forecast = data.inverseTargets(model.predict(data.test().inputs(), LossMode.LAST_STEP)); // [B, Y]
        INDArray persistence = data.inverseTargets(Baselines.persistence(data.test())); // [B, Y]
        double persistenceValidation = Metrics.mse(
                Baselines.persistence(data.validation()), data.validation().targets()); // standardised, like the losses
        Scores validationScores = new Scores(
                "validation",
                data.inverseTargets(data.validation().targets()),
                data.inverseTargets(model.predict(data.validation().inputs(), LossMode.LAST_STEP)),
                data.inverseTargets(Baselines.persistence(data.validation())));
        return new Result(model, history, truth, forecast, persistence, persistenceValidation, validationScores);
    }

    /**
     * The input-column ablation of notebook 08: for each set of input columns and each weight seed, a fresh
     * LSTM trained like this experiment on the same split, window and target, scored on the validation
     * windows only (the test part stays untouched for the one final score).
     *
     * @param table     the series, rows in time order
     * @param target    the column to predict (it must be among every input set, for persistence)
     * @param window    T
     * @param inputSets each a list of input column names
     * @param seeds     the weight seeds, one model per seed and input set
     * @return one row per input set and seed, in that order
     */
    public Ablation ablation(
            tech.tablesaw.api.Table table, String target, int window, List<List<String>> inputSets, long... seeds) {
        if (inputSets.isEmpty() || seeds.length == 0) {
            throw new IllegalArgumentException("an ablation needs at least one input set and one seed but has "
                    + inputSets.size() + " and " + seeds.length);
        }
        List<AblationRow> rows = new ArrayList<>();
        for (List<String> inputs : inputSets) {
            if (!inputs.contains(target)) {
                throw new IllegalArgumentException("every input set must hold the target " + target
                        + " (persistence reads it) but " + inputs + " does not");
            }
            ForecastData data = ForecastData.builder(table)
                    .inputs(inputs.toArray(String[]::new))
                    .targets(target)
                    .window(window)
                    .build();
            for (long s : seeds) {
                Result r = new ForecastExperiment(hiddenSize, forgetBias, config, s).run(data);
                rows.add(new AblationRow(List.copyOf(inputs), s, r.validation()));
            }
        }
        return new Ablation(rows);
    }

    /**
     * One model of an ablation: its input columns, weight seed and validation scores.
     *
     * @param inputs     the input columns
     * @param seed       the weight seed
     * @param validation the model's and persistence's forecasts of the validation windows
     */
    public record AblationRow(List<String> inputs, long seed, Scores validation) {}

    /**
     * The rows of an input-column ablation, with a table for a notebook to print.
     *
     * @param rows one per input set and seed
     */
    public record Ablation(List<AblationRow> rows) {
        public Ablation {
            rows = List.copyOf(rows);
        }

        /** The rows whose inputs are exactly {@code inputs}. */
        public List<AblationRow> of(List<String> inputs) {
            return rows.stream().filter(r -> r.inputs().equals(inputs)).toList();
        }

        /** For how many seeds {@code more}'s validation MSE is below {@code fewer}'s with the same seed. */
        public int seedsWhereBetter(List<String> more, List<String> fewer) {
            int count = 0;
            for (AblationRow m : of(more)) {
                for (AblationRow f : of(fewer)) {
                    if (f.seed() == m.seed()
                            && m.validation().mse() < f.validation().mse()) count++;
                }
            }
            return count;
        }

        /**
         * One sentence comparing two input sets over the seeds: the range of the share of persistence's
         * validation MSE each removes, whether the ranges overlap, and for how many seeds {@code more} wins.
         */
        public String compare(List<String> more, List<String> fewer) {
            double[] a = range(of(more));
            double[] b = range(of(fewer));
            boolean overlap = a[0] <= b[1] && b[0] <= a[1];
            return Words.format(
                    "with %s the LSTM removes %.1f%% to %.1f%%%nof persistence's validation MSE; with %s, %.1f%% to"
                            + " %.1f%%.%nThe ranges %s;%n%s has the lower validation MSE for %d of %d seeds.",
                    String.join(", ", more),
                    100 * a[0],
                    100 * a[1],
                    String.join(", ", fewer),
                    100 * b[0],
                    100 * b[1],
                    overlap ? Words.term("ranges", "overlap") : Words.t("do not overlap"),
                    String.join(", ", more),
                    seedsWhereBetter(more, fewer),
                    of(more).size());
        }

        private static double[] range(List<AblationRow> rows) {
            if (rows.isEmpty()) throw new IllegalArgumentException("no model of the ablation has these inputs");
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (AblationRow r : rows) {
                lo = Math.min(lo, r.validation().improvement());
                hi = Math.max(hi, r.validation().improvement());
            }
            return new double[] {lo, hi};
        }

        @Override
        public String toString() {
            List<String> header = List.of(
                    Words.term("column", "inputs"),
                    Words.term("column", "seed"),
                    Words.t("val. MSE (°C²)"),
                    Words.t("removes of persist."),
                    Words.t("val. MAE (°C)"));
            List<List<String>> table = new ArrayList<>();
            for (AblationRow r : rows) {
                table.add(List.of(
                        String.join(", ", r.inputs()),
                        Long.toString(r.seed()),
                        String.format(Locale.ROOT, "%.3f", r.validation().mse()),
                        String.format(
                                Locale.ROOT, "%.1f%%", 100 * r.validation().improvement()),
                        String.format(Locale.ROOT, "%.3f", r.validation().mae())));
            }
            StringBuilder s = new StringBuilder(TextColumns.withHeader("lrrrr", header, table)).append('\n');
            if (!rows.isEmpty()) {
                s.append(Words.format(
                        "persistence on the same validation days: MSE %.3f °C², MAE %.3f °C",
                        rows.get(0).validation().persistenceMse(),
                        rows.get(0).validation().persistenceMae()));
            }
            return s.toString();
        }
    }

    /**
     * Forecasts of one part of the data in its units (°C for Seattle), the model's and persistence's.
     *
     * @param part        "validation" or "test"
     * @param truth       the targets, {@code [B, Y]}
     * @param forecast    the model's forecasts, {@code [B, Y]}
     * @param persistence ŷ = x_T, {@code [B, Y]}
     */
    public record Scores(String part, INDArray truth, INDArray forecast, INDArray persistence) {

        /** The model's mean squared error, in the units squared (°C²). */
        public double mse() {
            return Metrics.mse(forecast, truth);
        }

        /** Persistence's mean squared error, in the units squared (°C²). */
        public double persistenceMse() {
            return Metrics.mse(persistence, truth);
        }

        /** The model's mean absolute error, in the units (°C). */
        public double mae() {
            return Metrics.mae(forecast, truth);
        }

        /** Persistence's mean absolute error, in the units (°C). */
        public double persistenceMae() {
            return Metrics.mae(persistence, truth);
        }

        /** The fraction of persistence's MSE the model removes: 1 − MSE / MSE_persistence (negative when worse). */
        public double improvement() {
            return 1 - mse() / persistenceMse();
        }

        /** Whether the model's MSE is below persistence's. */
        public boolean beatsPersistence() {
            return mse() < persistenceMse();
        }

        /** Residuals y − ŷ of column {@code y}, {@code [B]}: "LSTM" and "persistence", for a plot over dates. */
        public Map<String, double[]> residuals(int y) {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("LSTM", truth.getColumn(y).sub(forecast.getColumn(y)).toDoubleVector());
            m.put(
                    "persistence",
                    truth.getColumn(y).sub(persistence.getColumn(y)).toDoubleVector());
            return m;
        }

        /**
         * One sentence true on either side: by what percentage the model's MSE is below, or above,
         * persistence's on this part.
         */
        public String verdict() {
            double percent = 100 * Math.abs(improvement());
            return beatsPersistence()
                    ? Words.format(
                            "On the %s days the LSTM's MSE is %.1f%% below persistence's.",
                            Words.term("part", part), percent)
                    : Words.format(
                            "On the %s days the LSTM's MSE is %.1f%% above persistence's: it does not beat it.",
                            Words.term("part", part), percent);
        }

        @Override
        public String toString() {
            return Words.format(
                    "%s MSE (°C²): LSTM %.3f, persistence %.3f%n%s MAE (°C):  LSTM %.3f, persistence %.3f%n%s",
                    Words.term("part", part),
                    mse(),
                    persistenceMse(),
                    Words.term("part", part),
                    mae(),
                    persistenceMae(),
                    verdict());
        }
    }

    /**
     * Where each part of the data lies in time and how much its target varies: the first T days of a part
     * are inputs only (the first window's), so its first target is T days after its first day.
     *
     * @param data       the windows
     * @param table      the table the data was cut from
     * @param dateColumn its date column
     * @return a table, one line per part: first day, first and last target day, windows, and the variance of
     *         the standardised target (1 on average over the training rows by construction)
     */
    public static String parts(ForecastData data, tech.tablesaw.api.Table table, String dateColumn) {
        var dates = table.dateColumn(dateColumn);
        int[] starts = {0, data.split().trainEnd(), data.split().validationEnd()};
        String[] names = {"train", "validation", "test"};
        org.lstmlab.data.Windows[] windows = {data.train(), data.validation(), data.test()};
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                Words.term("column", "part"),
                Words.t("first day"),
                Words.t("first target"),
                Words.t("last target"),
                Words.term("column", "windows"),
                Words.t("variance of the target")));
        for (int k = 0; k < 3; k++) {
            List<java.time.LocalDate> targets = windows[k].targetDates(table, dateColumn);
            rows.add(List.of(
                    Words.term("part", names[k]),
                    dates.get(starts[k]).toString(),
                    targets.get(0).toString(),
                    targets.get(targets.size() - 1).toString(),
                    Integer.toString(windows[k].size()),
                    String.format(Locale.ROOT, "%.3f", targetVariance(windows[k]))));
        }
        return TextColumns.of("llllrr", rows);
    }

    /** The population variance of the (standardised) targets of some windows, over every sample and column. */
    public static double targetVariance(org.lstmlab.data.Windows windows) {
        double[] y = windows.targets()
                .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .dup('c')
                .data()
                .asDouble();
        double mean = 0;
        for (double v : y) mean += v / y.length;
        double squares = 0;
        for (double v : y) squares += (v - mean) * (v - mean);
        return squares / y.length;
    }

    /**
     * The trained forecaster and its test forecasts, in the data's units.
     *
     * @param model       the trained LSTM and readout
     * @param history     its training and validation losses (standardised units)
     * @param truth       the test targets, {@code [B, Y]}
     * @param forecast    the model's forecasts, {@code [B, Y]}
     * @param persistence ŷ = x_T, {@code [B, Y]}
     * @param persistenceValidationLoss persistence's MSE on the validation windows in the standardised
     *                    units of the training curves: the baseline to draw on them
     * @param validation  the model's and persistence's forecasts of the validation windows, in the data's
     *                    units: the part every decision is made on
     */
    public record Result(
            SequenceRegressor model,
            History history,
            INDArray truth,
            INDArray forecast,
            INDArray persistence,
            double persistenceValidationLoss,
            Scores validation) {

        /** The model's and persistence's forecasts of the test windows: score these once, after every decision. */
        public Scores test() {
            return new Scores("test", truth, forecast, persistence);
        }

        /** The model's MSE on the test part. */
        public double mse() {
            return Metrics.mse(forecast, truth);
        }

        /** Persistence's MSE on the test part. */
        public double persistenceMse() {
            return Metrics.mse(persistence, truth);
        }

        /** The fraction of persistence's MSE the model removes: 1 − MSE / MSE_persistence (negative when worse). */
        public double improvement() {
            return 1 - mse() / persistenceMse();
        }

        /** Whether the model's test MSE is below persistence's. */
        public boolean beatsPersistence() {
            return mse() < persistenceMse();
        }

        /** Target column {@code y} of the truth, the model and persistence, for {@code ForecastChart}. */
        public Map<String, double[]> forecasts(int y) {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("LSTM", column(forecast, y));
            m.put("persistence", column(persistence, y));
            return m;
        }

        /** Target column {@code y} of the truth, {@code [B]}. */
        public double[] truth(int y) {
            return column(truth, y);
        }

        private static double[] column(INDArray a, int y) {
            return a.getColumn(y).toDoubleVector();
        }

        @Override
        public String toString() {
            return Words.format(
                    "test MSE (°C²): LSTM %.3f, persistence %.3f (the LSTM removes %.1f%% of persistence's error)%n"
                            + "test MAE (°C): LSTM %.3f, persistence %.3f",
                    mse(),
                    persistenceMse(),
                    100 * improvement(),
                    Metrics.mae(forecast, truth),
                    Metrics.mae(persistence, truth));
        }
    }
}
