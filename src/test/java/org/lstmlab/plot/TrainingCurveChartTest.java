package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

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
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(
                List.of("RNN train", "RNN validation", "LSTM train", "LSTM validation"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(valSteps, chart.getSeriesMap().get("LSTM validation").getXData());
        assertArrayEquals(
                new double[] {0.05, 0.01, 0.004, 0.003},
                chart.getSeriesMap().get("LSTM validation").getYData());
        assertArrayEquals(
                lstm.train().y(), chart.getSeriesMap().get("LSTM train").getYData());
        assertTrue(chart.getSeriesMap().get("RNN validation").getLineStyle().getDashArray() != null);
        assertEquals(
                chart.getSeriesMap().get("RNN train").getLineColor(),
                chart.getSeriesMap().get("RNN validation").getLineColor());
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "training-curves")));
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
