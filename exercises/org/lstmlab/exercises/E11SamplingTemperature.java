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
        // TODO E11: p = softmax(ŷ / τ)
        throw new UnsupportedOperationException("E11 (sampling with temperature) is not implemented yet: E11SamplingTemperature.probabilities must compute p = softmax(ŷ / τ). Notebook 10-lstm-that-writes explains it. / E11 (lấy mẫu với nhiệt độ lấy mẫu) chưa làm: E11SamplingTemperature.probabilities phải tính p = softmax(ŷ / τ). Notebook 10-lstm-that-writes giải thích phần này.");
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
        // TODO E11: j ∼ softmax(ŷ / τ), u = new Random(seed).nextDouble()
        throw new UnsupportedOperationException("E11 (sampling with temperature) is not implemented yet: E11SamplingTemperature.sample must compute j ∼ softmax(ŷ / τ), u = new Random(seed).nextDouble(). Notebook 10-lstm-that-writes explains it. / E11 (lấy mẫu với nhiệt độ lấy mẫu) chưa làm: E11SamplingTemperature.sample phải tính j ∼ softmax(ŷ / τ), u = new Random(seed).nextDouble(). Notebook 10-lstm-that-writes giải thích phần này.");
    }
}
