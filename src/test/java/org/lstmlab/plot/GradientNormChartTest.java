package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class GradientNormChartTest {

    static double[] powers(double base, int n) {
        double[] y = new double[n];
        for (int k = 0; k < n; k++) y[k] = Math.pow(base, k);
        return y;
    }

    @Test
    void measuredCurvesAndDashedBoundsAreDrawnOnALogAxis() {
        List<Curve> measured = List.of(
                Curve.indexed("‖W_hh‖₂ = 0.5", powers(0.45, 60)),
                Curve.indexed("‖W_hh‖₂ = 0.9", powers(0.85, 60)),
                Curve.indexed("‖W_hh‖₂ = 1.5", powers(1.1, 60)));
        List<Curve> bounds = List.of(
                Curve.indexed("bound 0.5^(T−t)", powers(0.5, 60)), Curve.indexed("bound 0.9^(T−t)", powers(0.9, 60)));
        XYChart chart = GradientNormChart.chart(measured, bounds);

        assertEquals(GradientNormChart.TITLE, chart.getTitle());
        assertEquals(GradientNormChart.X_LABEL, chart.getXAxisTitle());
        assertEquals(GradientNormChart.Y_LABEL, chart.getYAxisTitle());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals(
                List.of("‖W_hh‖₂ = 0.5", "‖W_hh‖₂ = 0.9", "‖W_hh‖₂ = 1.5", "bound 0.5^(T−t)", "bound 0.9^(T−t)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries s = chart.getSeriesMap().get("‖W_hh‖₂ = 0.9");
        assertArrayEquals(measured.get(1).x(), s.getXData());
        assertArrayEquals(measured.get(1).y(), s.getYData());
        XYSeries b = chart.getSeriesMap().get("bound 0.5^(T−t)");
        assertArrayEquals(bounds.get(0).y(), b.getYData());
        assertTrue(b.getLineStyle().getDashArray() != null, "bounds are dashed");
        assertTrue(s.getLineStyle().getDashArray() == null, "measured curves are solid");
        assertEquals(
                chart.getSeriesMap().get("‖W_hh‖₂ = 0.5").getLineColor(),
                b.getLineColor(),
                "bound k shares curve k's colour");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "gradient-norm")));
    }

    @Test
    void plainArraysGiveTheSameSeries() {
        double[] lags = {0, 1, 2, 3};
        Map<String, double[]> measured = new LinkedHashMap<>();
        measured.put("ρ = 0.5", new double[] {1, 0.4, 0.2, 0.05});
        measured.put("ρ = 1.0", new double[] {1, 0.9, 0.8, 0.7});
        XYChart chart = GradientNormChart.chart(lags, measured, Map.of("bound", new double[] {1, 0.5, 0.25, 0.125}));
        assertEquals(
                List.of("ρ = 0.5", "ρ = 1.0", "bound"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(lags, chart.getSeriesMap().get("ρ = 1.0").getXData());
        assertArrayEquals(
                new double[] {1, 0.9, 0.8, 0.7},
                chart.getSeriesMap().get("ρ = 1.0").getYData());
        RenderedChart.renderAndDecode(chart, "gradient-norm-arrays");
    }

    @Test
    void valuesAtOrBelowZeroAreLeftOutAndCountedInTheLegend() {
        XYChart chart = GradientNormChart.chart(
                List.of(new Curve("RNN", new double[] {0, 1, 2, 3}, new double[] {1, 1e-200, 0, -0.0})), List.of());
        XYSeries s = chart.getSeriesMap().get("RNN (2 values ≤ 0 not shown)");
        double[] y = s.getYData();
        assertEquals(1, y[0]);
        assertEquals(1e-200, y[1]);
        assertTrue(Double.isNaN(y[2]) && Double.isNaN(y[3]));
        RenderedChart.renderAndDecode(chart, "gradient-norm-with-zeros");
    }

    @Test
    void aCurveWithNothingPositiveCannotBeDrawnOnALogAxis() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GradientNormChart.chart(List.of(Curve.indexed("dead", new double[] {0, 0})), List.of()));
        assertTrue(e.getMessage().contains("\"dead\" has no value > 0"), e.getMessage());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        IllegalArgumentException lengths = assertThrows(
                IllegalArgumentException.class,
                () -> new Curve("‖W_hh‖₂ = 0.5", new double[] {0, 1, 2}, new double[] {1, 0.5}));
        assertEquals(
                "curve \"‖W_hh‖₂ = 0.5\" needs as many x as y values but has x [3] and y [2]", lengths.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> GradientNormChart.chart(List.of(), List.of()));
        assertTrue(empty.getMessage().contains("measured must hold at least one curve"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Curve.indexed("none", new double[0]));
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> GradientNormChart.chart(
                        List.of(Curve.indexed("a", new double[] {1}), Curve.indexed("a", new double[] {2})),
                        List.of()));
        assertTrue(twice.getMessage().contains("two curves are named \"a\""), twice.getMessage());
    }
}
