package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest {
    private static INDArray vector(double... v) {
        return Nd4j.create(v.clone(), new long[] {v.length}, DataType.DOUBLE);
    }

    @Test
    void defaultsAreThoseOfKingmaAndBa() {
        assertEquals(0.001, new Adam().learningRate());
        assertEquals(0.9, Adam.DEFAULT_BETA1);
        assertEquals(0.999, Adam.DEFAULT_BETA2);
        assertEquals(1e-8, Adam.DEFAULT_EPSILON);
    }

    @Test
    void firstStepMovesEveryWeightByAlphaAgainstTheSignOfItsGradient() {
        // after bias correction m̂_1 = g and v̂_1 = g², so the first step is α·g/(|g| + ε) ≈ α·sign(g)
        double[] g = {3.0, -0.02, 1e-3, -250.0};
        Map<String, INDArray> params = Map.of("W", vector(0, 0, 0, 0));
        new Adam(0.05).step(params, Map.of("W", vector(g)));
        double[] moved = params.get("W").toDoubleVector();
        for (int k = 0; k < g.length; k++) assertEquals(-0.05 * Math.signum(g[k]), moved[k], 1e-6);
    }

    @Test
    void agreesWithTheAlgorithmWrittenOutInScalarArithmetic() {
        double alpha = 0.01, b1 = 0.8, b2 = 0.95, eps = 1e-6;
        var adam = new Adam(alpha, b1, b2, eps);
        SplittableRandom random = new SplittableRandom(5);
        double[] theta = {0.2, -0.7, 1.5};
        double[] m = new double[3];
        double[] v = new double[3];
        Map<String, INDArray> params = Map.of("b", vector(theta));
        for (int t = 1; t <= 5; t++) {
            double[] g = {random.nextDouble() - 0.5, 2 * random.nextDouble(), -random.nextDouble()};
            adam.step(params, Map.of("b", vector(g)));
            for (int k = 0; k < 3; k++) {
                m[k] = b1 * m[k] + (1 - b1) * g[k];
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
                double mHat = m[k] / (1 - Math.pow(b1, t));
                double vHat = v[k] / (1 - Math.pow(b2, t));
                theta[k] -= alpha * mHat / (Math.sqrt(vHat) + eps);
            }
            assertArrayEquals(theta, params.get("b").toDoubleVector(), 1e-14, "after step " + t);
        }
        assertEquals(5, adam.steps());
    }

    @Test
    void minimisesAQuadraticBowl() {
        // L(θ) = Σ (θ − c)², ∂L/∂θ = 2(θ − c)
        INDArray c = vector(1.0, -3.0, 0.5);
        Map<String, INDArray> params = Map.of("θ", vector(0, 0, 0));
        var adam = new Adam(0.05);
        for (int t = 0; t < 2000; t++)
            adam.step(params, Map.of("θ", params.get("θ").sub(c).muli(2)));
        assertArrayEquals(c.toDoubleVector(), params.get("θ").toDoubleVector(), 1e-3);
    }

    @Test
    void rejectsDecayRatesOutsideTheUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 1.0, 0.999, 1e-8));
        assertEquals("β1 must be in [0, 1) but is 1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 0.9, 0.999, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(-1))
                .getMessage()
                .contains("-1.0"));
    }

    @Test
    void aScaledStepIsTheStepOnClippedGradientsAndLeavesTheGradientsAlone() {
        SplittableRandom random = new SplittableRandom(8);
        var scaled = new Adam(0.01);
        var clipped = new Adam(0.01);
        Map<String, INDArray> a = Map.of("W", vector(0.3, -0.1, 0.7), "b", vector(0.05));
        Map<String, INDArray> b = Map.of("W", vector(0.3, -0.1, 0.7), "b", vector(0.05));
        for (int t = 0; t < 4; t++) {
            double[] gw = {random.nextDouble() * 4 - 2, random.nextDouble(), -3 * random.nextDouble()};
            double[] gb = {random.nextDouble() - 0.5};
            Map<String, INDArray> g = Map.of("W", vector(gw), "b", vector(gb));
            double factor = GradientClipping.factor(GradientClipping.globalNorm(g), 1.0);
            scaled.step(a, g, factor);
            assertArrayEquals(gw, g.get("W").toDoubleVector(), 0.0, "the gradients are not changed");
            Map<String, INDArray> h = Map.of("W", vector(gw), "b", vector(gb));
            GradientClipping.clipByGlobalNorm(h, 1.0);
            clipped.step(b, h);
            assertArrayEquals(b.get("W").toDoubleVector(), a.get("W").toDoubleVector(), 0.0, "W after step " + t);
            assertArrayEquals(b.get("b").toDoubleVector(), a.get("b").toDoubleVector(), 0.0, "b after step " + t);
        }
        var e = assertThrows(
                IllegalArgumentException.class, () -> scaled.step(a, Map.of("W", vector(1, 1, 1), "b", vector(1)), 0));
        assertEquals("the gradients' scale must be positive and finite but is 0.0", e.getMessage());
    }
}
