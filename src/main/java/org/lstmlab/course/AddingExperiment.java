package org.lstmlab.course;

import java.util.List;
import org.lstmlab.data.AddingBatch;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.nn.fused.FusedRnn;
import org.lstmlab.plot.TextColumns;
import org.lstmlab.plot.Words;
import org.lstmlab.train.History;
import org.lstmlab.train.LossMode;
import org.lstmlab.train.SequenceRegressor;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 07's comparison: an RNN and an LSTM of the same hidden size, trained with the same
 * optimiser, learning rate, clipping, batches and number of steps on the modern adding problem of
 * length T, then scored by their MSE on held-out sequences against the constant-prediction baseline.
 *
 * <pre>{@code
 * var experiment = AddingExperiment.defaults();          // H = 16, Adam α = 0.05, B = 32, clip 1, Quick.pick(1500, 300) steps
 * AddingExperiment.Row row = experiment.run(20);         // trains both on T = 20
 * Table table = AddingExperiment.table(List.of(row));    // T, RNN MSE, LSTM MSE, baseline
 * }</pre>
 *
 * @param hiddenSize     H of both networks
 * @param forgetBias     the LSTM's b_f at initialisation
 * @param config         how both are trained (the same config for both)
 * @param testSize       how many held-out sequences score them
 * @param seed           seeds the weights; the held-out sequences use {@code seed + 1}
 */
public record AddingExperiment(int hiddenSize, double forgetBias, TrainConfig config, int testSize, long seed) {

    public AddingExperiment {
        if (hiddenSize < 1) throw new IllegalArgumentException("H must be at least 1 but is " + hiddenSize);
        if (testSize < 1) throw new IllegalArgumentException("the test set needs at least 1 sequence, not " + testSize);
    }

    /**
     * H = 16, b_f = 1, Adam at α = 0.05 with B = 32 and clipping at global norm 1, {@code
     * Quick.pick(1500, 300)} steps, progress off, 1000 held-out sequences, seed 1. With this budget an
     * LSTM was measured to solve T = 20 in about 350 steps and T = 100 in about 700; 1500 leaves room.
     */
    public static AddingExperiment defaults() {
        TrainConfig config = TrainConfig.defaults()
                .withSteps(Quick.pick(1500, 300))
                .withBatchSize(32)
                .withLearningRate(0.05)
                .withClipNorm(1.0)
                .withSeed(42)
                .quiet();
        return new AddingExperiment(16, 1.0, config, 1000, 1);
    }

    /** The same experiment trained with another config. */
    public AddingExperiment withConfig(TrainConfig config) {
        return new AddingExperiment(hiddenSize, forgetBias, config, testSize, seed);
    }

    /**
     * Trains a fresh RNN and a fresh LSTM on the adding problem of length T and scores both.
     *
     * @param length T ≥ 2
     * @return the histories, held-out MSEs and the baseline
     */
    public Row run(int length) {
        AddingProblem problem = AddingProblem.modern(length);
        AddingBatch test = problem.sample(testSize, seed + 1);
        var rnn = new SequenceRegressor(
                new FusedRnn(RnnParams.init(2, hiddenSize, Init.UNIFORM, seed, DataType.DOUBLE)), 1, seed);
        var lstm = new SequenceRegressor(
                new FusedLstm(FusedLstm.stacked(
                        LstmParams.init(2, hiddenSize, Init.UNIFORM, forgetBias, seed, DataType.DOUBLE))),
                1,
                seed);
        long start = System.nanoTime();
        History rnnHistory = Trainer.fit(rnn, problem, config);
        History lstmHistory = Trainer.fit(lstm, problem, config);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Row(
                length,
                rnnHistory,
                lstmHistory,
                rnn.loss(test.xs(), test.ys(), LossMode.LAST_STEP),
                lstm.loss(test.xs(), test.ys(), LossMode.LAST_STEP),
                test.constantBaselineMse(),
                ((FusedLstm) lstm.layer()).params(),
                seconds);
    }

    /**
     * The lengths notebook 07 compares: T = 10, 20, 50 and 100 in full mode; 5 and 10 in quick mode,
     * so that the test suite runs the notebook in minutes.
     */
    public static List<Integer> lengths() {
        return Quick.isOn() ? List.of(5, 10) : List.of(10, 20, 50, 100);
    }

    /**
     * {@link #run} for each length, in order, printing one line per length when it is done (how long
     * it took), since the full run takes minutes.
     */
    public List<Row> runAll(List<Integer> lengths) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int length : lengths) {
            Row row = run(length);
            System.out.print(Words.format("T = %d trained in %.0f s%n", length, row.seconds()));
            rows.add(row);
        }
        return rows;
    }

    /** A length counts as solved when the LSTM's held-out MSE is below a tenth of the baseline. */
    public static final double SOLVED = 0.1;

    /** The row of the longest T whose LSTM solved the task (MSE below {@value #SOLVED} × baseline). */
    public static java.util.Optional<Row> longestSolved(List<Row> rows) {
        return rows.stream()
                .filter(r -> r.lstmMse() < SOLVED * r.baselineMse())
                .max(java.util.Comparator.comparingInt(Row::length));
    }

    /**
     * What the trained LSTM of a row does with its gates, measured on 200 held-out sequences drawn
     * with {@code seed + 2} (see {@link TrainedGates}).
     */
    public TrainedGates gates(Row row) {
        return TrainedGates.measure(
                row.lstmParams(), AddingProblem.modern(row.length()).sample(200, seed + 2));
    }

    /**
     * One sequence length's result.
     *
     * @param length      T
     * @param rnn         the RNN's training run
     * @param lstm        the LSTM's training run
     * @param rnnMse      the RNN's MSE on the held-out sequences
     * @param lstmMse     the LSTM's MSE on the same sequences
     * @param baselineMse the MSE of predicting the held-out targets' mean, the best constant
     * @param lstmParams  the LSTM's parameters after training
     * @param seconds     the wall time of training both networks
     */
    public record Row(
            int length,
            History rnn,
            History lstm,
            double rnnMse,
            double lstmMse,
            double baselineMse,
            LstmParams lstmParams,
            double seconds) {

        /** Whether the LSTM's held-out MSE is below the RNN's. */
        public boolean lstmBeatsRnn() {
            return lstmMse < rnnMse;
        }

        /** One line: T, both MSEs, the baseline and the ratios to it. */
        @Override
        public String toString() {
            return Words.format(
                    "T = %d: RNN MSE %.4f (%.2f × baseline), LSTM MSE %.4f (%.3f × baseline), baseline %.4f; LSTM beats RNN: %s",
                    length,
                    rnnMse,
                    rnnMse / baselineMse,
                    lstmMse,
                    lstmMse / baselineMse,
                    baselineMse,
                    Words.yes(lstmBeatsRnn()));
        }
    }

    /**
     * The rows as a table: T, the RNN's and LSTM's held-out MSE, the baseline, each MSE as a fraction
     * of it, the steps, and each network's training time (both train on the fused path, {@code FusedRnn}
     * and {@code FusedLstm}, held equal to the readable cells by their tests).
     */
    public static Table table(List<Row> rows) {
        Table table = Table.create(
                Words.t("Adding problem: held-out MSE"),
                IntColumn.create("T"),
                DoubleColumn.create("RNN MSE"),
                DoubleColumn.create("LSTM MSE"),
                DoubleColumn.create(Words.t("constant baseline MSE")),
                DoubleColumn.create(Words.t("RNN / baseline")),
                DoubleColumn.create(Words.t("LSTM / baseline")),
                IntColumn.create(Words.t("training steps")),
                DoubleColumn.create(Words.t("RNN training s")),
                DoubleColumn.create(Words.t("LSTM training s")));
        for (Row r : rows) {
            table.intColumn(0).append(r.length());
            table.doubleColumn(1).append(round(r.rnnMse()));
            table.doubleColumn(2).append(round(r.lstmMse()));
            table.doubleColumn(3).append(round(r.baselineMse()));
            table.doubleColumn(4).append(round(r.rnnMse() / r.baselineMse()));
            table.doubleColumn(5).append(round(r.lstmMse() / r.baselineMse()));
            table.intColumn(6).append(r.lstm().steps());
            table.doubleColumn(7).append(Math.round(r.rnn().seconds() * 10) / 10.0);
            table.doubleColumn(8).append(Math.round(r.lstm().seconds() * 10) / 10.0);
        }
        return table;
    }

    /**
     * What each network learnt at each length, two short lines per length, one per network: solved (MSE below
     * {@value #SOLVED} × the baseline), learnt part of it (below 0.9 ×) or stayed at the baseline, with the ratio.
     * One line per length passed JupyterLab's 100 places in Vietnamese when both networks stayed at the baseline.
     */
    public static String summary(List<Row> rows) {
        List<String> lines = new java.util.ArrayList<>();
        for (Row r : rows) {
            lines.add(Words.format("%-8s LSTM %s", "T = " + r.length() + ":", verdict(r.lstmMse() / r.baselineMse())));
            lines.add(Words.format("%-8s RNN  %s", "", verdict(r.rnnMse() / r.baselineMse())));
        }
        return String.join("\n", lines);
    }

    private static String verdict(double ratio) {
        String v = ratio < SOLVED ? "solved" : ratio < 0.9 ? "learnt part of it" : "stayed at the baseline";
        return Words.format("%s (%.3g × baseline)", Words.term("adding problem", v), ratio);
    }

    /**
     * This run's lengths and budgets next to the paper's (Table 7): for each length the training
     * sequences used (steps × B) and the LSTM's result, then how the paper's lengths and its budget
     * at T = 100 compare with the longest length here.
     */
    public String comparedWithThePaper(List<Row> rows) {
        List<List<String>> runs = new java.util.ArrayList<>();
        for (Row r : rows) {
            runs.add(List.of(
                    "T = " + r.length(),
                    String.format(java.util.Locale.ROOT, "%,d", (long) r.lstm().steps() * config.batchSize()),
                    r.lstm().steps() + " × " + config.batchSize(),
                    String.format(java.util.Locale.ROOT, "%.2g", r.lstmMse() / r.baselineMse())));
        }
        List<String> header = List.of(
                Words.t("this run"),
                Words.t("training sequences"),
                Words.t("steps × B"),
                Words.t("LSTM MSE ÷ baseline"));
        StringBuilder s = new StringBuilder(TextColumns.withHeader("lrrr", header, runs)).append('\n');
        Table paper = hochreiterSchmidhuber1997();
        int longest = rows.stream().mapToInt(Row::length).max().orElseThrow();
        List<Integer> lengths = paper.intColumn("T").asList();
        List<String> times = new java.util.ArrayList<>();
        for (int t : lengths) times.add(fewDigits((double) t / longest));
        s.append(Words.format(
                "the paper's lengths, T = %s,%nare %s times this run's longest, T = %d;%n"
                        + "at T = %d the paper trained on %,d sequences, this run on %,d per length",
                and(lengths.stream().map(String::valueOf).toList()),
                and(times),
                longest,
                paper.intColumn("T").get(0),
                paper.intColumn(3).get(0),
                (long) config.steps() * config.batchSize()));
        return s.toString();
    }

    private static String and(List<String> items) {
        if (items.size() < 2) return String.join("", items);
        return Words.format(
                "%s and %s", String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }

    private static String fewDigits(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2g", v);
    }

    /**
     * The LSTM results Hochreiter &amp; Schmidhuber report for their adding problem (1997, §5.4,
     * experiment 4, Table 7): for each T the minimal time lag, the number of wrong predictions on 2560
     * test sequences (absolute error above 0.04) and the number of training sequences after which the
     * stopping criterion was met (mean of 10 trials). Cited numbers, not measured here.
     */
    public static Table hochreiterSchmidhuber1997() {
        Table table = Table.create(
                Words.t("Hochreiter & Schmidhuber (1997), Table 7: LSTM on their adding problem"),
                IntColumn.create("T", 100, 500, 1000),
                IntColumn.create(Words.t("minimal lag"), 50, 250, 500),
                IntColumn.create(Words.t("wrong predictions (of 2560)"), 1, 0, 1),
                IntColumn.create(Words.t("training sequences"), 74_000, 209_000, 853_000));
        return table;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }
}
