package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.grad.GradientCheck;
import org.lstmlab.grad.GradientCheckReport;
import org.nd4j.linalg.api.buffer.DataType;

/** RNN backpropagation against central differences in float64: relative error below 1e-7 for every array. */
class RnnCellGradientTest {
    static final double BOUND = 1e-7;

    private static void assertPasses(GradientCheckReport report, List<String> names) {
        assertEquals(
                names, report.rows().stream().map(GradientCheckReport.Row::name).toList());
        for (GradientCheckReport.Row r : report.rows()) {
            assertTrue(
                    r.maxRelativeError() < BOUND,
                    r.name() + " has relative error " + r.maxRelativeError() + "\n" + report);
        }
    }

    @Test
    void stepBackwardMatchesCentralDifferencesForWeightBiasInputAndPreviousState() {
        var cell = new RnnCell(RnnParams.init(2, 4, 21));
        assertPasses(
                GradientCheck.step(cell, normal(21, 3, 2), normal(22, 3, 4).muli(0.5)),
                List.of("W_h", "b_h", "x_t", "h_{t-1}"));
    }

    @Test
    void sequenceBackwardMatchesCentralDifferencesForWeightBiasInputsAndH0() {
        var cell = new RnnCell(RnnParams.init(2, 3, 22));
        assertPasses(
                GradientCheck.sequence(
                        cell, normal(23, 2, 5, 2), normal(24, 2, 3).muli(0.5)),
                List.of("W_h", "b_h", "x", "h_0"));
    }

    @Test
    void sequenceBackwardMatchesCentralDifferencesWithXavierWeightsAndGivenLossWeights() {
        var cell = new RnnCell(RnnParams.init(2, 3, Init.XAVIER, 23, DataType.DOUBLE));
        assertPasses(
                GradientCheck.sequence(cell, normal(25, 2, 4, 2), normal(26, 2, 3), normal(27, 2, 4, 3)),
                List.of("W_h", "b_h", "x", "h_0"));
    }
}
