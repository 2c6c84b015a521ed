package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LogAxisTest {

    /** The exponents of the drawn labels, checked to be powers of ten at most one per decade. */
    static List<Integer> drawnDecades(XYChart chart, String what) {
        List<String> labels = RenderedChart.yLabels(chart);
        List<Integer> k = new ArrayList<>();
        for (String l : labels) k.add(RenderedChart.exponent(l));
        assertTrue(k.size() >= 2, what + ": at least two labels, got " + labels);
        assertTrue(k.size() <= LogAxis.MAX_LABELS, what + ": at most " + LogAxis.MAX_LABELS + " labels, got " + labels);
        int step = k.get(1) - k.get(0);
        assertTrue(step >= 1, what + ": at most one label per decade, bottom to top: " + labels);
        for (int i = 1; i < k.size(); i++)
            assertEquals(step, k.get(i) - k.get(i - 1), what + ": labels at an even step of decades: " + labels);
        return k;
    }

    static XYChart chartOf(double... values) {
        XYChart chart = Figures.lineChart("t", "x", "y", true);
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        LogAxis.line(chart, new Curve("c", x, values), Figures.color(0), Figures.SOLID);
        LogAxis.label(chart);
        return chart;
    }

    @Test
    void fortySixDecadesAreLabelledEveryFifthOrTenthDecadeNotEveryOne() {
        // notebook 01 drew 46 labels from 1E10 to 1E-35 on this range
        List<Integer> k = drawnDecades(chartOf(1e10, 1e3, 1e-12, 1e-35), "1e10 … 1e-35");
        assertTrue(k.get(1) - k.get(0) >= 5, "a wide range is labelled sparsely: " + k);
        assertTrue(k.get(0) >= -40 && k.get(k.size() - 1) <= 10, "labels stay near the data: " + k);
        RenderedChart.renderAndDecode(chartOf(1e10, 1e3, 1e-12, 1e-35), "log-axis-wide");
    }

    @Test
    void aCurveInsideOneDecadeStillGetsTwoLabels() {
        // notebook 08's loss chart labelled a single tick
        List<Integer> k = drawnDecades(chartOf(0.9, 0.5, 0.3, 0.22), "0.22 … 0.9");
        assertEquals(List.of(-1, 0), k);
        List<Integer> across = drawnDecades(chartOf(1.1, 0.5, 0.17), "0.17 … 1.1");
        assertEquals(List.of(-1, 0), across);
        RenderedChart.renderAndDecode(chartOf(0.9, 0.5, 0.3, 0.22), "log-axis-narrow");
    }

    @Test
    void aFewDecadesAreLabelledOneByOne() {
        assertEquals(List.of(-3, -2, -1, 0), drawnDecades(chartOf(1.2, 0.1, 0.004, 0.0009), "0.0009 … 1.2"));
    }

    @Test
    void theStepGrowsWithTheRangeAndNeverGivesMoreThanEightLabels() {
        for (int decades = 1; decades <= 60; decades++) {
            LogAxis.Decades d = LogAxis.decades(-decades + 0.3, 0.4);
            assertTrue(d.labelled().size() >= 2 && d.labelled().size() <= LogAxis.MAX_LABELS, decades + ": " + d);
            for (int k : d.labelled()) assertEquals(0, Math.floorMod(k, d.step()), d.toString());
        }
        assertEquals(1, LogAxis.decades(-5.5, 0.5).step());
        assertEquals(10, LogAxis.decades(-35, 10).step());
    }

    @Test
    void labelsReadAsNumbersNearOneAndAsPowersOfTenBeyond() {
        assertEquals("0.001", LogAxis.label(-3));
        assertEquals("1", LogAxis.label(0));
        assertEquals("1000", LogAxis.label(3));
        assertEquals("10⁴", LogAxis.label(4));
        assertEquals("10⁻³⁵", LogAxis.label(-35));
        for (int k = -40; k <= 12; k++) assertEquals(k, RenderedChart.exponent(LogAxis.label(k)));
    }

    @Test
    void theSeriesHoldTheLogarithmOfTheValuesAndGapsForValuesAtOrBelowZero() {
        XYChart chart = chartOf(100, 0, 0.01);
        double[] y = chart.getSeriesMap().get("c (1 value ≤ 0 not shown)").getYData();
        assertEquals(2, y[0], 1e-12);
        assertTrue(Double.isNaN(y[1]));
        assertEquals(-2, y[2], 1e-12);
    }
}
