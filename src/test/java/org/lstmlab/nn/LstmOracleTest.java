package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The LSTM against PyTorch: fixtures from src/test/resources/oracle/make_fixtures.py, float64, tolerance 1e-10. */
class LstmOracleTest {
    static final double TOLERANCE = OracleFixture.TOLERANCE;

    private static LstmCell cellFromPyTorchLayout(OracleFixture o) {
        PyTorchLstm torch =
                new PyTorchLstm(o.get("weight_ih_l0"), o.get("weight_hh_l0"), o.get("bias_ih_l0"), o.get("bias_hh_l0"));
        return new LstmCell(torch.toCourse());
    }

    private static LstmSequence run(OracleFixture o) {
        return cellFromPyTorchLayout(o).forwardSequence(o.get("x"), o.get("h0"), o.get("c0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void pyTorchLayoutConvertsToTheCourseWeightsTheOracleUsed(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        LstmParams course = cellFromPyTorchLayout(o).params();
        for (var e : course.named().entrySet()) {
            assertTrue(OracleFixture.maxAbsDiff(o.get(e.getKey()), e.getValue()) <= 1e-15, e.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void everyGateAndStateAgreesWithTorchAtEveryStep(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        LstmSequence seq = run(o);
        assertEquals(o.get("x").size(1), seq.length());
        for (int t = 0; t < seq.length(); t++) {
            LstmStep s = seq.steps().get(t);
            Map<String, INDArray> ours =
                    Map.of("f", s.f(), "i", s.i(), "C_tilde", s.cTilde(), "C", s.c(), "o", s.o(), "h", s.h());
            for (var e : ours.entrySet()) {
                double diff = OracleFixture.maxAbsDiff(o.at(e.getKey(), t), e.getValue());
                assertTrue(diff <= TOLERANCE, e.getKey() + " at step " + (t + 1) + " differs from torch by " + diff);
            }
        }
        assertTrue(OracleFixture.maxAbsDiff(o.get("h"), seq.hs()) <= TOLERANCE, "hs");
        assertTrue(OracleFixture.maxAbsDiff(o.get("C"), seq.cs()) <= TOLERANCE, "cs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void lossAgreesWithTorch(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        double loss = run(o).hs().mul(o.get("loss_weights")).sumNumber().doubleValue();
        assertEquals(o.scalar("loss"), loss, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void everyGradientAgreesWithTorchAutograd(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        LstmCell cell = cellFromPyTorchLayout(o);
        LstmGrads g = cell.backwardSequence(
                cell.forwardSequence(o.get("x"), o.get("h0"), o.get("c0")), o.get("loss_weights"));
        for (var e : g.params().named().entrySet()) {
            double diff = OracleFixture.maxAbsDiff(o.get("grad_" + e.getKey()), e.getValue());
            assertTrue(diff <= TOLERANCE, "∂L/∂" + e.getKey() + " differs from autograd by " + diff);
        }
        assertTrue(OracleFixture.maxAbsDiff(o.get("grad_x"), g.dxs()) <= TOLERANCE, "∂L/∂x");
        assertTrue(OracleFixture.maxAbsDiff(o.get("grad_h0"), g.dh0()) <= TOLERANCE, "∂L/∂h_0");
        assertTrue(OracleFixture.maxAbsDiff(o.get("grad_c0"), g.dc0()) <= TOLERANCE, "∂L/∂C_0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_small", "lstm_long"})
    void theRecurrentLayerInterfaceGivesTheSameParameterGradients(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        LstmCell cell = cellFromPyTorchLayout(o);
        // run() starts from zero state, unlike the fixture, so compare to backwardSequence from zero state
        INDArray x = o.get("x");
        LstmSequence pass = cell.run(x);
        Map<String, INDArray> viaInterface = cell.parameterGradients(pass, o.get("loss_weights"));
        LstmGrads direct = cell.backwardSequence(pass, o.get("loss_weights"));
        assertArrayEquals(
                direct.params().named().keySet().toArray(),
                viaInterface.keySet().toArray());
        for (var e : direct.params().named().entrySet()) {
            assertEquals(0.0, OracleFixture.maxAbsDiff(e.getValue(), viaInterface.get(e.getKey())), e.getKey());
        }
    }
}
