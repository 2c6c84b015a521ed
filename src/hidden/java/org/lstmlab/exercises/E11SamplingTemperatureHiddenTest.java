package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.fail;
import static org.lstmlab.grade.author.Say.say;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.HiddenTests;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.RandomisedCases;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.nn.Sampling;

/**
 * E11's hidden tests: the draw at scores near 700 (exp overflows without the maximum subtracted), at a very low
 * and a very high temperature, and the same seed twice (no state kept between calls). Graded at submission only.
 */
@HiddenTests(E11SamplingTemperatureTest.class)
class E11SamplingTemperatureHiddenTest {

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 101)
    @Points(value = 1, visibility = Visibility.HIDDEN)
    @DisplayName("draws follow the library at large scores and extreme temperatures")
    void drawsFollowTheLibraryAtLargeScoresAndExtremeTemperatures(
            Draw draw, E11SamplingTemperatureTest.E11SamplingTemperature student) {
        E11SamplingTemperatureTest.Case c = E11SamplingTemperatureTest.Case.draw(draw);
        double[] large = c.logits().clone();
        for (int j = 0; j < large.length; j++) large[j] += 700;
        for (double tau : new double[] {0.05, c.tau(), 20.0}) {
            for (int k = 0; k < 5; k++) {
                long seed = E11SamplingTemperatureTest.seed(50 + k);
                int want = Sampling.sample(large, tau, new Random(seed));
                int got = student.sample(large, tau, seed);
                if (got != want) {
                    String hint = say(
                            got == c.argmax() ? "hint.E11.largeArgmax" : "hint.E11.large",
                            Expect.fmt(tau),
                            seed,
                            want,
                            got);
                    fail(hint + " (" + c + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 1, first = 111)
    @Points(value = 1, visibility = Visibility.HIDDEN)
    @DisplayName("the same seed twice gives the same draw")
    void theSameSeedGivesTheSameDraw(Draw draw, E11SamplingTemperatureTest.E11SamplingTemperature student) {
        E11SamplingTemperatureTest.Case c = E11SamplingTemperatureTest.Case.draw(draw);
        for (int k = 0; k < 5; k++) {
            long seed = E11SamplingTemperatureTest.seed(60 + k);
            int first = student.sample(c.logits(), c.tau(), seed);
            int second = student.sample(c.logits(), c.tau(), seed);
            if (first != second) {
                fail(say("hint.E11.sameSeed", seed, first, second) + " (" + c + ")");
            }
        }
    }
}
