package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.fail;
import static org.lstmlab.grade.author.Say.say;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grade.author.Computes;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Draws;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.RandomisedCases;
import org.lstmlab.nn.Sampling;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E11: sampling the next character with temperature, p = softmax(ŷ / τ) and one draw from
 * {@code new Random(seed)}, checked against the library's {@code Sampling}.
 */
@Exercise(
        id = "E11",
        title = "sampling with temperature",
        points = 12,
        hiddenPoints = 2,
        notebook = "10-lstm-that-writes",
        mustNotUse = "org.lstmlab.nn.Sampling")
class E11SamplingTemperatureTest {

    /** The student's E11SamplingTemperature: every call runs in the sandbox. */
    interface E11SamplingTemperature {
        @Computes("p = softmax(ŷ / τ)")
        double[] probabilities(double[] logits, double temperature);

        @Computes("j ∼ softmax(ŷ / τ), u = new Random(seed).nextDouble()")
        int sample(double[] logits, double temperature, long seed);
    }

    @Test
    @Points(3)
    @DisplayName("probabilities are softmax(ŷ / τ)")
    void probabilitiesAreTheSoftmaxOfTheScoresOverTau(E11SamplingTemperature student, Draws draws) {
        expectProbabilities(student, Case.fixed());
        Expect.notHardCoded(draws.randomised(2), draw -> expectProbabilities(student, Case.draw(draw)));
    }

    @Test
    @Points(2)
    @DisplayName("scores near 1000 give the same p as scores near 0")
    void largeScoresDoNotOverflow(E11SamplingTemperature student) {
        Case c = Case.fixed();
        double[] shifted = c.logits().clone();
        for (int j = 0; j < shifted.length; j++) shifted[j] += 1000;
        double[] got = student.probabilities(shifted, c.tau());
        for (double p : got) {
            if (!Double.isFinite(p)) fail(say("hint.E11.overflow") + " (" + c + ", ŷ + 1000)");
        }
        Expect.close(
                "p",
                Nd4j.createFromArray(Sampling.probabilities(shifted, c.tau())),
                Nd4j.createFromArray(got),
                c + ", ŷ + 1000");
    }

    @Test
    @Points(3)
    @DisplayName("sample is one draw from p with new Random(seed)")
    void sampleIsOneDrawWithTheSeededGenerator(E11SamplingTemperature student, Draws draws) {
        expectDraw(student, Case.fixed());
        Expect.notHardCoded(draws.randomised(2), draw -> expectDraw(student, Case.draw(draw)));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(2)
    @DisplayName("draws over 20 seeds follow the library's")
    void drawsOverManySeedsFollowTheLibrary(Draw draw, E11SamplingTemperature student) {
        Case c = Case.draw(draw);
        for (int k = 0; k < 20; k++) {
            long seed = seed(k);
            int want = Sampling.sample(c.logits(), c.tau(), new Random(seed));
            int got = student.sample(c.logits(), c.tau(), seed);
            if (got != want) {
                fail(say("hint.E11.drawAtSeed", seed, want, got) + " (" + c + ")");
            }
        }
    }

    /**
     * The k-th seed of a test: spread over [0, 2^52) (a long crosses to the sandbox as a double, exact below
     * 2^53), because the first {@code nextDouble()} of {@code new Random(seed)} barely moves between nearby seeds.
     */
    static long seed(int k) {
        return new java.util.SplittableRandom(1000 + k).nextLong() >>> 12;
    }

    /** The student's p against the library's, naming the usual mistakes. */
    static void expectProbabilities(E11SamplingTemperature student, Case c) {
        double[] got = student.probabilities(c.logits(), c.tau());
        Expect.close(
                "p",
                Nd4j.createFromArray(Sampling.probabilities(c.logits(), c.tau())),
                Nd4j.createFromArray(got),
                c,
                Expect.mistake(
                        () -> Nd4j.createFromArray(Sampling.probabilities(c.times(c.tau() * c.tau()), c.tau())),
                        say("hint.E11.timesTau")),
                Expect.mistake(
                        () -> Nd4j.createFromArray(Sampling.probabilities(c.logits(), 1.0)), say("hint.E11.noTau")));
    }

    /** The student's draw against the library's, on a seed where argmax and the ·τ mistake draw otherwise. */
    static void expectDraw(E11SamplingTemperature student, Case c) {
        long seed = c.revealingSeed();
        int want = Sampling.sample(c.logits(), c.tau(), new Random(seed));
        int got = student.sample(c.logits(), c.tau(), seed);
        if (got == want) return;
        String where = c + ", seed = " + seed;
        int argmax = c.argmax(), timesTau = c.drawTimesTau(seed);
        if (got == argmax || got == timesTau) { // fails with the mistake's hint
            Expect.close(
                    say("hint.E11.theDraw"),
                    Nd4j.createFromArray(new double[] {want}),
                    Nd4j.createFromArray(new double[] {got}),
                    where,
                    Expect.mistake(() -> Nd4j.createFromArray(new double[] {argmax}), say("hint.E11.argmax")),
                    Expect.mistake(() -> Nd4j.createFromArray(new double[] {timesTau}), say("hint.E11.drawTimesTau")));
        }
        fail(say("hint.E11.firstAboveU", want, got, Expect.fmt(new Random(seed).nextDouble())) + " (" + where + ")");
    }

    /**
     * Scores ŷ {@code [V]} uniform in ±3 and a temperature τ below or above 1.
     *
     * @param logits ŷ
     * @param tau    τ
     */
    record Case(Draw draw, double[] logits, double tau) {
        /** V = 5, τ = 0.5. */
        static Case fixed() {
            Draw d = Draw.fixed();
            return new Case(d, Expect.doubles(d.uniform(3, 5)), 0.5);
        }

        /** V in 3 … 9, τ in 0.3 … 0.8 or 1.3 … 2.5, half the time each. */
        static Case draw(Draw d) {
            int v = d.between(3, 9);
            double[] logits = Expect.doubles(d.uniform(3, v));
            double tau = d.between(0.0, 1.0) < 0.5 ? d.between(0.3, 0.8) : d.between(1.3, 2.5);
            return new Case(d, logits, tau);
        }

        /** ŷ · k. */
        double[] times(double k) {
            double[] out = logits.clone();
            for (int j = 0; j < out.length; j++) out[j] *= k;
            return out;
        }

        int argmax() {
            int best = 0;
            for (int j = 1; j < logits.length; j++) if (logits[j] > logits[best]) best = j;
            return best;
        }

        /** The draw from softmax(ŷ · τ) with the same u. */
        int drawTimesTau(long seed) {
            return Sampling.sample(times(tau * tau), tau, new Random(seed));
        }

        /**
         * A seed of {@link #seed(int)} whose draw differs from argmax and, where one does, from the ·τ mistake's
         * too: on it both mistakes show.
         */
        long revealingSeed() {
            long notArgmax = -1;
            for (int k = 0; k < 2000; k++) {
                long seed = seed(k);
                int want = Sampling.sample(logits, tau, new Random(seed));
                if (want == argmax()) continue;
                if (want != drawTimesTau(seed)) return seed;
                if (notArgmax < 0) notArgmax = seed;
            }
            return notArgmax < 0 ? seed(0) : notArgmax;
        }

        @Override
        public String toString() {
            return draw + ", V = " + logits.length + ", τ = " + Expect.fmt(tau);
        }
    }
}
