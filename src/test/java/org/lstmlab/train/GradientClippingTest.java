package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientClippingTest {
    /** Gradients whose global norm is √(3² + 4² + 12²) = 13. */
    private static Map<String, INDArray> gradients() {
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("W_h", Nd4j.create(new double[] {3, 0, 0, 4}, new long[] {2, 2}, DataType.DOUBLE));
        g.put("b_h", Nd4j.create(new double[] {0, -12}, new long[] {2}, DataType.DOUBLE));
        return g;
    }

    private static double norm(double[]... parts) {
        double s = 0;
        for (double[] p : parts) for (double v : p) s += v * v;
        return Math.sqrt(s);
    }

    @Test
    void globalNormIsTheNormOfAllGradientsTogether() {
        var g = gradients();
        assertEquals(
                norm(g.get("W_h").ravel().toDoubleVector(), g.get("b_h").toDoubleVector()),
                GradientClipping.globalNorm(g),
                1e-12);
    }

    @Test
    void clippingReturnsTheNormBeforeAndScalesTheGradientsDownToTheThreshold() {
        var g = gradients();
        double before = GradientClipping.globalNorm(g);
        double[] w = g.get("W_h").ravel().toDoubleVector();
        double returned = GradientClipping.clipByGlobalNorm(g, 1.3);
        assertEquals(before, returned, 1e-12);
        assertEquals(1.3, GradientClipping.globalNorm(g), 1e-12);
        double[] expected = new double[w.length];
        for (int k = 0; k < w.length; k++) expected[k] = w[k] * 1.3 / before; // same direction
        assertArrayEquals(expected, g.get("W_h").ravel().toDoubleVector(), 1e-12);
    }

    @Test
    void gradientsBelowTheThresholdAreLeftAlone() {
        var g = gradients();
        double[] w = g.get("W_h").ravel().toDoubleVector();
        double before = GradientClipping.clipByGlobalNorm(g, 100);
        assertEquals(GradientClipping.globalNorm(g), before, 1e-12);
        assertArrayEquals(w, g.get("W_h").ravel().toDoubleVector(), 0);
    }

    @Test
    void rejectsAThresholdThatIsNotPositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(gradients(), 0));
        assertEquals("the clipping threshold must be a positive finite number but is 0.0", e.getMessage());
    }

    @Test
    void theFactorIsTheThresholdOverTheNormAboveItAndOneOtherwise() {
        assertEquals(0.25, GradientClipping.factor(20, 5), 0.0);
        assertEquals(1.0, GradientClipping.factor(5, 5), 0.0);
        assertEquals(1.0, GradientClipping.factor(0.1, 5), 0.0);
        assertEquals(1.0, GradientClipping.factor(Double.NaN, 5), 0.0, "NaN is left for the caller to see");
        assertEquals(1.0, GradientClipping.factor(Double.POSITIVE_INFINITY, 5), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.factor(1, 0));
    }
}
