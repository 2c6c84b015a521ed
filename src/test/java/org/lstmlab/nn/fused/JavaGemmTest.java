package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link JavaGemm} against a plain triple loop, on odd sizes, offsets and leading dimensions wider than a row. */
class JavaGemmTest {
    /** C = A·B (+ C) the textbook way, row-major, every sum in the order p = 0 … k−1. */
    private static void tripleLoop(
            int m,
            int n,
            int k,
            double[] a,
            int aAt,
            int lda,
            double[] b,
            int bAt,
            int ldb,
            double[] c,
            int cAt,
            int ldc,
            boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? c[cAt + i * ldc + j] : 0;
                for (int p = 0; p < k; p++) sum += a[aAt + i * lda + p] * b[bAt + p * ldb + j];
                c[cAt + i * ldc + j] = sum;
            }
        }
    }

    private static double[] random(Random random, int length) {
        return random.doubles(length, -1, 1).toArray();
    }

    @ParameterizedTest(name = "[{0}, {2}]×[{2}, {1}], accumulate {3}")
    @CsvSource({
        "1, 1, 1, false",
        "3, 5, 7, false",
        "7, 13, 4, true",
        "5, 9, 11, true",
        "32, 256, 72, false", // the course size's forward step
        "32, 64, 256, true", // its backward step
    })
    void equalsTheTripleLoopInDouble(int m, int n, int k, boolean accumulate) {
        Random random = new Random(m * 1000 + n * 10 + k);
        // offsets and leading dimensions wider than the rows, as the fused pass uses them (W_h inside W)
        int aAt = 3, lda = k + 2, bAt = 5, ldb = n + 3, cAt = 1, ldc = n + 1;
        double[] a = random(random, aAt + m * lda), b = random(random, bAt + k * ldb);
        double[] c = random(random, cAt + m * ldc);
        double[] expected = c.clone();
        tripleLoop(m, n, k, a, aAt, lda, b, bAt, ldb, expected, cAt, ldc, accumulate);
        JavaGemm.multiply(m, n, k, a, aAt, lda, b, bAt, ldb, c, cAt, ldc, accumulate);
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected[i], c[i], 1e-13 * Math.max(1, k), "C element " + i + " of [" + m + ", " + n + "]");
        }
    }

    @ParameterizedTest(name = "[{0}, {2}]×[{2}, {1}], accumulate {3}")
    @CsvSource({"3, 5, 7, false", "7, 13, 6, true", "32, 256, 72, false", "32, 64, 256, true"})
    void equalsTheTripleLoopInFloat(int m, int n, int k, boolean accumulate) {
        Random random = new Random(m + n + k);
        int aAt = 2, lda = k + 1, bAt = 4, ldb = n + 2, cAt = 3, ldc = n + 5;
        double[] a = random(random, aAt + m * lda), b = random(random, bAt + k * ldb);
        double[] c = random(random, cAt + m * ldc);
        double[] expected = c.clone();
        tripleLoop(m, n, k, a, aAt, lda, b, bAt, ldb, expected, cAt, ldc, accumulate);
        float[] a32 = toFloat(a), b32 = toFloat(b), c32 = toFloat(c);
        JavaGemm.multiply(m, n, k, a32, aAt, lda, b32, bAt, ldb, c32, cAt, ldc, accumulate);
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected[i], c32[i], 2e-6 * Math.max(1, k), "C element " + i + " of [" + m + ", " + n + "]");
        }
    }

    @Test
    void leavesEverythingOutsideCUntouched() {
        double[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8}; // [2, 2] each
        double[] c = {-1, -1, -1, -1, -1, -1, -1}; // C at offset 1 with ldc 3: indices 1, 2, 4, 5
        JavaGemm.multiply(2, 2, 2, a, 0, 2, b, 0, 2, c, 1, 3, false);
        assertArrayEquals(new double[] {-1, 19, 22, -1, 43, 50, -1}, c);
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[] a = {1, 2, 3, 4, 5, 6}, aT = new double[6]; // [2, 3]
        JavaGemm.transpose(a, aT, 2, 3);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, aT);
        float[] f = {1, 2, 3, 4, 5, 6}, fT = new float[6];
        JavaGemm.transpose(f, fT, 3, 2);
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, fT);
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) f[i] = (float) values[i];
        return f;
    }
}
