package org.lstmlab.nn.fused;

import java.util.Arrays;

/**
 * A small matrix product on Java arrays, {@code C = A·B} or {@code C += A·B} (all row-major, no transposes), for
 * the per-step products of the fused cells: z_t = [h_{t-1}, x_t]·Wᵀ forward and ∂L/∂h_{t-1} = ∂L/∂z_t·W_h
 * backward. At these shapes ([32, 72]×[72, 256] at the course size) a BLAS call spends much of its time packing
 * and dispatching; here the operands are used where they lie. The inner loop runs along a row of B and of C and
 * takes four rows of B at once, four {@link Math#fma} per element of C loaded and stored, which the JIT turns
 * into SIMD fused multiply-adds (no incubator modules, no flags). B should be small enough to stay in cache.
 */
final class JavaGemm {
    private JavaGemm() {}

    /**
     * {@code C = A·B}, or {@code C += A·B} when {@code accumulate}.
     *
     * @param m   rows of A and C
     * @param n   columns of B and C
     * @param k   columns of A, rows of B
     * @param a   A, row i at {@code a[aAt + i·lda …]}
     * @param b   B, row p at {@code b[bAt + p·ldb …]}
     * @param c   C, row i at {@code c[cAt + i·ldc …]}; must not overlap A or B
     */
    static void multiply(
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
            final int ci = cAt + i * ldc, ai = aAt + i * lda;
            if (!accumulate) Arrays.fill(c, ci, ci + n, 0);
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                final double a0 = a[ai + p], a1 = a[ai + p + 1], a2 = a[ai + p + 2], a3 = a[ai + p + 3];
                final int b0 = bAt + p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(
                            a3,
                            b[b3 + j],
                            Math.fma(a2, b[b2 + j], Math.fma(a1, b[b1 + j], Math.fma(a0, b[b0 + j], c[ci + j]))));
                }
            }
            for (; p < k; p++) {
                final double a0 = a[ai + p];
                final int b0 = bAt + p * ldb;
                for (int j = 0; j < n; j++) c[ci + j] = Math.fma(a0, b[b0 + j], c[ci + j]);
            }
        }
    }

    /** {@link #multiply(int, int, int, double[], int, int, double[], int, int, double[], int, int, boolean)} in float. */
    static void multiply(
            int m,
            int n,
            int k,
            float[] a,
            int aAt,
            int lda,
            float[] b,
            int bAt,
            int ldb,
            float[] c,
            int cAt,
            int ldc,
            boolean accumulate) {
        for (int i = 0; i < m; i++) {
            final int ci = cAt + i * ldc, ai = aAt + i * lda;
            if (!accumulate) Arrays.fill(c, ci, ci + n, 0);
            int p = 0;
            for (; p + 4 <= k; p += 4) {
                final float a0 = a[ai + p], a1 = a[ai + p + 1], a2 = a[ai + p + 2], a3 = a[ai + p + 3];
                final int b0 = bAt + p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(
                            a3,
                            b[b3 + j],
                            Math.fma(a2, b[b2 + j], Math.fma(a1, b[b1 + j], Math.fma(a0, b[b0 + j], c[ci + j]))));
                }
            }
            for (; p < k; p++) {
                final float a0 = a[ai + p];
                final int b0 = bAt + p * ldb;
                for (int j = 0; j < n; j++) c[ci + j] = Math.fma(a0, b[b0 + j], c[ci + j]);
            }
        }
    }

    /** {@code aT = aᵀ}: a is {@code [rows, cols]}, aT {@code [cols, rows]}, both row-major. */
    static void transpose(double[] a, double[] aT, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) aT[q * rows + r] = a[r * cols + q];
        }
    }

    /** {@link #transpose(double[], double[], int, int)} in float. */
    static void transpose(float[] a, float[] aT, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) aT[q * rows + r] = a[r * cols + q];
        }
    }
}
