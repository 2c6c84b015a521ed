package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StandardiserTest {

    static double[][] randomSeries(int n, long seed) {
        Random r = new Random(seed);
        double[][] s = new double[n][2];
        for (int k = 0; k < n; k++) {
            s[k][0] = 15 + 8 * r.nextGaussian();
            s[k][1] = 400 + 0.5 * k + r.nextGaussian();
        }
        return s;
    }

    @Test
    void statisticsComeFromTheTrainingRowsOnly() {
        double[][] s = randomSeries(100, 1);
        Standardiser a = Standardiser.fit(s, List.of("temp", "co2"), 60);
        for (int k = 60; k < 100; k++) s[k][0] += 1000; // change only the rows after training
        Standardiser b = Standardiser.fit(s, List.of("temp", "co2"), 60);
        assertArrayEquals(a.mean(), b.mean());
        assertArrayEquals(a.std(), b.std());
    }

    @Test
    void trainingRowsHaveMeanZeroAndStandardDeviationOne() {
        double[][] s = randomSeries(100, 2);
        double[][] z = Standardiser.fit(s, List.of("temp", "co2"), 70).transform(s);
        for (int c = 0; c < 2; c++) {
            double sum = 0, squares = 0;
            for (int n = 0; n < 70; n++) sum += z[n][c];
            for (int n = 0; n < 70; n++) squares += (z[n][c] - sum / 70) * (z[n][c] - sum / 70);
            assertEquals(0, sum / 70, 1e-12);
            assertEquals(1, Math.sqrt(squares / 70), 1e-12);
        }
    }

    @Test
    void inverseUndoesTransform() {
        double[][] s = randomSeries(50, 3);
        Standardiser st = Standardiser.fit(s, List.of("temp", "co2"), 30);
        double[][] back = st.inverse(st.transform(s));
        for (int n = 0; n < s.length; n++) assertArrayEquals(s[n], back[n], 1e-12);
    }

    @Test
    void inverseOfTargetColumnsUsesThoseColumnsStatistics() {
        double[][] s = randomSeries(50, 4);
        Standardiser st = Standardiser.fit(s, List.of("temp", "co2"), 30);
        double[][] z = st.transform(s);
        INDArray zCo2 = Nd4j.create(new double[][] {{z[40][1]}, {z[45][1]}}); // [B, Y] = [2, 1]
        INDArray back = st.inverse(zCo2, List.of("co2"));
        assertEquals(DataType.DOUBLE, back.dataType());
        assertEquals(s[40][1], back.getDouble(0, 0), 1e-10);
        assertEquals(s[45][1], back.getDouble(1, 0), 1e-10);
    }

    @Test
    void aConstantTrainingColumnIsNamed() {
        double[][] s = randomSeries(20, 5);
        for (double[] row : s) row[1] = 3;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Standardiser.fit(s, List.of("temp", "co2"), 10));
        assertTrue(e.getMessage().contains("\"co2\" is constant"), e.getMessage());
    }

    @Test
    void inverseRejectsAPredictionOfTheWrongWidth() {
        Standardiser st = Standardiser.fit(randomSeries(20, 6), List.of("temp", "co2"), 10);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> st.inverse(Nd4j.zeros(DataType.DOUBLE, 4, 2), List.of("co2")));
        assertEquals("y must be [B, Y] = [4, 1] but is [4, 2]", e.getMessage());
    }
}
