package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class GateTraceChartTest {

    @Test
    void theThreeGatesAreLinesAndTheMarkedStepsVerticalLines() {
        int steps = 50;
        double[] i = new double[steps], f = new double[steps], o = new double[steps];
        for (int t = 0; t < steps; t++) {
            i[t] = t == 11 || t == 36 ? 0.9 : 0.02;
            f[t] = 0.99;
            o[t] = 0.95;
        }
        XYChart chart = GateTraceChart.chart("Unit 4", i, f, o, 12, 37);
        assertEquals(
                List.of("input gate i_t", "forget gate f_t", "output gate o_t", "marked t = 12", "marked t = 37"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(i, chart.getSeriesMap().get("input gate i_t").getYData());
        assertEquals(1.0, chart.getSeriesMap().get("input gate i_t").getXData()[0]);
        assertArrayEquals(
                new double[] {12, 12}, chart.getSeriesMap().get("marked t = 12").getXData());
        assertArrayEquals(
                new double[] {0, 1}, chart.getSeriesMap().get("marked t = 12").getYData());
        List<Integer> t = RenderedChart.assertEvenIntegerTicks(RenderedChart.xLabels(chart), "time step");
        assertTrue(t.get(t.size() - 1) >= 45, t.toString());
        List<String> y = RenderedChart.yLabels(chart);
        assertEquals("0", y.get(0), y.toString());
        assertEquals("1", y.get(y.size() - 1), y.toString());
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "gate-trace")));
    }

    @Test
    void valuesOutsideAGatesRangeAndMarksOutsideTheSequenceAreRefused() {
        double[] ok = {0.1, 0.2, 0.3};
        IllegalArgumentException c = assertThrows(
                IllegalArgumentException.class, () -> GateTraceChart.chart("t", ok, new double[] {0.1, 1.7, 0.2}, ok));
        assertEquals(
                "f_t at t = 2 is 1.7 but a gate lies in [0, 1]: was a pre-activation or C_t passed?", c.getMessage());
        IllegalArgumentException m =
                assertThrows(IllegalArgumentException.class, () -> GateTraceChart.chart("t", ok, ok, ok, 4));
        assertEquals("a marked step must be in [1, T = 3] but is 4", m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GateTraceChart.chart("t", ok, ok, new double[2]));
    }
}
