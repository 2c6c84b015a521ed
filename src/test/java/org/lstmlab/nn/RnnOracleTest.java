package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RNN against PyTorch's nn.RNN (tanh): fixtures from src/test/resources/oracle/make_fixtures.py, float64, tolerance 1e-10. */
class RnnOracleTest {
    static final double TOLERANCE = 1e-10;

    private static RnnCell cell(OracleFixture o) {
        return new RnnCell(new RnnParams(o.get("W_h"), o.get("b_h")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_small", "rnn_long"})
    void courseWeightIsRecurrentBlockFirstThenInputBlockAsInPyTorch(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        RnnParams p = cell(o).params();
        assertEquals(0.0, OracleFixture.maxAbsDiff(o.get("weight_hh_l0"), p.recurrentBlock()));
        assertEquals(0.0, OracleFixture.maxAbsDiff(o.get("weight_ih_l0"), p.inputBlock()));
        assertTrue(OracleFixture.maxAbsDiff(o.get("bias_ih_l0").add(o.get("bias_hh_l0")), p.bH()) <= 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_small", "rnn_long"})
    void preActivationAndHiddenStateAgreeWithTorchAtEveryStep(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        RnnSequence seq = cell(o).forwardSequence(o.get("x"), o.get("h0"));
        for (int t = 0; t < seq.length(); t++) {
            double dz =
                    OracleFixture.maxAbsDiff(o.at("z", t), seq.steps().get(t).z());
            double dh =
                    OracleFixture.maxAbsDiff(o.at("h", t), seq.steps().get(t).h());
            assertTrue(dz <= TOLERANCE, "z at step " + (t + 1) + " differs from torch by " + dz);
            assertTrue(dh <= TOLERANCE, "h at step " + (t + 1) + " differs from torch by " + dh);
        }
        assertTrue(OracleFixture.maxAbsDiff(o.get("h"), seq.hs()) <= TOLERANCE);
        double loss = seq.hs().mul(o.get("loss_weights")).sumNumber().doubleValue();
        assertEquals(o.scalar("loss"), loss, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_small", "rnn_long"})
    void everyGradientAgreesWithTorchAutograd(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        RnnCell cell = cell(o);
        RnnGrads g = cell.backwardSequence(cell.forwardSequence(o.get("x"), o.get("h0")), o.get("loss_weights"));
        double dW = OracleFixture.maxAbsDiff(o.get("grad_W_h"), g.params().wH());
        double db = OracleFixture.maxAbsDiff(o.get("grad_b_h"), g.params().bH());
        double dx = OracleFixture.maxAbsDiff(o.get("grad_x"), g.dxs());
        double dh0 = OracleFixture.maxAbsDiff(o.get("grad_h0"), g.dh0());
        assertTrue(dW <= TOLERANCE, "∂L/∂W_h differs from autograd by " + dW);
        assertTrue(db <= TOLERANCE, "∂L/∂b_h differs from autograd by " + db);
        assertTrue(dx <= TOLERANCE, "∂L/∂x differs from autograd by " + dx);
        assertTrue(dh0 <= TOLERANCE, "∂L/∂h_0 differs from autograd by " + dh0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn_small", "rnn_long"})
    void theOracleGradientsAreNotTrivial(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        // a comparison against zeros would prove nothing
        for (String name : new String[] {"grad_W_h", "grad_b_h", "grad_x", "grad_h0"}) {
            assertTrue(o.get(name).norm2Number().doubleValue() > 1e-3, name);
        }
    }
}
