package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class SeededUniformTest {

    @Test
    void oneSeedGivesOneArrayWhateverElseDrewBefore() {
        INDArray a = SeededUniform.draw(7, 0.5, DataType.DOUBLE, 3, 4);
        org.nd4j.linalg.factory.Nd4j.rand(DataType.DOUBLE, 10); // ND4J's global random state does not matter
        INDArray b = SeededUniform.draw(7, 0.5, DataType.DOUBLE, 3, 4);
        assertEquals(a, b);
        assertNotEquals(a, SeededUniform.draw(8, 0.5, DataType.DOUBLE, 3, 4));
        assertArrayEquals(new long[] {3, 4}, a.shape());
    }

    @Test
    void valuesAreTwoUMinusOneTimesTheLimitInDrawOrder() {
        SplittableRandom reference = new SplittableRandom(42);
        var draw = new SeededUniform(42, DataType.DOUBLE);
        double[] first = draw.next(2.0, 5).toDoubleVector();
        double[] second = draw.next(1.0, 2).toDoubleVector();
        for (double v : first) assertEquals((2 * reference.nextDouble() - 1) * 2.0, v, 0);
        for (double v : second) assertEquals(2 * reference.nextDouble() - 1, v, 0);
        for (double v : first) assertTrue(v >= -2 && v < 2);
    }

    @Test
    void float32ArraysHoldTheDoubleDrawRounded() {
        INDArray f = SeededUniform.draw(3, 1.0, DataType.FLOAT, 6);
        INDArray d = SeededUniform.draw(3, 1.0, DataType.DOUBLE, 6);
        assertEquals(DataType.FLOAT, f.dataType());
        for (int k = 0; k < 6; k++) assertEquals((float) d.getDouble(k), f.getFloat(k), 0);
    }

    @Test
    void aNegativeLimitOrAnEmptySizeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> SeededUniform.draw(1, -1, DataType.DOUBLE, 2));
        assertEquals("the limit must be a finite number ≥ 0 but is -1.0", e.getMessage());
        var size = assertThrows(IllegalArgumentException.class, () -> SeededUniform.draw(1, 1, DataType.DOUBLE, 2, 0));
        assertEquals("every size of the shape [2, 0] must be ≥ 1 but is 0", size.getMessage());
    }
}
