package org.lstmlab.exercises;

import java.util.Random;

/**
 * E11 — sampling with temperature (10 points). Notebook: {@code 10-lstm-that-writes}.
 *
 * <p>A character model gives one score ŷ_j per character j. Implement {@link #probabilities}: the softmax of
 * the scores divided by the temperature τ, {@code p_j = exp(ŷ_j / τ) / Σ_k exp(ŷ_k / τ)}, computed with the
 * largest score subtracted first ({@code exp((ŷ_j − max ŷ) / τ)}, the same p) so that exp cannot overflow.
 * Then {@link #sample}: one draw from p — take one number {@code u = new Random(seed).nextDouble()} and return
 * the first index j whose cumulative probability {@code p_0 + … + p_j} exceeds u. Do not modify the arguments.
 */
public final class E11SamplingTemperature {
    private E11SamplingTemperature() {}

    /**
     * softmax(ŷ / τ).
     *
     * @param logits      ŷ, one score per character, {@code [V]}
     * @param temperature τ, positive
     * @return p, {@code [V]}, non-negative, summing to 1
     */
    public static double[] probabilities(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) max = Math.max(max, z);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp((logits[j] - max) * temperature); // the mistake: ŷ · τ
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) p[j] /= sum;
        return p;
    }

    /**
     * One draw from softmax(ŷ / τ) with the generator {@code new Random(seed)}.
     *
     * @param logits      ŷ, {@code [V]}
     * @param temperature τ, positive
     * @param seed        the generator's seed: the same seed gives the same draw
     * @return the index j drawn, 0 … V−1
     */
    public static int sample(double[] logits, double temperature, long seed) {
        double[] p = probabilities(logits, temperature);
        double u = new Random(seed).nextDouble(); // one uniform number in [0, 1)
        double cumulative = 0;
        for (int j = 0; j < p.length; j++) {
            cumulative += p[j];
            if (u < cumulative) return j;
        }
        return p.length - 1; // u just below 1 and the sum rounded a little under it
    }
}
