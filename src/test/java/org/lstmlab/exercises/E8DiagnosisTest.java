package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.author.Expect;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E8's diagnosis: the feedback names the first wrong quantity along the backward chain, read off which of the
 * step's gradients are wrong; and its hidden saturated-gates test holds tiny gradients to their own size.
 */
class E8DiagnosisTest {

    @Test
    void aWrongCellGradientIsLocatedAtTheCellStateNotAtTheFirstWrongKey() {
        // a missing 1 − tanh²(C_t): everything but W_o and b_o is wrong
        var located = E8LstmBackwardTest.locate(Set.of("wF", "bF", "wI", "bI", "wC", "bC", "dx", "dhPrev", "dcPrev"));
        assertEquals("∂L/∂C_t", located.quantity());
        assertEquals("dcPrev", located.shows());
        assertTrue(located.hint().contains("1 − tanh²(C_t)"), located.hint());
    }

    @Test
    void eachLinkOfTheChainIsNamedWhenItIsTheFirstWrongOne() {
        assertEquals(
                "∂L/∂o_t",
                E8LstmBackwardTest.locate(Set.of("wO", "bO", "dx", "dhPrev")).quantity());
        assertEquals("∂L/∂b_o", E8LstmBackwardTest.locate(Set.of("bO")).quantity());
        assertEquals(
                "∂L/∂f_t",
                E8LstmBackwardTest.locate(Set.of("wF", "bF", "dx", "dhPrev")).quantity());
        assertEquals(
                "∂L/∂C̃_t",
                E8LstmBackwardTest.locate(Set.of("wC", "bC", "dx", "dhPrev")).quantity());
        assertEquals("∂L/∂b_i", E8LstmBackwardTest.locate(Set.of("bI")).quantity());
        assertEquals("∂L/∂C_{t-1}", E8LstmBackwardTest.locate(Set.of("dcPrev")).quantity());
        assertEquals("∂L/∂W_i", E8LstmBackwardTest.locate(Set.of("wI")).quantity());
        assertEquals(
                "∂L/∂h_{t-1}", E8LstmBackwardTest.locate(Set.of("dx", "dhPrev")).quantity());
        assertEquals("∂L/∂x_t", E8LstmBackwardTest.locate(Set.of("dx")).quantity());
    }

    @Test
    void aWrongSlopeOnSaturatedGatesPassesTheAbsoluteToleranceButNotTheRelativeOne() {
        var expected = Nd4j.createFromArray(new double[] {2e-9, -1e-9, 4e-9}); // ∂L/∂b_f with f_t(1 − f_t) ≈ 1e-9
        var halfSlope = expected.mul(0.5); // the same gradient with a wrong slope
        assertTrue(Expect.isClose(expected, halfSlope), "below 1e-6, the absolute tolerance passes anything");
        String problem = E8LstmBackwardHiddenTest.relativeDifference("∂L/∂b_f", expected, halfSlope);
        assertNotNull(problem);
        assertTrue(problem.startsWith("∂L/∂b_f is wrong at entry 0 relative to its size"), problem);
    }

    @Test
    void roundingOfAFloat64GradientPassesTheRelativeTolerance() {
        var expected = Nd4j.createFromArray(new double[] {2e-9, -1e-9, 4e-9, 0});
        var rounded = expected.mul(1 + 1e-12);
        assertNull(E8LstmBackwardHiddenTest.relativeDifference("∂L/∂b_f", expected, rounded));
        var zeros = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        assertNull(E8LstmBackwardHiddenTest.relativeDifference("∂L/∂b_f", zeros, zeros.dup()));
        assertNotNull(E8LstmBackwardHiddenTest.relativeDifference("∂L/∂b_f", zeros, Nd4j.ones(DataType.DOUBLE, 2, 2)));
        assertNotNull(E8LstmBackwardHiddenTest.relativeDifference("∂L/∂b_f", zeros, Nd4j.zeros(DataType.DOUBLE, 4)));
    }
}
