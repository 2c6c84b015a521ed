package org.lstmlab.nn;

import static org.lstmlab.nn.TestArrays.normal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.grad.GradientCheck;
import org.lstmlab.grad.GradientCheckReport;
import org.nd4j.linalg.api.buffer.DataType;

/** GRU backpropagation against central differences in float64: relative error below 1e-7 for every array (the LSTM's bound). */
class GruCellGradientTest {
    @Test
    void stepBackwardMatchesCentralDifferencesForEveryWeightBiasInputAndState() {
        var cell = new GruCell(GruParams.init(2, 3, 21));
        GradientCheckReport report =
                GradientCheck.step(cell, normal(1, 3, 2), normal(2, 3, 3).muli(0.5));
        LstmCellGradientTest.assertPasses(
                report, List.of("W_z", "b_z", "W_r", "b_r", "W_n", "b_n", "b_hn", "x_t", "h_{t-1}"));
    }

    @Test
    void sequenceBackwardMatchesCentralDifferencesForEveryWeightBiasInputAndH0() {
        var cell = new GruCell(GruParams.init(2, 3, Init.XAVIER, 22, DataType.DOUBLE));
        GradientCheckReport report =
                GradientCheck.sequence(cell, normal(4, 2, 4, 2), normal(5, 2, 3).muli(0.5));
        LstmCellGradientTest.assertPasses(
                report, List.of("W_z", "b_z", "W_r", "b_r", "W_n", "b_n", "b_hn", "x", "h_0"));
    }
}
