package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CellStateBoundTest {

    @Test
    void theCellStateStaysUnderBothBoundsAndTheLargestIsFoundByRecomputingTheUpdate() {
        LstmCell cell = new LstmCell(LstmParams.init(3, 5, Init.UNIFORM, 3.0, 11, DataType.DOUBLE));
        INDArray xs = Nd4j.rand(DataType.DOUBLE, 1, 40, 3).subi(0.5).muli(4); // [1, T, X]
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, 5);
        INDArray c0 = Nd4j.createFromArray(new double[][] {{0.5, -2, 0, 1, 0}}); // C_0, [1, H]
        var run = cell.forwardSequence(xs, h0, c0);
        var bound = CellStateBound.of(run, c0);
        // the oracle: C_t = f_t * C_{t-1} + i_t * C̃_t recomputed from the gates, in plain Java
        double[] c = c0.toDoubleVector();
        double largest = 0;
        double[] fMax = new double[5];
        for (var step : run.steps()) {
            double[] f = step.f().toDoubleVector();
            double[] i = step.i().toDoubleVector();
            double[] cTilde = step.cTilde().toDoubleVector();
            for (int a = 0; a < 5; a++) {
                c[a] = f[a] * c[a] + i[a] * cTilde[a];
                largest = Math.max(largest, Math.abs(c[a]));
                fMax[a] = Math.max(fMax[a], f[a]);
            }
        }
        double forget = 0;
        for (int a = 0; a < 5; a++)
            forget = Math.max(forget, Math.max(Math.abs(c0.getDouble(0, a)), 1 / (1 - fMax[a])));
        assertEquals(largest, bound.largestC(), 1e-12);
        assertEquals(2 + 40, bound.startBound(), 1e-12);
        assertEquals(forget, bound.forgetBound(), 1e-9);
        assertTrue(bound.largestC() <= bound.forgetBound() && bound.largestC() <= bound.startBound(), bound.toString());
        var at = run.steps().get(bound.largestStep() - 1);
        double cAt = at.c().getDouble(0, bound.largestUnit());
        double slope = at.o().getDouble(0, bound.largestUnit()) * (1 - Math.tanh(cAt) * Math.tanh(cAt));
        assertEquals(slope, bound.slopeAtLargest(), 1e-12);
        assertTrue(bound.slopeAtLargest() <= bound.largestSlope() && bound.largestSlope() < 1);
        assertTrue(bound.toString().contains("largest |C_t| = "), bound.toString());
    }

    @Test
    void aBatchOfMoreThanOneExampleIsRefused() {
        LstmCell cell = new LstmCell(LstmParams.init(2, 3, 1));
        var zeros = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        var run = cell.forwardSequence(Nd4j.zeros(DataType.DOUBLE, 2, 4, 2), zeros, zeros);
        var e = assertThrows(IllegalArgumentException.class, () -> CellStateBound.of(run, zeros));
        assertTrue(e.getMessage().contains("B = 1"), e.getMessage());
    }
}
