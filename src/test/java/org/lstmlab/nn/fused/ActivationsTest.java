package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vectorisable σ and tanh of {@link Activations} against {@link Math}: the bounds below are the ones
 * the class promises, in ulp of the reference value. {@link Math#exp} and {@link Math#expm1} are within
 * 1 ulp of the exact result and {@link Math#tanh} within 2.5 ulp, so the distance to the exact value is at
 * most the bound plus that.
 */
class ActivationsTest {
    /** expm1 in double: within 2 ulp of Math.expm1 on [−708, 708] (measured 2.0). */
    private static final double EXPM1_ULP = 2;
    /** exp in double: within 2 ulp of Math.exp on [−708, 708]. */
    private static final double EXP_ULP = 2;
    /** σ in double: within 3 ulp of 1/(1 + Math.exp(−u)) on [−700, 700] (measured 2.0). */
    private static final double SIGMOID_ULP = 3;
    /** tanh in double: within 5 ulp of Math.tanh everywhere (measured 4.0). */
    private static final double TANH_ULP = 5;
    /** σ and tanh in float: within 4 float ulp of the double-precision reference (measured 2.4 and 3.0). */
    private static final double FLOAT_ULP = 4;

    private static final int N = 1 << 16;

    /** Arguments spread over the ranges that matter: uniform at several scales, and tiny ones. */
    private static double[] arguments(long seed, double max) {
        var rnd = new SplittableRandom(seed);
        double[] u = new double[N];
        for (int k = 0; k < N; k++) {
            double scale = switch (k % 4) {
                case 0 -> 1;
                case 1 -> 20;
                case 2 -> max;
                default -> Math.pow(10, -rnd.nextInt(1, 300)); // tiny: relative accuracy near 0
            };
            u[k] = (2 * rnd.nextDouble() - 1) * Math.min(scale, max);
        }
        return u;
    }

    private static double ulps(double expected, double actual) {
        if (expected == actual) return 0;
        return Math.abs(expected - actual) / Math.ulp(expected);
    }

    private static double floatUlps(double expected, float actual) {
        float rounded = (float) expected;
        if (rounded == actual) return 0;
        return Math.abs(expected - actual) / Math.ulp(rounded);
    }

    /** One of the kernels that map u to out: {@code Activations::expm1}, {@code Activations::exp}. */
    private interface Kernel {
        void apply(double[] u, double[] out, int n, double[] s, double[] w);
    }

    /** The largest distance, in ulp, of {@code kernel}'s values on {@code u} from {@code reference}'s. */
    private static double worstUlps(Kernel kernel, DoubleUnaryOperator reference, double[] u) {
        int n = u.length;
        double[] a = new double[n];
        kernel.apply(u, a, n, new double[n], new double[n]);
        double worst = 0;
        for (int k = 0; k < n; k++) worst = Math.max(worst, ulps(reference.applyAsDouble(u[k]), a[k]));
        return worst;
    }

    @Test
    void expm1IsWithinTwoUlpOfMathExpm1() {
        double worst = worstUlps(Activations::expm1, Math::expm1, arguments(1, Activations.MAX_ARG));
        assertTrue(worst <= EXPM1_ULP, "expm1 is " + worst + " ulp from Math.expm1");
    }

    @Test
    void expIsWithinTwoUlpOfMathExp() {
        double worst = worstUlps(Activations::exp, Math::exp, arguments(11, Activations.MAX_ARG));
        assertTrue(worst <= EXP_ULP, "exp is " + worst + " ulp from Math.exp");
        double[] edges = {0, -0.0, 1, -1, Math.log(2), -Activations.MAX_ARG, Activations.MAX_ARG};
        double atEdges = worstUlps(Activations::exp, Math::exp, edges);
        assertTrue(atEdges <= EXP_ULP, "exp is " + atEdges + " ulp from Math.exp at 0, ±1, ln 2 or ±708");
    }

    @Test
    void sigmoidIsWithinThreeUlpOfTheFormulaWithMathExp() {
        double[] u = arguments(2, 700);
        double[] bias = arguments(5, 1);
        double[] a = new double[N];
        Activations.sigmoid(u, bias, a, N, new double[N], new double[N]);
        double worst = 0;
        for (int k = 0; k < N; k++) {
            worst = Math.max(worst, ulps(1 / (1 + Math.exp(-(u[k] + bias[k]))), a[k]));
        }
        assertTrue(worst <= SIGMOID_ULP, "σ is " + worst + " ulp from 1/(1 + Math.exp(−u))");
    }

    @Test
    void tanhIsWithinFiveUlpOfMathTanhEvenNearZero() {
        double[] u = arguments(3, 1000);
        double[] zero = new double[N];
        double[] a = new double[N];
        double[] b = new double[N];
        Activations.tanh(u, a, N, new double[N], new double[N]);
        Activations.tanh(u, zero, b, N, new double[N], new double[N]);
        double worst = 0;
        for (int k = 0; k < N; k++) {
            worst = Math.max(worst, ulps(Math.tanh(u[k]), a[k]));
            assertEquals(a[k], b[k], "tanh with a zero bias is tanh");
        }
        assertTrue(worst <= TANH_ULP, "tanh is " + worst + " ulp from Math.tanh");
    }

    @Test
    void singlePrecisionIsWithinFourFloatUlpOfTheDoubleReference() {
        double[] u = arguments(4, Activations.MAX_ARG_F);
        float[] uf = new float[N];
        float[] zero = new float[N];
        for (int k = 0; k < N; k++) uf[k] = (float) u[k];
        float[] sig = new float[N];
        float[] tanh = new float[N];
        float[] tanhBiased = new float[N];
        float[] expm1 = new float[N];
        Activations.sigmoid(uf, zero, sig, N, new float[N], new float[N]);
        Activations.tanh(uf, tanh, N, new float[N], new float[N]);
        Activations.tanh(uf, zero, tanhBiased, N, new float[N], new float[N]);
        Activations.expm1(uf, expm1, N, new float[N], new float[N]);
        double worstSigmoid = 0, worstTanh = 0, worstExpm1 = 0;
        for (int k = 0; k < N; k++) {
            worstSigmoid = Math.max(worstSigmoid, floatUlps(1 / (1 + Math.exp(-uf[k])), sig[k]));
            worstTanh = Math.max(worstTanh, floatUlps(Math.tanh(uf[k]), tanh[k]));
            worstExpm1 = Math.max(worstExpm1, floatUlps(Math.expm1(uf[k]), expm1[k]));
            assertEquals(tanh[k], tanhBiased[k]);
        }
        assertTrue(worstSigmoid <= FLOAT_ULP, "float σ is " + worstSigmoid + " ulp from the double reference");
        assertTrue(worstTanh <= FLOAT_ULP, "float tanh is " + worstTanh + " ulp from the double reference");
        assertTrue(worstExpm1 <= FLOAT_ULP, "float expm1 is " + worstExpm1 + " ulp from the double reference");
    }

    @Test
    void largeArgumentsSaturateAndNaNStaysNaN() {
        double[] u = {-1e300, -800, 800, 1e300, Double.NaN};
        double[] sig = new double[5];
        Activations.sigmoid(u, new double[5], sig, 5, new double[5], new double[5]);
        assertTrue(sig[0] >= 0 && sig[0] < 1e-300 && sig[1] < 1e-300, "σ(−∞) → 0");
        assertEquals(1.0, sig[2]);
        assertEquals(1.0, sig[3]);
        assertTrue(Double.isNaN(sig[4]), "σ(NaN) is NaN, so a diverged run is seen as one");
        double[] v = {-1e300, -20, 20, 1e300, Double.NaN};
        double[] tanh = new double[5];
        Activations.tanh(v, tanh, 5, new double[5], new double[5]);
        assertEquals(-1.0, tanh[0]);
        assertEquals(-1.0, tanh[1]);
        assertEquals(1.0, tanh[2]);
        assertEquals(1.0, tanh[3]);
        assertTrue(Double.isNaN(tanh[4]));
        float[] f = {-1e30f, 1e30f, Float.NaN};
        Activations.sigmoid(f, new float[3], f, 3, new float[3], new float[3]);
        assertTrue(f[0] >= 0 && f[0] < 1e-37f);
        assertEquals(1.0f, f[1]);
        assertTrue(Float.isNaN(f[2]));
    }

    @Test
    void onlyTheFirstNNumbersAreComputedInPlace() {
        double[] a = {-1, 0, 1, 5};
        Activations.sigmoid(a, new double[4], a, 3, new double[3], new double[3]);
        assertEquals(1 / (1 + Math.exp(1)), a[0], 1e-16);
        assertEquals(0.5, a[1]);
        assertEquals(1 / (1 + Math.exp(-1)), a[2], 1e-16);
        assertEquals(5, a[3]);
    }
}
