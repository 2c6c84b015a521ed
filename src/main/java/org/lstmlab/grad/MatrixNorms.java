package org.lstmlab.grad;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Singular values, spectral and Frobenius norms of small dense matrices, computed in double
 * precision by one-sided Jacobi rotations (Hestenes 1958; Demmel &amp; Veselić 1992), which find every
 * singular value to high relative accuracy, the tiny ones included. That matters here: the Jacobian
 * products of a vanishing RNN reach 1e-20 and below.
 *
 * <pre>{@code
 * double rho = MatrixNorms.spectralNorm(params.recurrentBlock());   // ‖W_hh‖₂, the largest singular value
 * }</pre>
 */
public final class MatrixNorms {
    private static final int MAX_SWEEPS = 80;
    private static final double ORTHOGONAL = 1e-15;

    private MatrixNorms() {}

    /**
     * The singular values of a matrix, largest first.
     *
     * @param m a matrix {@code [rows, columns]} of any floating type; read as double
     * @return min(rows, columns) values σ₁ ≥ σ₂ ≥ … ≥ 0
     */
    public static double[] singularValues(INDArray m) {
        requireMatrix(m);
        return singularValues(toArray(m));
    }

    /** The spectral norm ‖M‖₂ = σ₁, the largest singular value (the operator norm induced by the Euclidean norm). */
    public static double spectralNorm(INDArray m) {
        double[] s = singularValues(m);
        return s.length == 0 ? 0 : s[0];
    }

    /** The Frobenius norm ‖M‖_F = √(Σ m_ij²) = √(Σ σ_k²); always ≥ the spectral norm. */
    public static double frobeniusNorm(INDArray m) {
        requireMatrix(m);
        return frobeniusNorm(toArray(m));
    }

    private static void requireMatrix(INDArray m) {
        if (m == null) throw new IllegalArgumentException("matrix must be [rows, columns] but is null");
        if (m.rank() != 2)
            throw new IllegalArgumentException("matrix must be [rows, columns] but is " + Arrays.toString(m.shape()));
    }

    static double[] singularValues(double[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        // rotate the columns of the taller orientation, so there are min(rows, cols) of them
        double[][] a = rows >= cols ? copy(m) : transpose(m);
        int n = a.length == 0 ? 0 : a[0].length;
        int len = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int r = 0; r < len; r++) {
                        alpha += a[r][p] * a[r][p];
                        beta += a[r][q] * a[r][q];
                        gamma += a[r][p] * a[r][q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int r = 0; r < len; r++) {
                        double ap = a[r][p];
                        double aq = a[r][q];
                        a[r][p] = c * ap - s * aq;
                        a[r][q] = s * ap + c * aq;
                    }
                }
            }
            if (!rotated) break;
        }
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (double[] row : a) sum += row[k] * row[k];
            sigma[k] = Math.sqrt(sum);
        }
        Arrays.sort(sigma);
        for (int k = 0; k < n / 2; k++) {
            double tmp = sigma[k];
            sigma[k] = sigma[n - 1 - k];
            sigma[n - 1 - k] = tmp;
        }
        return sigma;
    }

    static double spectralNorm(double[][] m) {
        double[] s = singularValues(m);
        return s.length == 0 ? 0 : s[0];
    }

    static double frobeniusNorm(double[][] m) {
        double sum = 0;
        for (double[] row : m) for (double v : row) sum += v * v;
        return Math.sqrt(sum);
    }

    static double[][] toArray(INDArray m) {
        int rows = Math.toIntExact(m.rows());
        int cols = Math.toIntExact(m.columns());
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) a[r][c] = m.getDouble(r, c);
        return a;
    }

    private static double[][] copy(double[][] m) {
        double[][] a = new double[m.length][];
        for (int r = 0; r < m.length; r++) a[r] = m[r].clone();
        return a;
    }

    private static double[][] transpose(double[][] m) {
        double[][] a = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m[0].length; c++) a[c][r] = m[r][c];
        return a;
    }
}
