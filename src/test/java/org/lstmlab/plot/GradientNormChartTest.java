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
        assertTrue(chart.getStyler().isLegendVisible());
        assertEquals(
                List.of("‖W_hh‖₂ = 0.5", "‖W_hh‖₂ = 0.9", "‖W_hh‖₂ = 1.5", "bound 0.5^(T−t)", "bound 0.9^(T−t)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries s = chart.getSeriesMap().get("‖W_hh‖₂ = 0.9");
        assertArrayEquals(measured.get(1).x(), s.getXData());
        assertArrayEquals(log10(measured.get(1).y()), s.getYData(), 1e-12, "drawn in log₁₀ space");
        XYSeries b = chart.getSeriesMap().get("bound 0.5^(T−t)");
        assertArrayEquals(log10(bounds.get(0).y()), b.getYData(), 1e-12);
        assertTrue(b.getLineStyle().getDashArray() != null, "bounds are dashed");
        // notebook 01 at 61 lags: segments of about 8 px, in which XChart starts the dash pattern afresh
        float[] dash = b.getLineStyle().getDashArray();
        assertTrue(dash[0] + dash[1] <= 6, "a dash and its gap fit a segment: " + java.util.Arrays.toString(dash));
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, b.getMarker(), "markers hid a bound's dashes");
        assertTrue(s.getLineStyle().getDashArray() == null, "measured curves are solid");
        assertEquals(
                chart.getSeriesMap().get("‖W_hh‖₂ = 0.5").getLineColor(),
                b.getLineColor(),
                "bound k shares curve k's colour");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "gradient-norm")));
    }

    static double[] log10(double[] y) {
        double[] l = new double[y.length];
        for (int k = 0; k < y.length; k++) l[k] = Math.log10(y[k]);
        return l;
    }

    @Test
    void notebookOnesRangeOfFortySixDecadesHasFewLabelsAndRoundLags() {
        List<Curve> measured = List.of(
                Curve.indexed("‖W_hh‖₂ = 0.5", powers(0.25, 60)), // down to 1e-35
                Curve.indexed("‖W_hh‖₂ = 1.5", powers(1.48, 60))); // up to 1e10
        XYChart chart = GradientNormChart.chart(measured, List.of());
        List<Integer> decades = LogAxisTest.drawnDecades(chart, "notebook 01");
        assertTrue(decades.get(1) - decades.get(0) >= 5, decades.toString());
        List<Integer> lags = RenderedChart.assertEvenIntegerTicks(RenderedChart.xLabels(chart), "lag axis");
        assertEquals(0, lags.get(0));
        assertTrue(lags.size() <= 13 && lags.get(lags.size() - 1) >= 55, lags.toString());
        RenderedChart.renderAndDecode(chart, "gradient-norm-46-decades");
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
                log10(new double[] {1, 0.9, 0.8, 0.7}),
                chart.getSeriesMap().get("ρ = 1.0").getYData(),
                1e-12);
        RenderedChart.renderAndDecode(chart, "gradient-norm-arrays");
    }

    @Test
    void valuesAtOrBelowZeroAreLeftOutAndCountedInTheLegend() {
        XYChart chart = GradientNormChart.chart(
                List.of(new Curve("RNN", new double[] {0, 1, 2, 3}, new double[] {1, 1e-200, 0, -0.0})), List.of());
        XYSeries s = chart.getSeriesMap().get("RNN (2 values ≤ 0 not shown)");
        double[] y = s.getYData();
        assertEquals(0, y[0], 1e-12);
        assertEquals(-200, y[1], 1e-12);
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

    @Test
    void pathsGiveEveryCurveItsOwnColourAndDashOnlyTheNamedOnes() {
        List<Curve> curves = List.of(
                Curve.indexed("RNN", powers(0.5, 30)),
                Curve.indexed("LSTM full", powers(1.05, 30)),
                Curve.indexed("LSTM cell path", powers(0.99, 30)));
        XYChart chart = GradientNormChart.paths("paths", "norm", curves, List.of("LSTM cell path"));
        assertEquals(
                List.of("RNN", "LSTM full", "LSTM cell path"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries path = chart.getSeriesMap().get("LSTM cell path");
        assertArrayEquals(log10(curves.get(2).y()), path.getYData(), 1e-12, "drawn in log₁₀ space");
        assertTrue(path.getLineStyle().getDashArray() != null, "the named curve is dashed");
        assertTrue(chart.getSeriesMap().get("RNN").getLineStyle().getDashArray() == null, "the others are solid");
        assertTrue(!chart.getSeriesMap().get("RNN").getLineColor().equals(path.getLineColor()), "own colours");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "gradient-paths")));
        assertThrows(
                IllegalArgumentException.class,
                () -> GradientNormChart.paths("paths", "norm", curves, List.of("nope")));
    }

    /** Notebook 04 at b_f = 5: the dashed cell path runs along the full ‖∂h_T/∂h_t‖₂ near 1 and must stay visible. */
    @Test
    void aDashedPathIsDrawnOverTheSolidOnesWithoutMarkersSoNoMarkerHidesIt() {
        List<Curve> curves = List.of(
                Curve.indexed("LSTM cell path", powers(0.995, 61)), // listed first: drawn last all the same
                Curve.indexed("RNN", powers(0.5, 61)),
                Curve.indexed("LSTM full", powers(0.996, 61)));
        XYChart chart = GradientNormChart.paths("paths", "norm", curves, List.of("LSTM cell path"));
        assertEquals(
                List.of("RNN", "LSTM full", "LSTM cell path"),
                List.copyOf(chart.getSeriesMap().keySet()),
                "XChart draws in this order: the dashed path on top");
        XYSeries path = chart.getSeriesMap().get("LSTM cell path");
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.NONE, path.getMarker(), "the dash tells it apart");
        assertEquals(Figures.MARKERS[2], chart.getSeriesMap().get("LSTM full").getMarker(), "the solid keep theirs");
    }

    /** Notebook 04's cell path was a thin pink dash (contrast 2.9 : 1 on white), pale beside the solid curves. */
    @Test
    void aDashedPathIsDarkAndWiderThanTheSolidCurvesSoItStandsOutAgainstThem() {
        List<Curve> curves = List.of(
                Curve.indexed("RNN", powers(0.5, 61)),
                Curve.indexed("LSTM full ∂h", powers(0.996, 61)),
                Curve.indexed("LSTM full ∂C", powers(1.01, 61)),
                Curve.indexed("LSTM cell path", powers(0.995, 61)));
        XYChart chart = GradientNormChart.paths("paths", "norm", curves, List.of("LSTM cell path"));
        XYSeries path = chart.getSeriesMap().get("LSTM cell path");
        java.awt.Color background = chart.getStyler().getPlotBackgroundColor();
        assertTrue(
                contrast(path.getLineColor(), background) >= 7,
                "contrast " + contrast(path.getLineColor(), background) + " : 1 on the plot's background");
        for (String solid : List.of("RNN", "LSTM full ∂h", "LSTM full ∂C")) {
            XYSeries s = chart.getSeriesMap().get(solid);
            assertTrue(!s.getLineColor().equals(path.getLineColor()), solid + " has the dashed path's colour");
            assertTrue(
                    path.getLineStyle().getLineWidth() > s.getLineStyle().getLineWidth(),
                    "the dashed path is wider than " + solid);
        }
        assertTrue(path.getLineStyle().getDashArray() != null, "still dashed");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "gradient-paths-dashed-over")));
    }

    /** The WCAG 2 contrast ratio of two colours, from their relative luminances. */
    private static double contrast(java.awt.Color a, java.awt.Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(java.awt.Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int k = 0; k < 3; k++) {
            rgb[k] = rgb[k] <= 0.03928 ? rgb[k] / 12.92 : Math.pow((rgb[k] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
