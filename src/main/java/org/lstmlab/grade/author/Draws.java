package org.lstmlab.grade.author;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases of one grading run: the fixed case and randomised cases drawn from the run's seed, which
 * every report prints. A test takes it as a parameter, e.g. to check that an answer right on the
 * fixed case is right on the randomised cases too ({@link Expect#notHardCoded}).
 *
 * @param seed the run's seed; randomised case k (from 1) has seed {@code seed + k}
 */
public record Draws(long seed) {
    /** A fresh draw of the fixed case. */
    public Draw fixed() {
        return Draw.fixed();
    }

    /** Fresh draws of randomised cases 1 … n, the same as {@code @RandomisedCases(n)} gives. */
    public List<Draw> randomised(int n) {
        return randomised(1, n);
    }

    /** Fresh draws of randomised cases {@code first} … {@code first + n − 1}. */
    public List<Draw> randomised(int first, int n) {
        List<Draw> draws = new ArrayList<>();
        for (int k = first; k < first + n; k++) {
            draws.add(Draw.randomised(seed + k));
        }
        return draws;
    }
}
