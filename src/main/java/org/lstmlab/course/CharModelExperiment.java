package org.lstmlab.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.lstmlab.data.CharBaselines;
import org.lstmlab.data.CharCorpus;
import org.lstmlab.data.CharStreams;
import org.lstmlab.data.CodeFeatures;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.Sampling;
import org.lstmlab.nn.fused.FusedCharModel;
import org.lstmlab.plot.ActivationText;
import org.lstmlab.plot.Curve;
import org.lstmlab.plot.LossByPositionChart;
import org.lstmlab.plot.Words;
import org.lstmlab.train.Adam;
import org.lstmlab.train.CharTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 10's character-level language model: an LSTM trained on the course's own Java sources
 * ({@link CharCorpus}) with truncated backpropagation through time on the fused path, judged in bits per
 * character on held-out files beside the unigram and bigram baselines, sampled at a temperature, and its
 * cells compared with features of the code ({@link CodeFeatures}).
 *
 * <pre>{@code
 * CharModelExperiment.Result r = CharModelExperiment.defaults().run(CharCorpus.load());
 * r.bitsPerChar();                         // the model beside the baselines, a table
 * r.sample("public ", 300, 0.5, 1);        // text it writes
 * r.cells(2000).best();                    // the unit that tracks each feature best
 * }</pre>
 *
 * @param embedding    X, the width of E's rows
 * @param hidden       H
 * @param batch        B, the streams read side by side
 * @param steps        T, the characters per chunk (gradients flow back this far)
 * @param trainSteps   training steps, one chunk each; the streams start again when they run out
 * @param learningRate Adam's α
 * @param clipNorm     θ of the global-norm clipping
 * @param characters   how many characters of the training text (and of the held-out text) to use; 0 for all
 * @param seed         seeds the weights
 */
public record CharModelExperiment(
        int embedding,
        int hidden,
        int batch,
        int steps,
        int trainSteps,
        double learningRate,
        double clipNorm,
        int characters,
        long seed) {

    /** The temperatures the notebook samples at. */
    public static final double[] TEMPERATURES = {0.5, 1.0, 1.5};

    public CharModelExperiment {
        if (embedding < 1 || hidden < 1 || batch < 1 || steps < 1 || trainSteps < 1) {
            throw new IllegalArgumentException("X, H, B, T and the training steps must be at least 1 but are X = "
                    + embedding + ", H = " + hidden + ", B = " + batch + ", T = " + steps + ", steps = " + trainSteps);
        }
        if (characters < 0) throw new IllegalArgumentException("characters must be ≥ 0 (0: all) but is " + characters);
    }

    /**
     * X = 32, H = {@code Quick.pick(128, 32)}, B = 32, T = 64, {@code Quick.pick(1500, 40)} steps, Adam at
     * α = 0.003, clipping at 5, all of the text ({@code Quick}: its first 20 000 characters), seed 1.
     */
    public static CharModelExperiment defaults() {
        return new CharModelExperiment(
                32, Quick.pick(128, 32), 32, 64, Quick.pick(1500, 40), 0.003, 5.0, Quick.pick(0, 20_000), 1);
    }

    /** The same experiment with {@code trainSteps} steps. */
    public CharModelExperiment withTrainSteps(int trainSteps) {
        return new CharModelExperiment(
                embedding, hidden, batch, steps, trainSteps, learningRate, clipNorm, characters, seed);
    }

    /** The same experiment with H = {@code hidden}. */
    public CharModelExperiment withHidden(int hidden) {
        return new CharModelExperiment(
                embedding, hidden, batch, steps, trainSteps, learningRate, clipNorm, characters, seed);
    }

    /** The same experiment on the first {@code characters} of the training and held-out text (0: all). */
    public CharModelExperiment withCharacters(int characters) {
        return new CharModelExperiment(
                embedding, hidden, batch, steps, trainSteps, learningRate, clipNorm, characters, seed);
    }

    /** Trains a fresh model on {@code corpus}'s training text, carrying the state from chunk to chunk. */
    public Result run(CharCorpus corpus) {
        return run(corpus, true);
    }

    /**
     * Trains a fresh model on {@code corpus}'s training text.
     *
     * @param carryState false starts every chunk from zeros (to compare)
     */
    public Result run(CharCorpus corpus, boolean carryState) {
        CharCorpus used = characters > 0 ? corpus.slice(characters) : corpus;
        int[] train = used.trainIds();
        int v = used.vocabulary().size();
        var params = FusedCharModel.stacked(CharModelParams.init(v, embedding, hidden, seed, DataType.DOUBLE));
        var model = new FusedCharModel(params);
        var trainer = new CharTrainer(model, new Adam(learningRate), clipNorm, carryState);
        var streams = new CharStreams(train, batch, steps);
        int done = 0;
        while (done < trainSteps) {
            int chunks = Math.min(streams.chunks(), trainSteps - done);
            trainer.epoch(streams, chunks);
            done += chunks;
        }
        return new Result(this, used, trainer);
    }

    @Override
    public String toString() {
        return Words.format(
                "character model: X = %d, H = %d, B = %d, T = %d,%n  %d steps, Adam α = %s, clip %s, seed %d",
                embedding, hidden, batch, steps, trainSteps, learningRate, clipNorm, seed);
    }

    /** A trained model and what the notebook shows of it. */
    public static final class Result {
        private final CharModelExperiment experiment;
        private final CharCorpus corpus;
        private final CharTrainer trainer;
        /** The held-out loss at each position of a chunk, the state carried: read once, shown twice. */
        private final double[] carriedByPosition;

        private final double heldOut;
        private final double unigram;
        private final double bigram;

        Result(CharModelExperiment experiment, CharCorpus corpus, CharTrainer trainer) {
            this.experiment = experiment;
            this.corpus = corpus;
            this.trainer = trainer;
            int[] train = corpus.trainIds(), held = corpus.heldOutIds();
            int v = corpus.vocabulary().size();
            this.carriedByPosition = CharTrainer.bitsByPosition(trainer.model(), held, experiment.steps(), true);
            this.heldOut = mean(carriedByPosition); // CharTrainer.bitsPerChar's number, without a second pass
            this.unigram = CharBaselines.unigramBitsPerChar(train, held, v);
            this.bigram = CharBaselines.bigramBitsPerChar(train, held, v);
        }

        public FusedCharModel model() {
            return trainer.model();
        }

        public CharCorpus corpus() {
            return corpus;
        }

        /** The training loss of every step, bits per character. */
        public double[] losses() {
            return trainer.losses();
        }

        /** The LSTM's bits per character on the held-out text, read as one stream with the state carried. */
        public double heldOutBitsPerChar() {
            return heldOut;
        }

        public double unigramBitsPerChar() {
            return unigram;
        }

        public double bigramBitsPerChar() {
            return bigram;
        }

        /** Training wall time, seconds (the steps only). */
        public double trainingSeconds() {
            return trainer.seconds();
        }

        /** Training throughput: characters (B·T per step) per second. */
        public double charactersPerSecond() {
            return trainer.characters() / trainer.seconds();
        }

        /** The held-out bits per character of the LSTM and the two baselines, best last. */
        public Table bitsPerChar() {
            return Table.create(
                    Words.t("Held-out bits per character"),
                    StringColumn.create(
                            Words.term("column", "model"),
                            Words.t("unigram (frequencies)"),
                            Words.t("bigram (previous character)"),
                            "LSTM"),
                    DoubleColumn.create(Words.t("bits per character"), round(unigram), round(bigram), round(heldOut)));
        }

        /**
         * The held-out loss at each position of a chunk of T, with the state carried across chunks and reset at
         * every chunk: why training and reading carry it.
         */
        public XYChart lossByPosition() {
            int t = experiment.steps();
            int[] held = corpus.heldOutIds();
            double[] carried = carriedByPosition;
            double[] reset = CharTrainer.bitsByPosition(model(), held, t, false);
            return LossByPositionChart.chart(List.of(
                    Curve.indexed(
                            Words.format("state carried across chunks: %s bits/char", fmt(mean(carried))), carried),
                    Curve.indexed(Words.format("state reset every chunk: %s bits/char", fmt(mean(reset))), reset)));
        }

        /**
         * Text the model writes: it reads {@code prompt}, then draws each next character from
         * softmax(ŷ / τ) ({@link Sampling}) and reads what it drew.
         *
         * @param length      characters to write
         * @param temperature τ
         * @param seed        seeds the draws: the same seed writes the same text
         */
        public String sample(String prompt, int length, double temperature, long seed) {
            if (prompt == null || prompt.isEmpty()) {
                throw new IllegalArgumentException("the prompt must hold at least one character");
            }
            var vocabulary = corpus.vocabulary();
            int[] ids = vocabulary.encode(prompt);
            int hidden = experiment.hidden();
            INDArray h = Nd4j.zeros(DataType.DOUBLE, 1, hidden), c = Nd4j.zeros(DataType.DOUBLE, 1, hidden);
            FusedCharModel.Scores s = null;
            for (int id : ids) {
                s = model().next(id, h, c);
                h = s.h();
                c = s.c();
            }
            Random random = new Random(seed);
            StringBuilder out = new StringBuilder(prompt);
            for (int k = 0; k < length; k++) {
                int next = Sampling.sample(s.logits(), temperature, random);
                out.append(vocabulary.symbol(next));
                s = model().next(next, s.h(), s.c());
            }
            return out.toString();
        }

        /** {@link #sample} at τ = 0.5, 1 and 1.5, by τ. */
        public Map<Double, String> samples(String prompt, int length, long seed) {
            Map<Double, String> m = new LinkedHashMap<>();
            for (double t : TEMPERATURES) m.put(t, sample(prompt, length, t, seed));
            return m;
        }

        /** The cells over the first {@code length} characters of the held-out text. */
        public CellCorrelations cells(int length) {
            String text = corpus.heldOut()
                    .substring(0, Math.min(length, corpus.heldOut().length()));
            FusedCharModel.States states = model().states(corpus.vocabulary().encode(text));
            return CellCorrelations.of(text, states.hs(), states.cs());
        }

        @Override
        public String toString() {
            return Words.format(
                    "%s%n  held-out %.3f bits/char (unigram %.3f, bigram %.3f);%n  %d steps in %.1f s, %.0f characters/s",
                    experiment, heldOut, unigram, bigram, losses().length, trainingSeconds(), charactersPerSecond());
        }
    }

    /**
     * For every unit j and every feature of the text, Pearson's r between the feature and the unit's C_t (and
     * h_t) over the text, and the unit that follows each feature best.
     *
     * @param text the characters read, {@code [N]}
     * @param hs   h_1 … h_N, {@code [N][H]}
     * @param cs   C_1 … C_N, {@code [N][H]}
     */
    public record CellCorrelations(String text, double[][] hs, double[][] cs, Map<String, double[]> features) {

        static CellCorrelations of(String text, double[][] hs, double[][] cs) {
            return new CellCorrelations(text, hs, cs, CodeFeatures.of(text));
        }

        /** r between {@code feature} and unit j's state ({@code "C_t"} or {@code "h_t"}), {@code [H]}. */
        public double[] correlations(String state, String feature) {
            double[][] s = states(state);
            double[] f = feature(feature);
            int hidden = s[0].length;
            double[] r = new double[hidden];
            double[] unit = new double[s.length];
            for (int j = 0; j < hidden; j++) {
                for (int t = 0; t < s.length; t++) unit[t] = s[t][j];
                r[j] = CodeFeatures.correlation(unit, f);
            }
            return r;
        }

        /** The unit whose C_t or h_t has the largest |r| with {@code feature}. */
        public Best best(String feature) {
            Best best = null;
            for (String state : List.of("C_t", "h_t")) {
                double[] r = correlations(state, feature);
                for (int j = 0; j < r.length; j++) {
                    if (best == null || Math.abs(r[j]) > Math.abs(best.r())) best = new Best(feature, state, j, r[j]);
                }
            }
            return best;
        }

        /** {@link #best(String)} for every feature. */
        public List<Best> best() {
            List<Best> all = new ArrayList<>();
            for (String f : features.keySet()) all.add(best(f));
            return all;
        }

        /** The feature best followed by a unit, with that unit. */
        public Best strongest() {
            Best top = null;
            for (Best b : best()) if (top == null || Math.abs(b.r()) > Math.abs(top.r())) top = b;
            return top;
        }

        /** The best unit of every feature, a table. */
        public Table table() {
            List<Best> all = best();
            return Table.create(
                    Words.format("Best unit per feature (Pearson r over %d held-out characters)", text.length()),
                    StringColumn.create(
                            Words.term("column", "feature"),
                            all.stream().map(b -> Words.t(b.feature())).toList()),
                    StringColumn.create(
                            Words.term("column", "state"),
                            all.stream().map(Best::state).toList()),
                    DoubleColumn.create(
                            Words.term("column", "unit"),
                            all.stream().mapToDouble(Best::unit).toArray()),
                    DoubleColumn.create(
                            "r", all.stream().mapToDouble(b -> round(b.r())).toArray()));
        }

        /** {@code best}'s unit drawn over characters {@code from} … {@code from + length − 1} of the text. */
        public ActivationText render(Best best, int from, int length) {
            int to = Math.min(text.length(), from + length);
            if (from < 0 || from >= to) {
                throw new IllegalArgumentException("from must be in 0 … " + (text.length() - 1) + " but is " + from);
            }
            double[][] s = states(best.state());
            double[] values = new double[to - from];
            for (int t = from; t < to; t++) values[t - from] = s[t][best.unit()];
            return new ActivationText(best.toString(), text.substring(from, to), values);
        }

        private double[][] states(String state) {
            return switch (state) {
                case "C_t" -> cs;
                case "h_t" -> hs;
                default ->
                    throw new IllegalArgumentException("state must be \"C_t\" or \"h_t\" but is \"" + state + "\"");
            };
        }

        private double[] feature(String name) {
            double[] f = features.get(name);
            if (f == null) {
                throw new IllegalArgumentException(
                        "no feature \"" + name + "\": the features are " + features.keySet());
            }
            return f;
        }
    }

    /**
     * A unit that follows a feature of the text.
     *
     * @param state {@code "C_t"} or {@code "h_t"}
     * @param unit  j, 0 … H−1
     * @param r     Pearson's r of its state with the feature
     */
    public record Best(String feature, String state, int unit, double r) {
        @Override
        public String toString() {
            return Words.format("unit %d's %s against “%s”: r = %.3f", unit, state, Words.t(feature), r);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }
}
