package org.lstmlab.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatrixNormsTest {

    /** The Householder reflection I − 2vvᵀ/(vᵀv), an exactly orthogonal matrix (up to rounding). */
    private static INDArray householder(long seed, int n) {
        INDArray v = normal(seed, n, 1);
        return Nd4j.eye(n)
                .castTo(DataType.DOUBLE)
                .subi(v.mmul(v.transpose())
                        .muli(2
                                / v.norm2Number().doubleValue()
                                / v.norm2Number().doubleValue()));
    }

    /** U · diag(s) · Vᵀ of shape [rows, cols] with orthogonal U, V: its singular values are exactly s. */
    private static INDArray withSingularValues(int rows, int cols, double... s) {
        INDArray u = householder(1, rows).mmul(householder(2, rows));
        INDArray v = householder(3, cols).mmul(householder(4, cols));
        INDArray d = Nd4j.zeros(DataType.DOUBLE, rows, cols);
        for (int k = 0; k < s.length; k++) d.putScalar(k, k, s[k]);
        return u.mmul(d).mmul(v.transpose());
    }

    @Test
    void singularValuesOfASquareMatrixWithKnownSpectrumAreRecovered() {
        double[] s = {3.5, 1.25, 0.5, 1e-3, 1e-9};
        double[] got = MatrixNorms.singularValues(withSingularValues(5, 5, s));
        for (int k = 0; k < s.length; k++) assertEquals(s[k], got[k], 1e-13 * s[0], "σ_" + (k + 1));
        assertEquals(3.5, MatrixNorms.spectralNorm(withSingularValues(5, 5, s)), 1e-13);
    }

    @Test
    void tallAndWideMatricesGiveMinOfRowsAndColumnsSingularValues() {
        double[] s = {2.0, 0.75, 0.1};
        assertArrayEquals(s, MatrixNorms.singularValues(withSingularValues(6, 3, s)), 1e-13);
        assertArrayEquals(s, MatrixNorms.singularValues(withSingularValues(3, 7, s)), 1e-13);
    }

    @Test
    void closeLeadingSingularValuesAreStillSeparated() {
        // power iteration converges like (σ₂/σ₁)^n and would stall here; Jacobi does not
        double[] s = {1.0, 0.999999, 0.5};
        assertArrayEquals(s, MatrixNorms.singularValues(withSingularValues(3, 3, s)), 1e-13);
    }

    @Test
    void spectralNormOfADiagonalMatrixIsItsLargestAbsoluteEntry() {
        INDArray d = Nd4j.diag(Nd4j.createFromArray(0.3, -2.5, 1.0));
        assertEquals(2.5, MatrixNorms.spectralNorm(d), 1e-15);
    }

    @Test
    void spectralNormOfAnOuterProductIsTheProductOfTheVectorNorms() {
        INDArray u = normal(5, 4, 1);
        INDArray v = normal(6, 1, 3);
        double expected = u.norm2Number().doubleValue() * v.norm2Number().doubleValue();
        assertEquals(expected, MatrixNorms.spectralNorm(u.mmul(v)), 1e-13 * expected);
        assertEquals(0.0, MatrixNorms.singularValues(u.mmul(v))[1], 1e-13 * expected);
    }

    @Test
    void frobeniusNormIsTheRootSumOfSquaresAndBoundsTheSpectralNorm() {
        INDArray m = normal(7, 4, 6);
        double fro = MatrixNorms.frobeniusNorm(m);
        assertEquals(Math.sqrt(m.mul(m).sumNumber().doubleValue()), fro, 1e-13);
        double[] s = MatrixNorms.singularValues(m);
        double sumSquares = 0;
        for (double v : s) sumSquares += v * v;
        assertEquals(fro, Math.sqrt(sumSquares), 1e-12);
        assertTrue(MatrixNorms.spectralNorm(m) <= fro);
    }

    @Test
    void float32MatricesAreReadInDouble() {
        INDArray m = Nd4j.diag(Nd4j.createFromArray(0.5f, 2f));
        assertEquals(2.0, MatrixNorms.spectralNorm(m), 0.0);
    }

    @Test
    void aVectorIsRefusedNamingItsShape() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> MatrixNorms.spectralNorm(Nd4j.zeros(DataType.DOUBLE, 4)));
        assertEquals("matrix must be [rows, columns] but is [4]", e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> MatrixNorms.frobeniusNorm((INDArray) null));
        assertEquals("matrix must be [rows, columns] but is null", n.getMessage());
    }
}
