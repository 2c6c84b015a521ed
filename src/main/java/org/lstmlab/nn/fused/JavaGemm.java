package org.lstmlab.nn.fused;

/**
 * A small matrix product on Java arrays, {@code C = A·B} or {@code C += A·B} (row-major, no transposes), for
 * the per-step products of the fused cells: z_t = [h_{t-1}, x_t]·Wᵀ forward and ∂L/∂h_{t-1} = ∂L/∂z_t·W_h
 * backward. At these shapes ([32, 72]×[72, 256] at the course size) a BLAS call spends much of its time packing
 * and dispatching; here the operands are used where they lie.
 *
 * <p>One row of C at a time is summed in a scratch row: the inner loop runs along it and along four rows of B
 * at once, four {@link Math#fma} per element loaded and stored, which Java 17's C2 turns into SIMD fused
 * multiply-adds (no incubator modules, no flags) — but only when every array in that loop is indexed from the
 * same start: C2 17 gives up on a loop whose arrays start at different variable offsets (measured: 8 GFLOP/s
 * scalar against 19 vectorised, the same loop). So B comes as one Java array per row, read from index 0, and
 * the scratch row is copied to C once per row.
 */
final class JavaGemm {
    private JavaGemm() {}

    /**
     * {@code acc[0…n) = a[aAt…aAt+k)·B}: one row of A times B, B's row p being {@code b[p][0…n)}.
     *
     * @param acc the row of the product, written, length ≥ n
     */
    static void row(int n, int k, double[] a, int aAt, double[][] b, double[] acc) {
        for (int j = 0; j < n; j++) acc[j] = 0;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            final double a0 = a[aAt + p], a1 = a[aAt + p + 1], a2 = a[aAt + p + 2], a3 = a[aAt + p + 3];
            final double[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            for (int j = 0; j < n; j++) {
                acc[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], acc[j]))));
            }
        }
        for (; p < k; p++) {
            final double a0 = a[aAt + p];
            final double[] b0 = b[p];
            for (int j = 0; j < n; j++) acc[j] = Math.fma(a0, b0[j], acc[j]);
        }
    }

    /**
     * {@code C = A·B}, or {@code C += A·B} when {@code accumulate}.
     *
     * @param m   rows of A and C
     * @param n   columns of B and C
     * @param k   columns of A, rows of B
     * @param a   A, row i at {@code a[aAt + i·lda …]}
     * @param b   B, row p in {@code b[p][0…n)}
     * @param c   C, row i at {@code c[cAt + i·ldc …]}
     * @param acc scratch, length ≥ n
     */
    static void multiply(
            int m,
            int n,
            int k,
            double[] a,
            int aAt,
            int lda,
            double[][] b,
            double[] c,
            int cAt,
            int ldc,
            boolean accumulate,
            double[] acc) {
        for (int i = 0; i < m; i++) {
            row(n, k, a, aAt + i * lda, b, acc);
            final int ci = cAt + i * ldc;
            if (accumulate) for (int j = 0; j < n; j++) c[ci + j] += acc[j];
            else System.arraycopy(acc, 0, c, ci, n);
        }
    }

    /** {@code aT = aᵀ}, one Java array per row of aT: a is {@code [rows, cols]} row-major, aT {@code [cols][rows]}. */
    static void transpose(double[] a, double[][] aT, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) aT[q][r] = a[r * cols + q];
        }
    }

    /** The rows of {@code a}, {@code [rows, cols]} row-major, into one Java array each. */
    static void rows(double[] a, double[][] rows, int cols) {
        for (int r = 0; r < rows.length; r++) System.arraycopy(a, r * cols, rows[r], 0, cols);
    }

    /**
     * In float: {@code acc[0…n) = a[aAt…aAt+k)·B}: one row of A times B, B's row p being {@code b[p][0…n)}.
     *
     * @param acc the row of the product, written, length ≥ n
     */
    static void row(int n, int k, float[] a, int aAt, float[][] b, float[] acc) {
        for (int j = 0; j < n; j++) acc[j] = 0;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            final float a0 = a[aAt + p], a1 = a[aAt + p + 1], a2 = a[aAt + p + 2], a3 = a[aAt + p + 3];
            final float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            for (int j = 0; j < n; j++) {
                acc[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], acc[j]))));
            }
        }
        for (; p < k; p++) {
            final float a0 = a[aAt + p];
            final float[] b0 = b[p];
            for (int j = 0; j < n; j++) acc[j] = Math.fma(a0, b0[j], acc[j]);
        }
    }

    /**
     * {@code C = A·B}, or {@code C += A·B} when {@code accumulate}.
     *
     * @param m   rows of A and C
     * @param n   columns of B and C
     * @param k   columns of A, rows of B
     * @param a   A, row i at {@code a[aAt + i·lda …]}
     * @param b   B, row p in {@code b[p][0…n)}
     * @param c   C, row i at {@code c[cAt + i·ldc …]}
     * @param acc scratch, length ≥ n
     */
    static void multiply(
            int m,
            int n,
            int k,
            float[] a,
            int aAt,
            int lda,
            float[][] b,
            float[] c,
            int cAt,
            int ldc,
            boolean accumulate,
            float[] acc) {
        for (int i = 0; i < m; i++) {
            row(n, k, a, aAt + i * lda, b, acc);
            final int ci = cAt + i * ldc;
            if (accumulate) for (int j = 0; j < n; j++) c[ci + j] += acc[j];
            else System.arraycopy(acc, 0, c, ci, n);
        }
    }

    /** {@code aT = aᵀ}, one Java array per row of aT: a is {@code [rows, cols]} row-major, aT {@code [cols][rows]}. */
    static void transpose(float[] a, float[][] aT, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) aT[q][r] = a[r * cols + q];
        }
    }

    /** The rows of {@code a}, {@code [rows, cols]} row-major, into one Java array each. */
    static void rows(float[] a, float[][] rows, int cols) {
        for (int r = 0; r < rows.length; r++) System.arraycopy(a, r * cols, rows[r], 0, cols);
    }
}
