package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstmlab.grad.GradientCheck;
import org.lstmlab.grad.GradientCheckReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every {@link LstmVariant} of the one LSTM cell: its forward pass is the full cell's equations with the named
 * change, written here again from the equations, and its backward pass agrees with central differences.
 */
class LstmVariantTest {
    static final double BOUND = 1e-7;

    private static final List<String> SEQUENCE_ROWS =
            List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o", "x", "h_0", "C_0");

    @ParameterizedTest
    @EnumSource(LstmVariant.class)
    void sequenceBackwardMatchesCentralDifferences(LstmVariant variant) {
        var cell = new LstmCell(LstmParams.init(2, 3, 31), variant);
        GradientCheckReport report =
                GradientCheck.sequence(cell, normal(4, 2, 4, 2), normal(5, 2, 3).muli(0.5), normal(6, 2, 3));
        assertEquals(
                SEQUENCE_ROWS,
                report.rows().stream().map(GradientCheckReport.Row::name).toList());
        assertUsedArraysPass(variant, report);
    }

    /**
     * Every row but the removed gate's weights and bias, whose analytic gradient is exactly zero and whose numeric
     * one is rounding noise over a zero floor ({@link #aRemovedGatesWeightsGetNoGradientAndChangeNothing} checks them).
     */
    private static void assertUsedArraysPass(LstmVariant variant, GradientCheckReport report) {
        List<String> unused = unused(variant);
        for (GradientCheckReport.Row r : report.rows()) {
            if (unused.contains(r.name())) continue;
            assertTrue(
                    r.maxRelativeError() < BOUND,
                    variant + ": " + r.name() + " " + r.maxRelativeError() + "\n" + report);
        }
    }

    @ParameterizedTest
    @EnumSource(LstmVariant.class)
    void stepBackwardMatchesCentralDifferencesThroughBothIncomingGradients(LstmVariant variant) {
        var cell = new LstmCell(LstmParams.init(2, 3, 32), variant);
        GradientCheckReport report =
                GradientCheck.step(cell, normal(1, 3, 2), normal(2, 3, 3).muli(0.5), normal(3, 3, 3));
        assertUsedArraysPass(variant, report);
    }

    private static List<String> unused(LstmVariant variant) {
        return switch (variant) {
            case NO_FORGET_GATE -> List.of("W_f", "b_f");
            case NO_INPUT_GATE, COUPLED_INPUT_FORGET -> List.of("W_i", "b_i");
            case NO_OUTPUT_GATE -> List.of("W_o", "b_o");
            default -> List.of();
        };
    }

    @ParameterizedTest
    @EnumSource(LstmVariant.class)
    void forwardIsTheFullCellsEquationsWithTheOneChange(LstmVariant variant) {
        LstmParams p = LstmParams.init(3, 4, 33);
        INDArray x = normal(7, 2, 3);
        INDArray hPrev = normal(8, 2, 4).muli(0.5);
        INDArray cPrev = normal(9, 2, 4);
        INDArray hx = Nd4j.concat(1, hPrev, x);
        INDArray f = gate(p.wF(), p.bF(), hx);
        INDArray i = gate(p.wI(), p.bI(), hx);
        INDArray o = gate(p.wO(), p.bO(), hx);
        INDArray ones = Nd4j.onesLike(cPrev);
        switch (variant) {
            case NO_FORGET_GATE -> f = ones;
            case NO_INPUT_GATE -> i = ones;
            case COUPLED_INPUT_FORGET -> i = f.rsub(1);
            case NO_OUTPUT_GATE -> o = ones;
            default -> {}
        }
        INDArray cTilde = Transforms.tanh(hx.mmul(p.wC().transpose()).addRowVector(p.bC()));
        INDArray c = f.mul(cPrev).add(i.mul(cTilde));
        INDArray h = o.mul(variant == LstmVariant.NO_OUTPUT_ACTIVATION ? c : Transforms.tanh(c));

        LstmStep s = new LstmCell(p, variant).forward(x, hPrev, cPrev);
        assertEquals(0, OracleFixture.maxAbsDiff(f, s.f()), 1e-15, "f_t");
        assertEquals(0, OracleFixture.maxAbsDiff(i, s.i()), 1e-15, "i_t");
        assertEquals(0, OracleFixture.maxAbsDiff(c, s.c()), 1e-15, "C_t");
        assertEquals(0, OracleFixture.maxAbsDiff(o, s.o()), 1e-15, "o_t");
        assertEquals(0, OracleFixture.maxAbsDiff(h, s.h()), 1e-15, "h_t");
    }

    @ParameterizedTest
    @EnumSource(
            value = LstmVariant.class,
            names = {"NO_FORGET_GATE", "NO_INPUT_GATE", "COUPLED_INPUT_FORGET", "NO_OUTPUT_GATE"})
    void aRemovedGatesWeightsGetNoGradientAndChangeNothing(LstmVariant variant) {
        LstmParams p = LstmParams.init(2, 3, 34);
        INDArray xs = normal(10, 2, 5, 2);
        INDArray dHs = normal(11, 2, 5, 3);
        var cell = new LstmCell(p, variant);
        INDArray before = cell.run(xs).hs();
        var grads = cell.parameterGradients(cell.run(xs), dHs);
        for (String symbol : unused(variant)) {
            assertEquals(0, grads.get(symbol).amaxNumber().doubleValue(), variant + ": ∂L/∂" + symbol);
            cell.parameters().get(symbol).addi(1);
        }
        assertEquals(0, OracleFixture.maxAbsDiff(before, cell.run(xs).hs()), variant + ": h_t moved");
    }

    @Test
    void theOneArgumentConstructorIsTheFullCell() {
        LstmParams p = LstmParams.init(2, 3, 35);
        assertEquals(LstmVariant.FULL, new LstmCell(p).variant());
        INDArray xs = normal(12, 2, 4, 2);
        assertEquals(
                0,
                OracleFixture.maxAbsDiff(
                        new LstmCell(p).run(xs).hs(),
                        new LstmCell(p, LstmVariant.FULL).run(xs).hs()));
    }

    @Test
    void withoutAForgetGateTheCellStateOnlyAddsUp() {
        // C_t = C_{t-1} + i_t * C̃_t: with a constant positive input the state climbs by nearly the same amount each
        // step
        LstmParams p = LstmParams.init(1, 2, Init.UNIFORM, 0, 36, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        p.bC().assign(3);
        p.bI().assign(3);
        INDArray xs = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 50, 1);
        LstmSequence run = new LstmCell(p, LstmVariant.NO_FORGET_GATE).run(xs);
        LstmSequence full = new LstmCell(p).run(xs);
        double grown = run.lastC().amaxNumber().doubleValue();
        assertTrue(grown > 40, "|C_50| of the cell without forget gate is " + grown);
        assertTrue(full.lastC().amaxNumber().doubleValue() < grown, "the forget gate keeps C_t smaller");
    }

    private static INDArray gate(INDArray w, INDArray b, INDArray hx) {
        return Transforms.sigmoid(hx.mmul(w.transpose()).addRowVector(b));
    }
}
