package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SgdTest {
    @Test
    void oneStepSubtractsTheLearningRateTimesTheGradient() {
        double[] theta = {1.0, -2.0, 0.5};
        double[] g = {0.3, -0.1, 4.0};
        Map<String, INDArray> params = Map.of("W", Nd4j.create(theta.clone(), new long[] {3}, DataType.DOUBLE));
        new Sgd(0.1).step(params, Map.of("W", Nd4j.create(g, new long[] {3}, DataType.DOUBLE)));
        double[] expected = new double[3];
        for (int k = 0; k < 3; k++) expected[k] = theta[k] - 0.1 * g[k];
        assertArrayEquals(expected, params.get("W").toDoubleVector(), 1e-15);
    }

    @Test
    void rejectsALearningRateThatIsNotPositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Sgd(-0.1));
        assertTrue(
                e.getMessage().contains("learning rate α must be a positive finite number but is -0.1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
    }

    @Test
    void rejectsGradientsWhoseKeysOrShapesDifferFromTheParameters() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put("W_h", Nd4j.zeros(DataType.DOUBLE, 2, 3));
        var missing = assertThrows(
                IllegalArgumentException.class,
                () -> new Sgd(0.1).step(params, Map.of("b_h", Nd4j.zeros(DataType.DOUBLE, 2))));
        assertTrue(
                missing.getMessage().contains("[W_h]") && missing.getMessage().contains("[b_h]"), missing.getMessage());
        var shape = assertThrows(
                IllegalArgumentException.class,
                () -> new Sgd(0.1).step(params, Map.of("W_h", Nd4j.zeros(DataType.DOUBLE, 3, 2))));
        assertTrue(shape.getMessage().startsWith("∂L/∂W_h must be [2, 3]"), shape.getMessage());
    }
}
