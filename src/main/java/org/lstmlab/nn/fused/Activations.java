package org.lstmlab.nn.fused;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * σ and tanh over a range of an array, in double and in single precision, written as short loops of
 * plain arithmetic that the JIT compiles to SIMD instructions (Java 17's C2 vectorises them; a call to
 * {@link Math#exp} in a loop it does not). Both go through one function, e^v − 1:
 *
 * <pre>
 *   σ(u)    = 1 / (1 + e^{−u})          = 1 / (2 + expm1(−u))
 *   tanh(u) = (1 − e^{−2u}) / (1 + e^{−2u}) = −expm1(−2u) / (2 + expm1(−2u))
 * </pre>
 *
 * and e^v − 1 is computed the textbook way: v = n·ln 2 + r with n an integer and |r| ≤ ln 2 / 2, e^r − 1 by
 * its Taylor series (13 terms in double, 7 in float, so the truncation is below a tenth of an ulp), then
 * e^v − 1 = 2^n·(e^r − 1) + (2^n − 1), with 2^n made by writing n into a floating-point exponent. Writing
 * tanh through expm1 rather than as 2σ(2u) − 1 keeps its relative accuracy near u = 0.
 *
 * <p>Accuracy, held by {@code ActivationsTest}: expm1 within 2 ulp of {@link Math#expm1}, exp of {@link Math#exp}; σ within 3 ulp of
 * {@code 1 / (1 + Math.exp(−u))} on |u| ≤ 700 (beyond, σ(u) < 1e-304 or rounds to 1); tanh within 5 ulp of
 * {@link Math#tanh} everywhere, including near 0; in float, both within 4 float ulp of the double-precision
 * value. The arguments are clamped to ±708 (double) and ±87 (float) so 2^n stays a normal number; NaN
 * stays NaN.
 *
 * <p>Each method takes two scratch arrays {@code s} and {@code w}, at least n long, and leaves garbage in
 * them. How the loops are written matters to Java 17's C2: each is a separate loop of a few lines (a
 * fused body with two results did not vectorise), every array in a loop is indexed by the same plain
 * {@code k} (arrays at different offsets in one loop did not vectorise), and the step that moves n into an
 * exponent runs scalar (C2 does not vectorise {@code doubleToRawLongBits}) at about one number per cycle.
 */
final class Activations {
    private Activations() {}

    // double precision

    /** log₂ e. */
    private static final double LOG2_E = 1.4426950408889634;
    /** 1.5·2⁵²: adding it rounds a double below 2⁵¹ to an integer, kept in the low bits. */
    private static final double SHIFT = 0x1.8p52;
    /** ln 2 with its last 28 bits zero, so n·LN2_HI is exact for |n| < 2²⁸. */
    private static final double LN2_HI;
    /** ln 2 − LN2_HI, rounded. */
    private static final double LN2_LO;
    /** |v| beyond which e^v would leave the normal doubles: e^708 ≈ 3·10³⁰⁷. */
    static final double MAX_ARG = 708;

    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    // single precision

    private static final float LOG2_E_F = 1.442695f;
    private static final float SHIFT_F = 0x1.8p23f;
    /** ln 2 with its last 12 bits zero. */
    private static final float LN2_HI_F;

    private static final float LN2_LO_F;
    /** e^87 ≈ 6·10³⁷, below Float.MAX_VALUE. */
    static final float MAX_ARG_F = 87;

    private static final int ONE_BITS_F = Float.floatToRawIntBits(1.0f);

    static {
        BigDecimal ln2 = new BigDecimal("0.69314718055994530941723212145817656807550013436026");
        LN2_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(ln2.doubleValue()) & -(1L << 28));
        LN2_LO = ln2.subtract(new BigDecimal(LN2_HI))
                .round(MathContext.DECIMAL64)
                .doubleValue();
        LN2_HI_F = Float.intBitsToFloat(Float.floatToRawIntBits(ln2.floatValue()) & -(1 << 12));
        LN2_LO_F = ln2.subtract(new BigDecimal(LN2_HI_F)).floatValue();
    }

    /** {@code out[k] = σ(z[k] + b[k])} for {@code k < n}; {@code out} may be {@code z}. */
    static void sigmoid(double[] z, double[] b, double[] out, int n, double[] s, double[] w) {
        reduce(z, b, -1, n, s, w); // v = −(z + b)
        expm1Parts(n, s, w);
        for (int k = 0; k < n; k++) out[k] = 1 / (2 + Math.fma(s[k], w[k], s[k] - 1)); // σ = 1 / (2 + expm1(−u))
    }

    /** {@code out[k] = tanh(z[k] + b[k])} for {@code k < n}; {@code out} may be {@code z}. */
    static void tanh(double[] z, double[] b, double[] out, int n, double[] s, double[] w) {
        reduce(z, b, -2, n, s, w); // v = −2(z + b)
        expm1Parts(n, s, w);
        tanhFromParts(out, n, s, w);
    }

    /** {@code out[k] = tanh(z[k])} for {@code k < n}; {@code out} may be {@code z}. */
    static void tanh(double[] z, double[] out, int n, double[] s, double[] w) {
        reduce(z, -2, n, s, w); // v = −2z
        expm1Parts(n, s, w);
        tanhFromParts(out, n, s, w);
    }

    /** {@code out[k] = e^{v[k]} − 1} for {@code k < n}; {@code out} may be {@code v}. */
    static void expm1(double[] v, double[] out, int n, double[] s, double[] w) {
        reduce(v, 1, n, s, w);
        expm1Parts(n, s, w);
        for (int k = 0; k < n; k++) out[k] = Math.fma(s[k], w[k], s[k] - 1); // 2^n·(e^r − 1) + (2^n − 1)
    }

    /**
     * {@code out[k] = e^{v[k]}} for {@code k < n}, as 2^n·(e^r − 1) + 2^n (the softmax's exponential); {@code out}
     * may be {@code v}.
     */
    static void exp(double[] v, double[] out, int n, double[] s, double[] w) {
        reduce(v, 1, n, s, w);
        expm1Parts(n, s, w);
        for (int k = 0; k < n; k++) out[k] = Math.fma(s[k], w[k], s[k]); // 2^n·(e^r − 1) + 2^n
    }

    private static void tanhFromParts(double[] out, int n, double[] s, double[] w) {
        for (int k = 0; k < n; k++) {
            double e = Math.fma(s[k], w[k], s[k] - 1); // expm1(−2u)
            out[k] = -e / (2 + e); // tanh(u) = −expm1(−2u) / (2 + expm1(−2u))
        }
    }

    /** v = m·(z + b), clamped, split as v = n·ln 2 + r: r into {@code w}, n + SHIFT into {@code s}. */
    private static void reduce(double[] z, double[] b, double m, int n, double[] s, double[] w) {
        for (int k = 0; k < n; k++) {
            double v = Math.min(MAX_ARG, Math.max(-MAX_ARG, m * (z[k] + b[k])));
            double t = Math.fma(v, LOG2_E, SHIFT); // n + SHIFT, n = round(v / ln 2)
            double i = t - SHIFT;
            w[k] = Math.fma(i, -LN2_LO, Math.fma(i, -LN2_HI, v)); // r = v − n·ln 2, |r| ≤ ln 2 / 2
            s[k] = t;
        }
    }

    /** {@link #reduce(double[], double[], double, int, double[], double[])} of v = m·z. */
    private static void reduce(double[] z, double m, int n, double[] s, double[] w) {
        for (int k = 0; k < n; k++) {
            double v = Math.min(MAX_ARG, Math.max(-MAX_ARG, m * z[k]));
            double t = Math.fma(v, LOG2_E, SHIFT);
            double i = t - SHIFT;
            w[k] = Math.fma(i, -LN2_LO, Math.fma(i, -LN2_HI, v));
            s[k] = t;
        }
    }

    /** From {@link #reduce}'s r and n + SHIFT to e^r − 1 in {@code w} and 2^n in {@code s}. */
    private static void expm1Parts(int n, double[] s, double[] w) {
        for (int k = 0; k < n; k++) {
            double r = w[k];
            double q = 1.0 / 6227020800.0; // 1/13!
            q = Math.fma(q, r, 1.0 / 479001600.0);
            q = Math.fma(q, r, 1.0 / 39916800.0);
            q = Math.fma(q, r, 1.0 / 3628800.0);
            q = Math.fma(q, r, 1.0 / 362880.0);
            q = Math.fma(q, r, 1.0 / 40320.0);
            q = Math.fma(q, r, 1.0 / 5040.0);
            q = Math.fma(q, r, 1.0 / 720.0);
            q = Math.fma(q, r, 1.0 / 120.0);
            q = Math.fma(q, r, 1.0 / 24.0);
            q = Math.fma(q, r, 1.0 / 6.0);
            q = Math.fma(q, r, 0.5);
            q = Math.fma(q, r, 1.0);
            w[k] = r * q; // e^r − 1 = r + r²/2! + … + r¹³/13!
        }
        for (int k = 0; k < n; k++) {
            // the low bits of n + SHIFT hold n; shifted into the exponent field they make 2^n
            s[k] = Double.longBitsToDouble((Double.doubleToRawLongBits(s[k]) << 52) + ONE_BITS);
        }
    }

    /** Single precision {@link #sigmoid(double[], double[], double[], int, double[], double[])}. */
    static void sigmoid(float[] z, float[] b, float[] out, int n, float[] s, float[] w) {
        reduce(z, b, -1, n, s, w);
        expm1Parts(n, s, w);
        for (int k = 0; k < n; k++) out[k] = 1 / (2 + Math.fma(s[k], w[k], s[k] - 1));
    }

    /** Single precision {@link #tanh(double[], double[], double[], int, double[], double[])}. */
    static void tanh(float[] z, float[] b, float[] out, int n, float[] s, float[] w) {
        reduce(z, b, -2, n, s, w);
        expm1Parts(n, s, w);
        tanhFromParts(out, n, s, w);
    }

    /** Single precision {@link #tanh(double[], double[], int, double[], double[])}. */
    static void tanh(float[] z, float[] out, int n, float[] s, float[] w) {
        reduce(z, -2, n, s, w);
        expm1Parts(n, s, w);
        tanhFromParts(out, n, s, w);
    }

    /** Single precision {@link #expm1(double[], double[], int, double[], double[])}. */
    static void expm1(float[] v, float[] out, int n, float[] s, float[] w) {
        reduce(v, 1, n, s, w);
        expm1Parts(n, s, w);
        for (int k = 0; k < n; k++) out[k] = Math.fma(s[k], w[k], s[k] - 1);
    }

    private static void tanhFromParts(float[] out, int n, float[] s, float[] w) {
        for (int k = 0; k < n; k++) {
            float e = Math.fma(s[k], w[k], s[k] - 1);
            out[k] = -e / (2 + e);
        }
    }

    private static void reduce(float[] z, float[] b, float m, int n, float[] s, float[] w) {
        for (int k = 0; k < n; k++) {
            float v = Math.min(MAX_ARG_F, Math.max(-MAX_ARG_F, m * (z[k] + b[k])));
            float t = Math.fma(v, LOG2_E_F, SHIFT_F);
            float i = t - SHIFT_F;
            w[k] = Math.fma(i, -LN2_LO_F, Math.fma(i, -LN2_HI_F, v));
            s[k] = t;
        }
    }

    private static void reduce(float[] z, float m, int n, float[] s, float[] w) {
        for (int k = 0; k < n; k++) {
            float v = Math.min(MAX_ARG_F, Math.max(-MAX_ARG_F, m * z[k]));
            float t = Math.fma(v, LOG2_E_F, SHIFT_F);
            float i = t - SHIFT_F;
            w[k] = Math.fma(i, -LN2_LO_F, Math.fma(i, -LN2_HI_F, v));
            s[k] = t;
        }
    }

    private static void expm1Parts(int n, float[] s, float[] w) {
        for (int k = 0; k < n; k++) {
            float r = w[k];
            float q = 1f / 5040f; // 1/7!
            q = Math.fma(q, r, 1f / 720f);
            q = Math.fma(q, r, 1f / 120f);
            q = Math.fma(q, r, 1f / 24f);
            q = Math.fma(q, r, 1f / 6f);
            q = Math.fma(q, r, 0.5f);
            q = Math.fma(q, r, 1f);
            w[k] = r * q; // e^r − 1 = r + r²/2! + … + r⁷/7!
        }
        for (int k = 0; k < n; k++) {
            s[k] = Float.intBitsToFloat((Float.floatToRawIntBits(s[k]) << 23) + ONE_BITS_F);
        }
    }
}
