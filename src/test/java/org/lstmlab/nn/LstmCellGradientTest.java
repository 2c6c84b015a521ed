package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.grad.GradientCheck;
import org.lstmlab.grad.GradientCheckReport;
import org.nd4j.linalg.api.buffer.DataType;

/** LSTM backpropagation against central differences in float64: relative error below 1e-7 for every array. */
class LstmCellGradientTest {
    static final double BOUND = 1e-7;

    /** Every row named, in order, and each below {@link #BOUND}; shared with {@code GruCellGradientTest}. */
    static void assertPasses(GradientCheckReport report, List<String> names) {
        assertEquals(
                names, report.rows().stream().map(GradientCheckReport.Row::name).toList());
        for (GradientCheckReport.Row r : report.rows()) {
            assertTrue(
                    r.maxRelativeError() < BOUND,
                    r.name() + " has relative error " + r.maxRelativeError() + "\n" + report);
        }
    }

    @Test
    void stepBackwardMatchesCentralDifferencesForEveryWeightBiasInputAndState() {
        var cell = new LstmCell(LstmParams.init(2, 3, 11));
        GradientCheckReport report =
                GradientCheck.step(cell, normal(1, 3, 2), normal(2, 3, 3).muli(0.5), normal(3, 3, 3));
        assertPasses(
                report, List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "x_t", "h_{t-1}", "C_{t-1}"));
    }

    @Test
    void sequenceBackwardMatchesCentralDifferencesForEveryWeightBiasInputH0AndC0() {
        var cell = new LstmCell(LstmParams.init(2, 3, 12));
        GradientCheckReport report =
                GradientCheck.sequence(cell, normal(4, 2, 4, 2), normal(5, 2, 3).muli(0.5), normal(6, 2, 3));
        assertPasses(report, List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "x", "h_0", "C_0"));
    }

    @Test
    void sequenceBackwardMatchesCentralDifferencesWithXavierWeightsAndAForgetBias() {
        var cell = new LstmCell(LstmParams.init(2, 2, Init.XAVIER, 1.0, 13, DataType.DOUBLE));
        GradientCheckReport report =
                GradientCheck.sequence(cell, normal(7, 1, 3, 2), normal(8, 1, 2), normal(9, 1, 2), normal(10, 1, 3, 2));
        assertPasses(report, List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "x", "h_0", "C_0"));
    }
}
