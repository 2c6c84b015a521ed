package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WindowingTest {

    /** A series whose value at row n is n (column 0) and 100·n (column 1): a window's values reveal its rows. */
    static double[][] rowNumbers(int n) {
        double[][] s = new double[n][2];
        for (int r = 0; r < n; r++) {
            s[r][0] = r;
            s[r][1] = 100.0 * r;
        }
        return s;
    }

    @Test
    void eachWindowHoldsTConsecutiveRowsAndTheValueHStepsAfterIt() {
        int t = 4, h = 3;
        Windows w = Windowing.windows(rowNumbers(20), List.of("a", "b"), List.of("b"), t, h, 5, 17, DataType.DOUBLE);
        assertArrayEquals(new long[] {12 - t - h + 1, t, 2}, w.inputs().shape());
        assertArrayEquals(new long[] {12 - t - h + 1, 1}, w.targets().shape());
        for (int s = 0; s < w.size(); s++) {
            for (int k = 0; k < t; k++) {
                assertEquals(5 + s + k, w.inputs().getDouble(s, k, 0));
                assertEquals(100.0 * (5 + s + k), w.inputs().getDouble(s, k, 1));
            }
            assertEquals(5 + s + t - 1 + h, w.targetRows()[s]);
            assertEquals(100.0 * w.targetRows()[s], w.targets().getDouble(s, 0));
        }
        assertEquals(16, w.targetRows()[w.size() - 1], "the last target is the last row of the range");
    }

    @Test
    void aSingleSeriesGivesNextValueTargetsInFloat64() {
        Windows w = Windowing.windows(new double[] {1, 2, 3, 4, 5}, 3, 1);
        assertEquals(DataType.DOUBLE, w.inputs().dataType());
        assertArrayEquals(new long[] {2, 3, 1}, w.inputs().shape());
        assertArrayEquals(new double[] {1, 2, 3}, w.inputs().slice(0).reshape(3).toDoubleVector());
        assertArrayEquals(new double[] {4, 5}, w.targets().reshape(2).toDoubleVector());
    }

    @Test
    void float32IsGivenOnRequest() {
        Windows w = Windowing.windows(rowNumbers(10), List.of("a", "b"), List.of("a"), 2, 1, 0, 10, DataType.FLOAT);
        assertEquals(DataType.FLOAT, w.inputs().dataType());
        assertEquals(DataType.FLOAT, w.targets().dataType());
    }

    @Test
    void aRangeTooShortForOneWindowSaysHowLongAWindowIs() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Windowing.windows(rowNumbers(20), List.of("a", "b"), List.of("a"), 8, 3, 0, 10, DataType.DOUBLE));
        assertTrue(e.getMessage().contains("T + h = 8 + 3 = 11"), e.getMessage());
    }

    @Test
    void anUnknownTargetColumnIsNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Windowing.windows(rowNumbers(20), List.of("a", "b"), List.of("c"), 2, 1, 0, 20, DataType.DOUBLE));
        assertTrue(e.getMessage().contains("\"c\"") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void raggedRowsAreRejectedWithTheirRowNumber() {
        double[][] s = rowNumbers(6);
        s[3] = new double[] {3};
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Windowing.windows(s, List.of("a", "b"), List.of("a"), 2, 1, 0, 6, DataType.DOUBLE));
        assertTrue(e.getMessage().contains("row 3 has 1 values"), e.getMessage());
    }

    @Test
    void theSplitKeepsTimeOrderAndEveryPartHasRows() {
        SeriesSplit s = SeriesSplit.chronological(100, 0.7, 0.15);
        assertEquals(70, s.trainEnd());
        assertEquals(85, s.validationEnd());
        assertEquals(100, s.trainSize() + s.validationSize() + s.testSize());
        assertThrows(IllegalArgumentException.class, () -> SeriesSplit.chronological(100, 0.7, 0.3));
        assertThrows(IllegalArgumentException.class, () -> SeriesSplit.chronological(100, 0, 0.3));
    }

    @Test
    void noWindowStraddlesASplitBoundary() {
        int n = 200, t = 12, h = 2;
        ForecastData d = ForecastData.of(
                rowNumbers(n),
                List.of("a", "b"),
                List.of("a"),
                t,
                h,
                SeriesSplit.chronological(n, 0.6, 0.2),
                DataType.DOUBLE);
        SeriesSplit s = d.split();
        assertRowsWithin(d, d.train(), 0, s.trainEnd());
        assertRowsWithin(d, d.validation(), s.trainEnd(), s.validationEnd());
        assertRowsWithin(d, d.test(), s.validationEnd(), n);
        assertEquals(s.trainEnd() - t - h + 1, d.train().size(), "every window that fits is used");
        assertEquals(
                s.validationEnd(),
                d.test().targetRows()[0] - t - h + 1,
                "the first test window starts at the boundary");
    }

    /** Recovers each input's row number through the kept statistics and checks it lies in [from, to). */
    private static void assertRowsWithin(ForecastData d, Windows w, int from, int to) {
        double mu = d.standardiser().mean()[0], sigma = d.standardiser().std()[0];
        INDArray in = w.inputs();
        for (int b = 0; b < w.size(); b++) {
            for (int k = 0; k < w.length(); k++) {
                long row = Math.round(in.getDouble(b, k, 0) * sigma + mu);
                assertTrue(row >= from && row < to, "input row " + row + " outside [" + from + ", " + to + ")");
            }
            assertTrue(
                    w.targetRows()[b] >= from && w.targetRows()[b] < to,
                    "target row " + w.targetRows()[b] + " outside");
            assertEquals(
                    w.targetRows()[b], Math.round(d.inverseTargets(w.targets()).getDouble(b, 0)));
        }
    }
}
