package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class StateTraceChartTest {

    static double[][] states(int steps, int units, double scale) {
        double[][] s = new double[steps][units];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < units; j++) s[t][j] = scale * Math.sin(0.2 * t + j);
        }
        return s;
    }

    @Test
    void cellAndHiddenStatesOfTheChosenUnitsAreTracedOverTime() {
        double[][] c = states(40, 5, 2.5);
        double[][] h = states(40, 5, 0.7);
        XYChart chart = StateTraceChart.chart(c, h, 0, 3);
        assertEquals(StateTraceChart.TITLE, chart.getTitle());
        assertEquals("time step t", chart.getXAxisTitle());
        assertEquals(
                List.of("C_t unit 0", "C_t unit 3", "h_t unit 0", "h_t unit 3"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries c3 = chart.getSeriesMap().get("C_t unit 3");
        assertEquals(1.0, c3.getXData()[0]);
        assertEquals(40.0, c3.getXData()[39]);
        for (int t = 0; t < 40; t++) {
            assertEquals(c[t][3], c3.getYData()[t]);
            assertEquals(h[t][3], chart.getSeriesMap().get("h_t unit 3").getYData()[t]);
        }
        assertEquals(c3.getLineColor(), chart.getSeriesMap().get("h_t unit 3").getLineColor());
        assertTrue(chart.getSeriesMap().get("h_t unit 0").getLineStyle().getDashArray() != null, "h_t is dashed");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "state-traces")));
    }

    @Test
    void oneKindOfStateCanBeTracedAlone() {
        double[][] h = states(10, 2, 0.9);
        XYChart chart = StateTraceChart.chart("h_t", h, 1);
        assertEquals(List.of("h_t unit 1"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("h_t over time", chart.getTitle());
        RenderedChart.renderAndDecode(chart, "state-trace-rnn");
    }

    @Test
    void aLstmRunIsTracedFromItsStackedStates() {
        LstmParams p = LstmParams.init(2, 3, 11);
        LstmSequence seq = new LstmCell(p)
                .forwardSequence(
                        Nd4j.rand(DataType.DOUBLE, 2, 8, 2),
                        Nd4j.zeros(DataType.DOUBLE, 2, 3),
                        Nd4j.zeros(DataType.DOUBLE, 2, 3));
        XYChart chart = StateTraceChart.chart(seq, 1, 2);
        double[] c = chart.getSeriesMap().get("C_t unit 2").getYData();
        double[] h = chart.getSeriesMap().get("h_t unit 2").getYData();
        for (int t = 0; t < 8; t++) {
            assertEquals(seq.steps().get(t).c().getDouble(1, 2), c[t]);
            assertEquals(seq.steps().get(t).h().getDouble(1, 2), h[t]);
        }
    }

    @Test
    void badUnitsAndShapesAreRefused() {
        double[][] c = states(5, 3, 1);
        IllegalArgumentException unit =
                assertThrows(IllegalArgumentException.class, () -> StateTraceChart.chart(c, c, 3));
        assertEquals("unit j must be in [0, H = 3) but is 3", unit.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> StateTraceChart.chart(c, c));
        assertTrue(none.getMessage().contains("at least one hidden unit"), none.getMessage());
        IllegalArgumentException lengths =
                assertThrows(IllegalArgumentException.class, () -> StateTraceChart.chart(c, states(4, 3, 1), 0));
        assertEquals("h_t must be [T][H] with T = 5 like C_t but has T = 4", lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StateTraceChart.chart("h_t", new double[0][], 0));
    }
}
