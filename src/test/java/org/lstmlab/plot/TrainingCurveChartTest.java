package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class TrainingCurveChartTest {

    static double[] decaying(double start, double rate, int n) {
        double[] y = new double[n];
        for (int k = 0; k < n; k++) y[k] = start * Math.exp(-rate * k) + 1e-3;
        return y;
    }

    @Test
    void runsAreDrawnWithTrainSolidAndValidationDashedOnALogAxis() {
        double[] steps = new double[200];
        for (int k = 0; k < 200; k++) steps[k] = k + 1;
        double[] valSteps = {50, 100, 150, 200};
        TrainingRun rnn = TrainingRun.of(
                "RNN", steps, decaying(0.2, 0.001, 200), valSteps, new double[] {0.19, 0.18, 0.17, 0.17});
        TrainingRun lstm = TrainingRun.of(
                "LSTM", steps, decaying(0.2, 0.03, 200), valSteps, new double[] {0.05, 0.01, 0.004, 0.003});
        XYChart chart = TrainingCurveChart.chart(List.of(rnn, lstm));
        assertEquals(TrainingCurveChart.TITLE, chart.getTitle());
        assertEquals("training step", chart.getXAxisTitle());
        assertEquals(TrainingCurveChart.Y_LABEL, chart.getYAxisTitle());
        assertEquals(
                List.of("RNN train", "RNN validation", "LSTM train", "LSTM validation"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(valSteps, chart.getSeriesMap().get("LSTM validation").getXData());
        assertArrayEquals(
                GradientNormChartTest.log10(new double[] {0.05, 0.01, 0.004, 0.003}),
                chart.getSeriesMap().get("LSTM validation").getYData(),
                1e-12);
        assertArrayEquals(
                GradientNormChartTest.log10(lstm.train().y()),
                chart.getSeriesMap().get("LSTM train").getYData(),
                1e-12);
        assertTrue(chart.getSeriesMap().get("RNN validation").getLineStyle().getDashArray() != null);
        assertEquals(
                chart.getSeriesMap().get("RNN train").getLineColor(),
                chart.getSeriesMap().get("RNN validation").getLineColor());
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "training-curves")));
    }

    @Test
    void theBaselineIsADottedBlackLineAcrossEveryStep() {
        double[] loss = decaying(1.0, 0.01, 400);
        XYChart chart = TrainingCurveChart.chart(
                "Adding problem",
                "MSE (log scale)",
                List.of(TrainingRun.of("RNN", decaying(1.0, 0.03, 400)), TrainingRun.of("LSTM", loss)),
                new TrainingCurveChart.Baseline("constant prediction (MSE 0.167)", 1.0 / 6));
        XYSeries line = chart.getSeriesMap().get("constant prediction (MSE 0.167)");
        assertArrayEquals(new double[] {1, 400}, line.getXData());
        assertArrayEquals(new double[] {Math.log10(1.0 / 6), Math.log10(1.0 / 6)}, line.getYData(), 1e-12);
        assertEquals(java.awt.Color.BLACK, line.getLineColor());
        assertTrue(line.getLineStyle().getDashArray() != null, "the baseline is dotted");
        assertEquals(
                org.knowm.xchart.style.Styler.LegendPosition.OutsideS,
                chart.getStyler().getLegendPosition(),
                "the legend sits below the plot so that long names leave the plot its width");
        assertEquals(
                List.of("RNN train", "LSTM train", "constant prediction (MSE 0.167)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        RenderedChart.renderAndDecode(chart, "training-curves-baseline");
    }

    @Test
    void stepsAreRoundIntegersWithoutSeparatorsAndALossInsideOneDecadeHasTwoLabels() {
        double[] loss = new double[2000];
        for (int k = 0; k < loss.length; k++) loss[k] = 0.2 + 0.7 * Math.exp(-k / 300.0); // 0.2 … 0.9
        XYChart chart = TrainingCurveChart.chart(List.of(TrainingRun.of("LSTM", loss)));
        List<Integer> steps = RenderedChart.assertEvenIntegerTicks(RenderedChart.xLabels(chart), "training step");
        assertTrue(steps.contains(1000) && steps.size() <= 12, steps.toString());
        assertEquals(List.of(-1, 0), LogAxisTest.drawnDecades(chart, "a loss from 0.2 to 0.9"));
        RenderedChart.renderAndDecode(chart, "training-curve-one-decade");
    }

    @Test
    void aBaselineMustBeAPositiveLoss() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new TrainingCurveChart.Baseline("mean", 0));
        assertEquals("baseline \"mean\" must be a loss > 0 to be drawn on a log axis but is 0.0", e.getMessage());
    }

    @Test
    void aRunWithoutValidationHasOneCurveAtStepsFromOne() {
        XYChart chart = TrainingCurveChart.chart(List.of(TrainingRun.of("LSTM T=20", new double[] {0.3, 0.2, 0.1})));
        assertEquals(
                List.of("LSTM T=20 train"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(
                new double[] {1, 2, 3},
                chart.getSeriesMap().get("LSTM T=20 train").getXData());
        RenderedChart.renderAndDecode(chart, "training-curve-single");
    }

    @Test
    void aLossOfZeroIsLeftOutAndCounted() {
        XYChart chart = TrainingCurveChart.chart(List.of(TrainingRun.of("LSTM", new double[] {0.3, 0.0, 0.1})));
        assertTrue(
                chart.getSeriesMap().containsKey("LSTM train (1 value ≤ 0 not shown)"),
                chart.getSeriesMap().keySet().toString());
        RenderedChart.renderAndDecode(chart, "training-curve-zero");
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainingCurveChart.chart(List.of()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingRun.of("RNN", new double[] {1, 2}, new double[] {0.3, 0.2, 0.1}, null, null));
        assertEquals("curve \"RNN train\" needs as many x as y values but has x [2] and y [3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingRun.of("RNN", new double[0]));
    }
}
