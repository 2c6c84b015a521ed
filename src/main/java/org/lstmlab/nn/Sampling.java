package org.lstmlab.nn;

import java.util.Random;

/**
 * Drawing the next character from a model's scores with a temperature τ: p = softmax(ŷ / τ). τ = 1 keeps the
 * model's own distribution; τ &lt; 1 sharpens it towards the likeliest character (safe, repetitive text),
 * τ &gt; 1 flattens it towards uniform (varied, then garbled text) (Hinton, Vinyals &amp; Dean 2015;
 * Karpathy 2015). Exercise E11 asks for the same.
 *
 * <pre>{@code
 * double[] p = Sampling.probabilities(logits, 0.5);       // [V], sums to 1
 * int next = Sampling.sample(logits, 0.5, new Random(7)); // one draw
 * }</pre>
 */
public final class Sampling {
    private Sampling() {}

    /**
     * softmax(ŷ / τ), the largest score subtracted first so that exp cannot overflow.
     *
     * @param logits      ŷ, one score per character, {@code [V]}, finite
     * @param temperature τ, positive and finite
     * @return p, {@code [V]}, non-negative, summing to 1
     */
    public static double[] probabilities(double[] logits, double temperature) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException(
                    "ŷ must hold at least one score but is " + (logits == null ? "null" : "empty"));
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature τ must be positive and finite but is " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < logits.length; j++) {
            if (!Double.isFinite(logits[j])) {
                throw new IllegalArgumentException("ŷ[" + j + "] must be finite but is " + logits[j]);
            }
            max = Math.max(max, logits[j]);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp((logits[j] - max) / temperature); // exp((ŷ_j − max ŷ) / τ) ≤ 1
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) p[j] /= sum;
        return p;
    }

    /**
     * One draw from softmax(ŷ / τ): u = {@code random.nextDouble()} (one number, uniform in [0, 1)), then the
     * first index j whose cumulative probability p_0 + … + p_j exceeds u.
     *
     * @param random the generator; the same seed gives the same draw
     */
    public static int sample(double[] logits, double temperature, Random random) {
        if (random == null) throw new IllegalArgumentException("random must be a java.util.Random but is null");
        return draw(probabilities(logits, temperature), random.nextDouble());
    }

    /** The first index whose cumulative probability exceeds u, or the last non-zero one when rounding leaves it short. */
    static int draw(double[] p, double u) {
        double cumulative = 0;
        int last = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) last = j;
            cumulative += p[j];
            if (u < cumulative) return j;
        }
        return last;
    }
}
