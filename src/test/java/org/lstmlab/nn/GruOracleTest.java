package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The GRU against PyTorch's {@code nn.GRU}: fixtures from src/test/resources/oracle/make_fixtures.py (the course
 * layout is cut from PyTorch's weights there and cross-checked against the module), float64, tolerance 1e-10.
 */
class GruOracleTest {
    static final double TOLERANCE = OracleFixture.TOLERANCE;

    private static GruCell cell(OracleFixture o) {
        return new GruCell(new GruParams(
                o.get("W_z"), o.get("b_z"), o.get("W_r"), o.get("b_r"), o.get("W_n"), o.get("b_n"), o.get("b_hn")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru_small", "gru_long"})
    void everyGateAndStateAgreesWithTorchAtEveryStep(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        GruSequence seq = cell(o).forwardSequence(o.get("x"), o.get("h0"));
        assertEquals(o.get("x").size(1), seq.length());
        for (int t = 0; t < seq.length(); t++) {
            GruStep s = seq.steps().get(t);
            Map<String, INDArray> ours = Map.of("z", s.z(), "r", s.r(), "n", s.n(), "h", s.h());
            for (var e : ours.entrySet()) {
                double diff = OracleFixture.maxAbsDiff(o.at(e.getKey(), t), e.getValue());
                assertTrue(diff <= TOLERANCE, e.getKey() + " at step " + (t + 1) + " differs from torch by " + diff);
            }
        }
        assertTrue(OracleFixture.maxAbsDiff(o.get("h"), seq.hs()) <= TOLERANCE, "hs");
        assertEquals(
                o.scalar("loss"),
                seq.hs().mul(o.get("loss_weights")).sumNumber().doubleValue(),
                TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru_small", "gru_long"})
    void everyGradientAgreesWithTorchAutograd(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        GruCell cell = cell(o);
        GruGrads g = cell.backwardSequence(cell.forwardSequence(o.get("x"), o.get("h0")), o.get("loss_weights"));
        for (var e : g.params().named().entrySet()) {
            double diff = OracleFixture.maxAbsDiff(o.get("grad_" + e.getKey()), e.getValue());
            assertTrue(diff <= TOLERANCE, "∂L/∂" + e.getKey() + " differs from autograd by " + diff);
        }
        assertTrue(OracleFixture.maxAbsDiff(o.get("grad_x"), g.dxs()) <= TOLERANCE, "∂L/∂x");
        assertTrue(OracleFixture.maxAbsDiff(o.get("grad_h0"), g.dh0()) <= TOLERANCE, "∂L/∂h_0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru_small", "gru_long"})
    void theRecurrentLayerViewGivesTheSameGradientsFromAZeroState(String fixture) {
        OracleFixture o = OracleFixture.load(fixture);
        GruCell cell = cell(o);
        INDArray zeros = o.get("h0").mul(0);
        GruGrads want = cell.backwardSequence(cell.forwardSequence(o.get("x"), zeros), o.get("loss_weights"));
        Map<String, INDArray> got = cell.parameterGradients(cell.run(o.get("x")), o.get("loss_weights"));
        assertEquals(want.params().named().keySet(), got.keySet());
        for (var e : want.params().named().entrySet()) {
            assertTrue(OracleFixture.maxAbsDiff(e.getValue(), got.get(e.getKey())) <= 1e-15, e.getKey());
        }
    }

    @Test
    void aTransposedHiddenStateIsNamedWithBothShapes() {
        GruCell cell = new GruCell(GruParams.init(2, 3, 1));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> cell.forward(TestArrays.normal(1, 4, 2), TestArrays.normal(2, 3, 4)));
        assertTrue(e.getMessage().startsWith("h_{t-1} must be [B, H] = [4, 3] but is [3, 4]"), e.getMessage());
    }
}
