package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplingTest {
    @Test
    void temperatureOneIsTheSoftmaxOfTheScores() {
        double[] p = Sampling.probabilities(new double[] {0, Math.log(3)}, 1.0);
        assertArrayEquals(new double[] {0.25, 0.75}, p, 1e-15);
    }

    @Test
    void temperatureDividesTheScores() {
        double[] logits = {1.0, -0.5, 2.0};
        assertArrayEquals(
                Sampling.probabilities(new double[] {2.0, -1.0, 4.0}, 1.0), Sampling.probabilities(logits, 0.5), 1e-15);
    }

    @Test
    void hugeScoresDoNotOverflow() {
        double[] p = Sampling.probabilities(new double[] {1000, 1000 + Math.log(3)}, 1.0);
        assertArrayEquals(new double[] {0.25, 0.75}, p, 1e-12);
    }

    @Test
    void aDrawIsTheFirstIndexWhoseCumulativeProbabilityExceedsOneUniformNumber() {
        double[] logits = {0.3, 1.2, -0.4, 0.9};
        for (long seed = 0; seed < 20; seed++) {
            double u = new Random(seed).nextDouble();
            double[] p = Sampling.probabilities(logits, 1.5);
            int want = 0;
            double cumulative = p[0];
            while (u >= cumulative) cumulative += p[++want];
            assertEquals(want, Sampling.sample(logits, 1.5, new Random(seed)), "seed " + seed);
        }
    }

    @Test
    void lowTemperatureAlmostAlwaysPicksTheLikeliestAndHighSpreads() {
        double[] logits = {0.0, 1.0, 0.5};
        Random r = new Random(1);
        int[] cold = new int[3], hot = new int[3];
        for (int k = 0; k < 2000; k++) {
            cold[Sampling.sample(logits, 0.05, r)]++;
            hot[Sampling.sample(logits, 100, r)]++;
        }
        assertTrue(cold[1] > 1990, "τ = 0.05 picks index 1 nearly always: " + java.util.Arrays.toString(cold));
        for (int c : hot) assertTrue(c > 550, "τ = 100 is nearly uniform: " + java.util.Arrays.toString(hot));
    }

    @Test
    void aTemperatureThatIsNotPositiveIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sampling.probabilities(new double[] {1}, 0));
        assertEquals("the temperature τ must be positive and finite but is 0.0", e.getMessage());
    }
}
