package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History h = new History(
            new double[] {4, 2, 6, 0}, new double[] {1, 1, 1, 1}, new double[] {2, 4}, new double[] {3, 1}, 2.0);

    @Test
    void givesPlainArraysForCharts() {
        assertArrayEquals(new double[] {1, 2, 3, 4}, h.stepNumbers());
        assertEquals(4, h.steps());
        assertEquals(2.0, h.stepsPerSecond());
        assertEquals(0, h.finalLoss());
        assertEquals(1, h.finalValidationLoss());
    }

    @Test
    void smoothedLossIsTheMeanOfTheLastWindow() {
        assertArrayEquals(new double[] {4, 3, 4, 3}, h.smoothedLoss(2));
        assertArrayEquals(h.loss(), h.smoothedLoss(1));
    }

    @Test
    void withoutValidationTheFinalValidationLossIsNaN() {
        var none = new History(new double[] {1}, new double[] {1}, new double[0], new double[0], 1);
        assertTrue(Double.isNaN(none.finalValidationLoss()));
    }
}
