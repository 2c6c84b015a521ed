package org.lstmlab.nn.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.OracleFixture;
import org.lstmlab.nn.PyTorchLstm;

/** The fused LSTM against PyTorch: the same fixtures and tolerance as {@link org.lstmlab.nn.LstmOracleTest}. */
class FusedLstmOracleTest {
    private static FusedLstm fusedFromPyTorchLayout(OracleFixture o, boolean stacked) {
        PyTorchLstm torch =
                new PyTorchLstm(o.get("weight_ih_l0"), o.get("weight_hh_l0"), o.get("bias_ih_l0"), o.get("bias_hh_l0"));
        LstmParams course = torch.toCourse();
        return new FusedLstm(stacked ? FusedLstm.stacked(course) : course);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void statesAndLossAgreeWithTorch(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        for (boolean stacked : new boolean[] {false, true}) {
            FusedLstm.Pass run =
                    fusedFromPyTorchLayout(o, stacked).forwardSequence(o.get("x"), o.get("h0"), o.get("c0"));
            assertTrue(OracleFixture.maxAbsDiff(o.get("h"), run.hs()) <= OracleFixture.TOLERANCE, "h_t");
            assertTrue(OracleFixture.maxAbsDiff(o.get("C"), run.cs()) <= OracleFixture.TOLERANCE, "C_t");
            double loss = run.hs().mul(o.get("loss_weights")).sumNumber().doubleValue();
            assertEquals(o.scalar("loss"), loss, OracleFixture.TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void everyGradientAgreesWithTorchAutograd(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        for (boolean stacked : new boolean[] {false, true}) {
            FusedLstm lstm = fusedFromPyTorchLayout(o, stacked);
            LstmGrads g = lstm.backwardSequence(
                    lstm.forwardSequence(o.get("x"), o.get("h0"), o.get("c0")), o.get("loss_weights"));
            for (var e : g.params().named().entrySet()) {
                double diff = OracleFixture.maxAbsDiff(o.get("grad_" + e.getKey()), e.getValue());
                assertTrue(diff <= OracleFixture.TOLERANCE, "∂L/∂" + e.getKey() + " differs from autograd by " + diff);
            }
            assertTrue(OracleFixture.maxAbsDiff(o.get("grad_x"), g.dxs()) <= OracleFixture.TOLERANCE, "∂L/∂x");
            assertTrue(OracleFixture.maxAbsDiff(o.get("grad_h0"), g.dh0()) <= OracleFixture.TOLERANCE, "∂L/∂h_0");
            assertTrue(OracleFixture.maxAbsDiff(o.get("grad_c0"), g.dc0()) <= OracleFixture.TOLERANCE, "∂L/∂C_0");
        }
    }
}
