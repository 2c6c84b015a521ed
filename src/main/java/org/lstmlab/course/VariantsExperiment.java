package org.lstmlab.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.lstmlab.data.AddingBatch;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.data.Batch;
import org.lstmlab.data.ContinualAdding;
import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.nn.LstmVariant;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.fused.FusedGru;
import org.lstmlab.nn.fused.FusedLstm;
import org.lstmlab.plot.TextColumns;
import org.lstmlab.plot.Words;
import org.lstmlab.train.History;
import org.lstmlab.train.LossMode;
import org.lstmlab.train.SequenceRegressor;
import org.lstmlab.train.TrainConfig;
import org.lstmlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 09's experiments: which parts of the LSTM matter. Every {@link LstmVariant} and the GRU are trained
 * alike (same H, optimiser, learning rate, clipping, batches and steps, several seeds) on the adding problem of
 * one length and scored by held-out MSE ÷ the constant baseline; then the full cell and the cell without a
 * forget gate are trained on a {@link ContinualAdding} stream and run on a much longer one, without a reset,
 * to watch ‖C_t‖ and f_t. Every cell trains on the fused path ({@link FusedLstm} with the variant as an option,
 * {@link FusedGru}), held equal to the readable cells ({@link LstmCell}, {@link org.lstmlab.nn.GruCell}) by their
 * tests; the stream's f_t and C_t are read from the readable cell run on the trained weights.
 *
 * <pre>{@code
 * var experiment = VariantsExperiment.defaults();       // H = 16, T = Quick.pick(20, 10), Quick.pick(3, 2) seeds
 * List<VariantsExperiment.Row> rows = experiment.runAll();
 * Table table = VariantsExperiment.table(rows);         // one line per cell: MSE ÷ baseline, mean and range
 * VariantsExperiment.Stream s = experiment.stream(LstmVariant.NO_FORGET_GATE);
 * }</pre>
 *
 * @param hiddenSize     H of every cell
 * @param length         T of the adding problem, and of each sequence of the stream
 * @param config         how every cell is trained on the adding problem (the same for all)
 * @param seeds          one training run per seed and cell; the seed draws the weights and the batches
 * @param testSize       held-out sequences that score each run (drawn with seed 1001, the same for every run)
 * @param streamSegments K, sequences per training stream
 * @param streamConfig   how the stream cells are trained (every-step loss)
 * @param evalSegments   sequences in the long stream the trained cells run on
 */
public record VariantsExperiment(
        int hiddenSize,
        int length,
        TrainConfig config,
        List<Long> seeds,
        int testSize,
        int streamSegments,
        TrainConfig streamConfig,
        int evalSegments) {

    /** Held-out MSE below this fraction of the baseline counts as solved, as in notebook 07. */
    public static final double SOLVED = AddingExperiment.SOLVED;

    public VariantsExperiment {
        if (hiddenSize < 1) throw new IllegalArgumentException("H must be at least 1 but is " + hiddenSize);
        if (seeds == null || seeds.isEmpty()) throw new IllegalArgumentException("give at least one seed");
        if (testSize < 1) throw new IllegalArgumentException("the test set needs at least 1 sequence, not " + testSize);
        if (evalSegments < streamSegments)
            throw new IllegalArgumentException("the evaluation stream (" + evalSegments
                    + " sequences) should be at least as long as the training stream (" + streamSegments + ")");
        seeds = List.copyOf(seeds);
    }

    /**
     * H = 16 and b_f = 1 at the start, Adam at α = 0.05 with B = 32 and clipping at global norm 1 (notebook 07's
     * settings). Adding problem: T = 20, 800 steps, seeds 1–3 (quick mode: T = 10, 250 steps, seeds 1–2), 500
     * held-out sequences. Stream: 4 sequences of T per training stream, 1000 steps (quick: 200), then a stream of 40
     * sequences (quick: 10). Every cell trains on the fused path.
     */
    public static VariantsExperiment defaults() {
        TrainConfig config = TrainConfig.defaults()
                .withSteps(Quick.pick(800, 250))
                .withBatchSize(32)
                .withLearningRate(0.05)
                .withClipNorm(1.0)
                .quiet();
        TrainConfig stream = config.withSteps(Quick.pick(1000, 200)).withLoss(LossMode.EVERY_STEP);
        List<Long> seeds = Quick.isOn() ? List.of(1L, 2L) : List.of(1L, 2L, 3L);
        return new VariantsExperiment(16, Quick.pick(20, 10), config, seeds, 500, 4, stream, Quick.pick(40, 10));
    }

    /** The cells compared: the full LSTM, each variant, and the GRU. */
    public List<Model> models() {
        List<Model> models = new ArrayList<>();
        for (LstmVariant v : LstmVariant.values()) {
            models.add(new Model(v.toString(), v.change(), seed -> lstm(v, 2, seed)));
        }
        models.add(new Model(
                "GRU",
                "no C_t; z_t, r_t",
                seed -> new FusedGru(
                        FusedGru.stacked(GruParams.init(2, hiddenSize, Init.UNIFORM, seed, DataType.DOUBLE)))));
        return models;
    }

    /** The variant on the fused path, its weights stacked so the GEMMs read them in place. */
    private FusedLstm lstm(LstmVariant variant, int inputs, long seed) {
        return new FusedLstm(
                FusedLstm.stacked(LstmParams.init(inputs, hiddenSize, Init.UNIFORM, 1.0, seed, DataType.DOUBLE)),
                variant);
    }

    /**
     * A cell to compare.
     *
     * @param name   e.g. {@code NFG (f_t ≡ 1)} or {@code GRU}
     * @param change what differs from the full LSTM
     * @param make   a fresh layer for a seed
     */
    public record Model(String name, String change, LongFunction<RecurrentLayer> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One cell trained with one seed on the adding problem and scored on the held-out sequences. */
    public Row run(Model model, long seed) {
        AddingProblem problem = AddingProblem.modern(length);
        AddingBatch test = problem.sample(testSize, 1001);
        var regressor = new SequenceRegressor(model.make().apply(seed), 1, seed);
        History history = Trainer.fit(regressor, problem, config.withSeed(seed));
        double mse = regressor.loss(test.xs(), test.ys(), LossMode.LAST_STEP);
        return new Row(model.name(), model.change(), seed, mse, test.constantBaselineMse(), history.seconds());
    }

    /** Every model with every seed, printing one line per model when its seeds are done. */
    public List<Row> runAll() {
        List<Row> rows = new ArrayList<>();
        for (Model m : models()) {
            double seconds = 0;
            for (long seed : seeds) {
                Row r = run(m, seed);
                rows.add(r);
                seconds += r.seconds();
            }
            System.out.print(
                    Words.format("%-22s trained with %d seeds in %.0f s%n", Words.t(m.name()), seeds.size(), seconds));
        }
        return rows;
    }

    /**
     * One run.
     *
     * @param model       the cell's name
     * @param change      what differs from the full LSTM
     * @param seed        the run's seed
     * @param mse         held-out MSE at the last step
     * @param baselineMse the MSE of the best constant on the same sequences
     * @param seconds     training time
     */
    public record Row(String model, String change, long seed, double mse, double baselineMse, double seconds) {
        /** MSE ÷ baseline: 1 learnt nothing, below {@value VariantsExperiment#SOLVED} solved. */
        public double ratio() {
            return mse / baselineMse;
        }
    }

    /**
     * One line per cell, in the order of {@link #models()}: its change, the mean, best and worst MSE ÷ baseline over
     * the seeds, and how many seeds solved the task.
     */
    public static Table table(List<Row> rows) {
        Table t = Table.create(
                Words.t("Adding problem: held-out MSE ÷ constant baseline"),
                StringColumn.create(Words.term("column", "cell")),
                StringColumn.create(Words.term("column", "change")),
                DoubleColumn.create(Words.t("mean MSE ÷ baseline")),
                DoubleColumn.create(Words.term("column", "best")),
                DoubleColumn.create(Words.term("column", "worst")),
                StringColumn.create(Words.t("solved (< 0.1)")),
                DoubleColumn.create(Words.t("training s per seed")));
        for (var e : byModel(rows).entrySet()) {
            String name = e.getKey();
            List<Row> mine = e.getValue();
            double[] ratios = mine.stream().mapToDouble(Row::ratio).toArray();
            long solved = mine.stream().filter(r -> r.ratio() < SOLVED).count();
            t.stringColumn(0).append(Words.t(name));
            t.stringColumn(1).append(Words.t(mine.get(0).change()));
            t.doubleColumn(2)
                    .append(round(java.util.Arrays.stream(ratios).average().orElseThrow()));
            double[] range = range(mine);
            t.doubleColumn(3).append(round(range[0]));
            t.doubleColumn(4).append(round(range[1]));
            t.stringColumn(5).append(Words.format("%d of %d", solved, mine.size()));
            t.doubleColumn(6)
                    .append(Math.round(mine.stream()
                                            .mapToDouble(Row::seconds)
                                            .average()
                                            .orElseThrow()
                                    * 10)
                            / 10.0);
        }
        return t;
    }

    /** The runs of each cell, cells in the order they first appear. */
    private static java.util.Map<String, List<Row>> byModel(List<Row> rows) {
        java.util.Map<String, List<Row>> by = new java.util.LinkedHashMap<>();
        for (Row r : rows) by.computeIfAbsent(r.model(), k -> new ArrayList<>()).add(r);
        return by;
    }

    /** The mean MSE ÷ baseline of one cell over its seeds. */
    public static double meanRatio(List<Row> rows, String model) {
        return rows.stream()
                .filter(r -> r.model().equals(model))
                .mapToDouble(Row::ratio)
                .average()
                .orElseThrow(() -> new IllegalArgumentException("no rows for " + model));
    }

    /**
     * A table with a row per cell: of how many seeds it solved the task, learnt part of it, or stayed at the baseline
     * (as notebook 07 says it), its mean MSE ÷ baseline, and that as a multiple of the full LSTM's (the first row's).
     */
    public static String summary(List<Row> rows) {
        double full = meanRatio(rows, rows.get(0).model());
        List<List<String>> table = new ArrayList<>();
        for (List<Row> mine : byModel(rows).values()) {
            Row r = mine.get(0);
            long solved = mine.stream().filter(x -> x.ratio() < SOLVED).count();
            long part = mine.stream()
                    .filter(x -> x.ratio() >= SOLVED && x.ratio() < 0.9)
                    .count();
            double mean = meanRatio(rows, r.model());
            table.add(List.of(
                    Words.t(r.model()),
                    Words.format("%d of %d", solved, mine.size()),
                    Words.format("%d of %d", part, mine.size()),
                    Words.format("%d of %d", mine.size() - solved - part, mine.size()),
                    String.format(Locale.ROOT, "%.3g", mean),
                    String.format(Locale.ROOT, "%.2g", mean / full)));
        }
        List<String> header = List.of(
                Words.term("column", "cell"),
                Words.term("adding problem", "solved"),
                Words.t("learnt part of it"),
                Words.t("stayed at the baseline"),
                Words.t("mean MSE ÷ baseline"),
                Words.format("× the %s's", Words.t(rows.get(0).model())));
        return TextColumns.withHeader("lrrrrr", header, table);
    }

    /**
     * What this run found, in words made from its numbers, so that the sentence a reader meets holds for whichever
     * run printed it (full or quick mode): the cells from the largest mean MSE ÷ baseline to the smallest, the cells
     * that did not solve the task with every seed, and whether the seeds' ranges of the cell without a forget gate
     * (NFG) and of the full cell overlap.
     */
    public static String ranking(List<Row> rows) {
        var by = byModel(rows);
        List<String> ranked = new ArrayList<>(by.keySet());
        ranked.sort((a, b) -> Double.compare(meanRatio(rows, b), meanRatio(rows, a)));
        List<List<String>> order = new ArrayList<>();
        for (String cell : ranked) {
            // a leading space: the widest name and the widest number two places apart, not read as one
            order.add(List.of("  " + Words.t(cell), String.format(Locale.ROOT, " %.3g", meanRatio(rows, cell))));
        }
        List<String> unsolved = new ArrayList<>();
        for (String cell : by.keySet()) {
            if (by.get(cell).stream().anyMatch(r -> r.ratio() >= SOLVED)) {
                unsolved.add(Words.t(cell));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(Words.t("This run, from the largest mean MSE ÷ baseline to the smallest:"));
        lines.add(TextColumns.of("lr", order));
        lines.add(
                unsolved.isEmpty()
                        ? Words.t("Every cell solved the task with every seed.")
                        : Words.format("Not solved with every seed: %s.", String.join(", ", unsolved)));
        String full = rows.get(0).model();
        String nfg = LstmVariant.NO_FORGET_GATE.toString();
        if (by.containsKey(nfg) && !nfg.equals(full)) {
            double[] fullRange = range(by.get(full));
            double[] nfgRange = range(by.get(nfg));
            boolean overlap = nfgRange[0] <= fullRange[1] && fullRange[0] <= nfgRange[1];
            lines.add(Words.format(
                    "%s: mean MSE ÷ baseline %.2g × the %s's;%n  over the seeds %.3g to %.3g against %.3g to %.3g, %s.",
                    Words.t(nfg),
                    meanRatio(rows, nfg) / meanRatio(rows, full),
                    Words.t(full),
                    nfgRange[0],
                    nfgRange[1],
                    fullRange[0],
                    fullRange[1],
                    Words.t(overlap ? "the ranges overlap" : "the ranges do not overlap")));
        }
        return String.join("\n", lines);
    }

    /** The smallest and largest MSE ÷ baseline of one cell's seeds. */
    private static double[] range(List<Row> mine) {
        double[] ratios = mine.stream().mapToDouble(Row::ratio).toArray();
        return new double[] {
            java.util.Arrays.stream(ratios).min().orElseThrow(),
            java.util.Arrays.stream(ratios).max().orElseThrow()
        };
    }

    /**
     * This run beside the papers: for each cell its adding-problem result (mean MSE ÷ baseline, seeds solved), for
     * the two stream cells their error over the last quarter of the long stream, then what Greff et al. (2017) and
     * Gers et al. (2000) report ({@link #papers()}).
     */
    public static Table besideThePapers(List<Row> rows, List<Stream> streams) {
        Table papers = papers();
        Table t = Table.create(
                Words.t("This run beside the papers"),
                StringColumn.create(Words.term("column", "cell")),
                StringColumn.create(Words.t("this run: adding problem, MSE ÷ baseline (solved)")),
                StringColumn.create(Words.t("this run: stream, MSE ÷ baseline, last quarter")),
                StringColumn.create("Greff et al. 2017"),
                StringColumn.create(Words.t("Gers et al. 2000 (continual stream)")));
        Table ours = table(rows);
        List<String> cells = new ArrayList<>(byModel(rows).keySet()); // English names, in the table's order
        for (int k = 0; k < ours.rowCount(); k++) {
            String cell = cells.get(k);
            t.stringColumn(0).append(ours.stringColumn(0).get(k));
            t.stringColumn(1)
                    .append(String.format(
                            Locale.ROOT,
                            "%.3g (%s)",
                            ours.doubleColumn(2).get(k),
                            ours.stringColumn(5).get(k)));
            String stream = streams.stream()
                    .filter(s -> s.variant().toString().equals(cell))
                    .map(s -> String.format(Locale.ROOT, "%.3g", s.lateRatio()))
                    .findFirst()
                    .orElse("—");
            t.stringColumn(2).append(stream);
            int row = papers.stringColumn(0).asList().indexOf(Words.t(cell));
            t.stringColumn(3).append(row < 0 ? "—" : papers.stringColumn(1).get(row));
            t.stringColumn(4).append(row < 0 ? "—" : papers.stringColumn(2).get(row));
        }
        return t;
    }

    // --- the continual stream ---

    /**
     * An LSTM cell ({@code variant}) trained on streams of {@link #streamSegments} adding sequences without reset
     * (every-step loss, seed 1), then run from a zero state over one stream of {@link #evalSegments} sequences.
     */
    public Stream stream(LstmVariant variant) {
        ContinualAdding training = new ContinualAdding(length, streamSegments);
        FusedLstm fused = lstm(variant, ContinualAdding.INPUTS, 1);
        var regressor = new SequenceRegressor(fused, 1, 1);
        History history = Trainer.fit(regressor, training, streamConfig.withSeed(1));
        ContinualAdding eval = new ContinualAdding(length, evalSegments);
        Batch b = eval.sample(64, 2002);
        // the readable cell on the trained weights, for every step's f_t and C_t (the fused pass keeps only h_t)
        LstmSequence run = new LstmCell(fused.params(), variant).run(b.xs());
        INDArray yHat = regressor.predict(b.xs(), LossMode.EVERY_STEP); // [B, K·T, 1]
        return Stream.measure(variant, eval, run, yHat, b.ys(), history.seconds());
    }

    /**
     * What a cell did over a long stream without reset.
     *
     * @param variant      the cell
     * @param length       T of each sequence
     * @param cellNorm     mean over the streams of ‖C_t‖₂ (over the H units), for t = 1 … K·T
     * @param forgetAtStart mean f_t over units and streams at the first step of each sequence (the start flag)
     * @param forgetElsewhere mean f_t at every other step
     * @param forgetMax    the largest f_t of any unit, stream and step: every |C_t| ≤ 1/(1 − forgetMax) from C_0 = 0
     * @param endMse       for each sequence k = 1 … K, the MSE of the prediction at its last step (the whole sum)
     * @param baselineMse  the MSE of the best constant at the sequences' last steps
     * @param seconds      training time
     */
    public record Stream(
            LstmVariant variant,
            int length,
            double[] cellNorm,
            double forgetAtStart,
            double forgetElsewhere,
            double forgetMax,
            double[] endMse,
            double baselineMse,
            double seconds) {

        static Stream measure(
                LstmVariant variant,
                ContinualAdding eval,
                LstmSequence run,
                INDArray yHat,
                INDArray ys,
                double seconds) {
            int steps = run.length();
            int batch = (int) run.hs().size(0);
            double[] norms = new double[steps];
            double startSum = 0, elseSum = 0, fMax = 0;
            int starts = 0, others = 0;
            for (int t = 0; t < steps; t++) {
                INDArray c = run.steps().get(t).c(); // [B, H]
                norms[t] = c.norm2(1).meanNumber().doubleValue(); // mean over b of ‖C_t‖₂
                double f = run.steps().get(t).f().meanNumber().doubleValue();
                fMax = Math.max(fMax, run.steps().get(t).f().maxNumber().doubleValue());
                if (eval.isStart(t)) {
                    startSum += f;
                    starts++;
                } else {
                    elseSum += f;
                    others++;
                }
            }
            double[] y = ys.dup('c').data().asDouble(); // [B, K·T]
            double[] p = yHat.dup('c').data().asDouble();
            double[] end = new double[eval.segments()];
            double mean = 0;
            for (int b = 0; b < batch; b++)
                for (int k = 0; k < end.length; k++) mean += y[b * steps + k * eval.length() + eval.length() - 1];
            mean /= batch * end.length;
            double baseline = 0;
            for (int k = 0; k < end.length; k++) {
                for (int b = 0; b < batch; b++) {
                    int at = b * steps + k * eval.length() + eval.length() - 1;
                    end[k] += (p[at] - y[at]) * (p[at] - y[at]) / batch;
                    baseline += (y[at] - mean) * (y[at] - mean) / (batch * end.length);
                }
            }
            return new Stream(
                    variant,
                    eval.length(),
                    norms,
                    startSum / starts,
                    elseSum / Math.max(1, others),
                    fMax,
                    end,
                    baseline,
                    seconds);
        }

        /** For each sequence k = 1 … K, the MSE at its last step ÷ the baseline. */
        public double[] endRatios() {
            double[] r = new double[endMse.length];
            for (int k = 0; k < r.length; k++) r[k] = endMse[k] / baselineMse;
            return r;
        }

        /** The mean of ‖C_t‖ over the first sequence of the stream. */
        public double firstNorm() {
            return mean(cellNorm, 0, length);
        }

        /** The mean of ‖C_t‖ over the last sequence of the stream. */
        public double lastNorm() {
            return mean(cellNorm, cellNorm.length - length, cellNorm.length);
        }

        /** The MSE at the ends of the first {@code k} sequences (the length it was trained on) ÷ baseline. */
        public double earlyRatio(int k) {
            return mean(endMse, 0, Math.min(k, endMse.length)) / baselineMse;
        }

        /** The MSE at the ends of the last quarter of the stream's sequences ÷ baseline. */
        public double lateRatio() {
            int from = endMse.length - Math.max(1, endMse.length / 4);
            return mean(endMse, from, endMse.length) / baselineMse;
        }

        private static double mean(double[] a, int from, int to) {
            double s = 0;
            for (int k = from; k < to; k++) s += a[k];
            return s / (to - from);
        }

        @Override
        public String toString() {
            return Words.format(
                    "%s over %d sequences of T = %d without reset:%n  mean ‖C_t‖ %.2f in the first sequence, %.2f in"
                            + " the last;%n  mean f_t %.2f at sequence starts, %.2f elsewhere;%n  MSE ÷ baseline %.3f at"
                            + " the ends of the first sequences, %.3f over the last quarter",
                    Words.t(variant.toString()),
                    endMse.length,
                    length,
                    firstNorm(),
                    lastNorm(),
                    forgetAtStart,
                    forgetElsewhere,
                    earlyRatio(4),
                    lateRatio());
        }
    }

    /** The two cells of the stream, side by side: ‖C_t‖ first and last, f_t at starts and elsewhere, errors. */
    public static Table streamTable(List<Stream> streams) {
        Table t = Table.create(
                Words.t("Continual stream without reset"),
                StringColumn.create(Words.term("column", "cell")),
                DoubleColumn.create(Words.t("‖C_t‖ first sequence")),
                DoubleColumn.create(Words.t("‖C_t‖ last sequence")),
                DoubleColumn.create(Words.t("f_t at starts")),
                DoubleColumn.create(Words.t("f_t elsewhere")),
                DoubleColumn.create(Words.t("MSE ÷ baseline, first 4")),
                DoubleColumn.create(Words.t("MSE ÷ baseline, last quarter")),
                IntColumn.create(Words.term("column", "sequences")));
        for (Stream s : streams) {
            t.stringColumn(0).append(Words.t(s.variant().toString()));
            t.doubleColumn(1).append(round(s.firstNorm()));
            t.doubleColumn(2).append(round(s.lastNorm()));
            t.doubleColumn(3).append(round(s.forgetAtStart()));
            t.doubleColumn(4).append(round(s.forgetElsewhere()));
            t.doubleColumn(5).append(round(s.earlyRatio(4)));
            t.doubleColumn(6).append(round(s.lateRatio()));
            t.intColumn(7).append(s.endMse().length);
        }
        return t;
    }

    /**
     * What the papers found, cited and not measured here: Greff et al. (2017, "LSTM: A Search Space Odyssey", §V-A
     * and Fig. 3: speech on TIMIT, handwriting on IAM Online, music on JSB Chorales; 27 random searches of 200
     * trials per variant) and Gers, Schmidhuber &amp; Cummins (2000, Table 2: continual embedded Reber grammar).
     */
    public static Table papers() {
        return Table.create(
                Words.t("What the papers report (cited, not measured here)"),
                words(
                        Words.term("column", "cell"),
                        "full LSTM",
                        "NFG (f_t ≡ 1)",
                        "NIG (i_t ≡ 1)",
                        "NOG (o_t ≡ 1)",
                        "NOAF (h_t = o_t * C_t)",
                        "CIFG (i_t = 1 − f_t)",
                        "GRU"),
                words(
                        "Greff et al. 2017",
                        "the reference (with peepholes)",
                        "significantly worse on all three tasks",
                        NOT_QUOTED,
                        NOT_QUOTED,
                        "significantly worse on all three tasks",
                        "no significant difference",
                        "not in their study"),
                words(
                        "Gers et al. 2000 (continual stream)",
                        "18 % perfect solutions, 29 % more good ones",
                        "0 % perfect: the 1997 cell; 74 % with external resets between strings",
                        "—",
                        "—",
                        "—",
                        "—",
                        "—"));
    }

    /**
     * Greff et al.'s NIG and NOG rows: their abstract and conclusions (checked against the paper) say that no variant
     * improved significantly on the full cell and name the forget gate and the output activation as the critical
     * parts; how much each of these two hurt on each task is not quoted here.
     */
    private static final String NOT_QUOTED =
            "no better than the full cell (no variant was, in their study); its effect per task is not quoted here";

    /** A column whose name and cells are in the student's language. */
    private static StringColumn words(String name, String... cells) {
        return StringColumn.create(
                Words.t(name), java.util.Arrays.stream(cells).map(Words::t).toArray(String[]::new));
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }
}
