package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstmlab.grad.GradientCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CharModelTest {
    private static final int B = 2, T = 3, V = 5, X = 3, H = 4;
    private static final int[] INPUTS = {0, 4, 2, 2, 1, 3};
    private static final int[] TARGETS = {4, 2, 0, 1, 3, 3};

    @Test
    void gradientOfEveryParameterMatchesCentralDifferencesAtATinySize() {
        CharModelParams p = CharModelParams.init(V, X, H, 3, DataType.DOUBLE);
        p.bY().assign(SeededUniform.draw(4, 0.5, DataType.DOUBLE, V));
        INDArray h0 = SeededUniform.draw(5, 0.5, DataType.DOUBLE, B, H);
        INDArray c0 = SeededUniform.draw(6, 0.5, DataType.DOUBLE, B, H);
        var model = new CharModel(p);
        CharModelStep s = model.lossAndGradients(INPUTS, TARGETS, B, T, h0, c0);
        Map<String, INDArray> analytic = s.grads().named();
        for (Map.Entry<String, INDArray> e : p.named().entrySet()) {
            INDArray numeric = GradientCheck.numericGradient(
                    () -> model.lossAndGradients(INPUTS, TARGETS, B, T, h0, c0).loss(),
                    e.getValue(),
                    GradientCheck.CHECK_STENCIL,
                    GradientCheck.CHECK_EPSILON);
            double err = GradientCheck.relativeError(analytic.get(e.getKey()), numeric);
            assertTrue(err < 1e-7, "∂loss/∂" + e.getKey() + ": relative error " + err + " ≥ 1e-7");
        }
    }

    @Test
    void uniformScoresCostLog2VBitsPerCharacter() {
        CharModelParams p = CharModelParams.init(V, X, H, 3, DataType.DOUBLE);
        p.wY().assign(0); // every score 0: p_t uniform
        CharModelStep s = new CharModel(p)
                .lossAndGradients(
                        INPUTS, TARGETS, B, T, Nd4j.zeros(DataType.DOUBLE, B, H), Nd4j.zeros(DataType.DOUBLE, B, H));
        assertEquals(Math.log(V) / Math.log(2), s.bitsPerChar(), 1e-12);
    }
}
