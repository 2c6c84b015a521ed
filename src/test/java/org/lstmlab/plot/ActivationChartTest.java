package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ActivationChartTest {

    @Test
    void sigmoidAndTanhAreDrawnFromMinusSixToSix() {
        XYChart chart = ActivationChart.chart();
        assertEquals(
                List.of("σ(z)", "tanh(z)"), List.copyOf(chart.getSeriesMap().keySet()));
        double[] z = chart.getSeriesMap().get("σ(z)").getXData();
        assertEquals(121, z.length);
        assertEquals(-6, z[0], 0);
        assertEquals(6, z[120], 1e-12);
        assertEquals(0.1, z[61] - z[60], 1e-12);
        double[] sigma = chart.getSeriesMap().get("σ(z)").getYData();
        double[] tanh = chart.getSeriesMap().get("tanh(z)").getYData();
        assertEquals(0.5, sigma[60], 1e-15, "σ(0) = 1/2");
        assertEquals(0, tanh[60], 1e-15, "tanh(0) = 0");
        for (int k = 0; k < z.length; k++) {
            assertTrue(sigma[k] > 0 && sigma[k] < 1, "σ lies in (0, 1)");
            assertTrue(tanh[k] > -1 && tanh[k] < 1, "tanh lies in (−1, 1)");
            assertEquals(2 * (1 / (1 + Math.exp(-2 * z[k]))) - 1, tanh[k], 1e-15, "tanh(z) = 2σ(2z) − 1");
        }
        assertEquals("pre-activation z", chart.getXAxisTitle());
        RenderedChart.renderAndDecode(chart, "activations");
    }

    @Test
    void aRangeThatRunsBackwardsOrHasOnePointIsRefused() {
        IllegalArgumentException backwards =
                assertThrows(IllegalArgumentException.class, () -> ActivationChart.chart(1, -1, 10));
        assertEquals("the range must run from low to high but is 1.0 to -1.0", backwards.getMessage());
        IllegalArgumentException one =
                assertThrows(IllegalArgumentException.class, () -> ActivationChart.chart(-1, 1, 1));
        assertEquals("points must be ≥ 2 but is 1", one.getMessage());
    }
}
