package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lstmlab.grade.report.EnglishWords;

class AltTextTest {
    @AfterEach
    void english() {
        System.clearProperty("lstmlab.lang");
    }

    /** The joining words of a text alternative, beside {@link EnglishWords}' words of any English sentence. */
    static final Set<String> JOINING = Set.of(
            "against",
            "curve",
            "curves",
            "solid",
            "dashed",
            "dotted",
            "markers",
            "circle",
            "square",
            "rises",
            "heatmap",
            "coloured",
            "smallest",
            "largest",
            "lowest",
            "highest",
            "falls",
            "below",
            "lag",
            "bound",
            "diagram",
            "boxes",
            "signals",
            "highlighted",
            "backward",
            "units",
            "rows",
            "columns",
            "mean",
            "more",
            "through",
            "chart",
            "log",
            "scale");

    /** The English words of a text alternative: of a sentence or joining a figure's parts. */
    static List<String> english(String alt) {
        List<String> found = new ArrayList<>(EnglishWords.in(alt));
        for (String w : alt.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
            if (JOINING.contains(w) && !found.contains(w)) found.add(w);
        return found;
    }

    @Test
    void aVietnameseTextAlternativeHoldsNoEnglishWord() {
        System.setProperty("lstmlab.lang", "vi");
        double[] half = GradientNormChartTest.powers(0.5, 61);
        Map<String, double[]> temps = new LinkedHashMap<>();
        temps.put("maximum", new double[] {10, 14, 12});
        List<Object> figures = List.of(
                ActivationChart.chart(),
                GradientNormChart.chart(
                        List.of(Curve.indexed("‖W_hh‖₂ = 0.5", half)),
                        List.of(Curve.indexed("bound 0.5^(T−t)", GradientNormChartTest.powers(0.5, 61)))),
                GradientNormChart.chart(
                        List.of(Curve.indexed("‖W_hh‖₂ = 1.1", GradientNormChartTest.powers(1.1, 11))),
                        List.of(Curve.indexed("bound 1^(T−t)", GradientNormChartTest.powers(1.0, 11)))),
                GradientNormChart.paths(
                        "b_f = 1: RNN and every LSTM path",
                        "norm (log scale)",
                        List.of(Curve.indexed("LSTM cell path ‖Π diag(f_s)‖₂, b_f = 1", half)),
                        List.of("LSTM cell path ‖Π diag(f_s)‖₂, b_f = 1")),
                GateHeatmapChart.chart(Gate.FORGET, new double[][] {{0.5, 0.2}, {0.9, 0.6}}),
                GateHeatmapChart.chart(Gate.CANDIDATE, new double[][] {{-0.5, 0.5}}),
                DailySeriesChart.chart(
                        "Seattle daily temperatures, 2012-01-01 to 2012-01-03",
                        "°C",
                        List.of(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 2), LocalDate.of(2012, 1, 3)),
                        temps),
                new XYChart(100, 100),
                LstmDiagram.forgetGate().image(),
                LstmDiagram.inputGateAndCandidate().image(),
                LstmDiagram.cellState().image(),
                LstmDiagram.outputGate().image(),
                LstmDiagram.wholeCellAndBackwardPass().image(),
                RnnDiagram.unrolled().image(),
                GruDiagram.wholeCell().image());
        List<String> wrong = new ArrayList<>();
        for (Object figure : figures) {
            String alt = AltText.of(figure);
            if (!english(alt).isEmpty()) wrong.add(english(alt) + " in: " + alt);
        }
        assertEquals(List.of(), wrong);
        assertEquals(
                "Hai hàm phi tuyến của khóa học: giá trị kích hoạt theo tiền kích hoạt z, từ -6 đến 6. σ(z) (nét liền,"
                        + " điểm đánh dấu hình tròn) tăng từ 0.00247 đến 0.998, bằng 0.5 tại z = 0 và luôn nằm giữa 0 và"
                        + " 1; tanh(z) (nét liền, điểm đánh dấu hình vuông) tăng từ -1 đến 1, đi qua 0 tại z = 0, nằm"
                        + " giữa −1 và 1, và tại đó dốc gấp bốn lần σ.",
                AltText.of(ActivationChart.chart()));
        System.clearProperty("lstmlab.lang");
        assertEquals(
                List.of("step", "against", "curve", "dotted"),
                english("loss: MSE against step. 1 curve: train (dotted)"));
    }

    @Test
    void theActivationChartSaysWhatEachCurveDoesWithItsEndValues() {
        String alt = AltText.of(ActivationChart.chart());
        assertEquals(
                "The course's two non-linearities: activation against pre-activation z from -6 to 6. σ(z) (solid, circle"
                        + " markers) rises from 0.00247 to 0.998 and is 0.5 at z = 0, always between 0 and 1; tanh(z)"
                        + " (solid, square markers) rises from -1 to 1 through 0 at z = 0, between −1 and 1, four times"
                        + " as steep as σ there.",
                alt);
    }

    @Test
    void theGradientNormChartNamesItsLogScaleItsBoundsAndWhereACurveVanishes() {
        double[] half = GradientNormChartTest.powers(0.5, 61); // 0.5^lag
        double[] bound = GradientNormChartTest.powers(0.5, 61);
        double[] ninety = GradientNormChartTest.powers(0.9, 61);
        XYChart chart = GradientNormChart.chart(
                List.of(Curve.indexed("‖W_hh‖₂ = 0.5", half), Curve.indexed("‖W_hh‖₂ = 0.9", ninety)),
                List.of(Curve.indexed("bound 0.5^(T−t)", bound)));
        String alt = AltText.of(chart);
        assertTrue(
                alt.startsWith("Gradient norm against lag: ‖∂h_T/∂h_t‖₂ (log scale) against lag T − t. 3 curves: "),
                alt);
        assertTrue(alt.contains("‖W_hh‖₂ = 0.5 (solid, circle markers) from 1 at 0 to 8.67e-19 at 60;"), alt);
        assertTrue(
                alt.contains("bound 0.5^(T−t) (dashed) from 1 at 0 to 8.67e-19 at 60."), alt); // a bound has no markers
        assertTrue(alt.contains("Every measured curve stays under its dashed bound."), alt);
        // 0.5^34 = 5.8e-11 is the first below 1e-10; 0.9^60 = 1.8e-3 never gets there
        assertTrue(alt.endsWith(" ‖W_hh‖₂ = 0.5 falls below 1e-10 by lag 34."), alt);
    }

    @Test
    void aMeasuredCurveAboveItsBoundIsNamed() {
        double[] grows = GradientNormChartTest.powers(1.1, 11);
        XYChart chart = GradientNormChart.chart(
                List.of(Curve.indexed("‖W_hh‖₂ = 1.1", grows)),
                List.of(Curve.indexed("bound", GradientNormChartTest.powers(1.0, 11))));
        String alt = AltText.of(chart);
        assertTrue(alt.contains("Above its dashed bound: ‖W_hh‖₂ = 1.1. No curve falls below 1e-10."), alt);
    }

    @Test
    void aHeatmapSaysItsSizeScaleMeanAndWhereItsExtremesAre() {
        double[][] f = {{0.5, 0.2}, {0.9, 0.6}, {0.4, 0.4}}; // [T = 3][H = 2]
        HeatMapChart chart = GateHeatmapChart.chart(Gate.FORGET, f);
        assertEquals(
                chart.getTitle() + ": a heatmap of H = 2 hidden units (rows) over T = 3 time steps (columns), coloured"
                        + " from light (0) to dark blue (1). Mean f_t = 0.5; smallest 0.2 (unit 1, t = 1), largest 0.9"
                        + " (unit 0, t = 2).",
                AltText.of(chart));
        String tanh = AltText.of(GateHeatmapChart.chart(Gate.CANDIDATE, new double[][] {{-0.5, 0.5}}));
        assertTrue(tanh.contains("coloured from dark purple (−1) through green to yellow (1)"), tanh);
    }

    @Test
    void aDatedChartGivesItsCurvesStartAndEndDates() {
        Map<String, double[]> temps = new LinkedHashMap<>();
        temps.put("maximum", new double[] {10, 14, 12});
        XYChart chart = DailySeriesChart.chart(
                "Seattle",
                "°C",
                List.of(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 2), LocalDate.of(2012, 1, 3)),
                temps);
        assertEquals(
                "Seattle: °C against date. 1 curve: maximum (solid, circle markers) from 10 at 2012-01-01 to 12 at"
                        + " 2012-01-03, highest 14.",
                AltText.of(chart));
    }

    @Test
    void anyOtherLineChartIsDescribedFromItsTitleAxesAndCurves() {
        XYChart chart = new XYChart(300, 200);
        chart.setTitle("loss");
        chart.setXAxisTitle("step");
        chart.setYAxisTitle("MSE");
        XYSeries s = chart.addSeries("train", new double[] {0, 1, 2}, new double[] {3, 1, 0.5});
        s.setLineStyle(Figures.DOTTED);
        assertEquals("loss: MSE against step. 1 curve: train (dotted) from 3 at 0 to 0.5 at 2.", AltText.of(chart));
    }

    @Test
    void aDiagramsImageCarriesTheTextOfItsBoxesSignalsAndHighlightedPart() {
        Diagram d = LstmDiagram.forgetGate();
        String alt = AltText.of(d.image());
        assertEquals(d.altText(), alt);
        assertTrue(
                alt.startsWith(
                        "Diagram: The forget gate f_t decides what the cell state keeps. Boxes: σ, σ, tanh, σ, ×,"),
                alt);
        assertTrue(alt.contains("Signals: C_(t−1), C_t, h_(t−1), x_t, h_t, f_t, i_t, C̃_t, o_t, [h_(t−1), x_t]."), alt);
        assertTrue(alt.contains(" Highlighted: "), alt);
        assertTrue(alt.contains("f_t"), alt);
        String whole = LstmDiagram.wholeCellAndBackwardPass().altText();
        assertTrue(whole.contains("The whole cell is highlighted."), whole);
        assertTrue(whole.contains("Dashed, the backward pass: ∂L/∂C_(t−1) = ∂L/∂C_t * f_t;"), whole);
    }

    @Test
    void anImageNoFigureDrewHasNoTextAndNumbersReadShort() {
        assertNull(AltText.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)));
        assertNull(AltText.of(null));
        assertEquals("0.5", AltText.number(0.5));
        assertEquals("1.23e-10", AltText.number(1.2345e-10));
        assertEquals("1.00e6", AltText.number(1e6));
        assertEquals("-3", AltText.number(-3));
    }

    @Test
    void curvesDifferByMarkerShapeNotOnlyByColourUnlessTooLongToMark() {
        XYChart chart = GradientNormChart.paths(
                "paths",
                "norm",
                List.of(Curve.indexed("a", new double[] {1, 0.5}), Curve.indexed("b", new double[] {1, 0.7})),
                List.of());
        assertEquals(Figures.MARKERS[0], chart.getSeriesMap().get("a").getMarker());
        assertEquals(Figures.MARKERS[1], chart.getSeriesMap().get("b").getMarker());
        XYChart longOne = GradientNormChart.paths(
                "paths", "norm", List.of(Curve.indexed("a", GradientNormChartTest.powers(0.99, 200))), List.of());
        assertEquals(
                org.knowm.xchart.style.markers.SeriesMarkers.NONE,
                longOne.getSeriesMap().get("a").getMarker());
    }
}
