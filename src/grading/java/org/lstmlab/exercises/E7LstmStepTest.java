package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.fail;
import static org.lstmlab.grade.author.Say.say;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grade.author.Computes;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Draws;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.RandomisedCases;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E7: one full LSTM step, composed from the student's own E3–E6 (compiled with it), checked against
 * the library's LstmCell. Its hidden tests (3 points, graded at submission) are in src/hidden/java.
 */
@Exercise(
        id = "E7",
        title = "full LSTM step",
        points = 12,
        notebook = "06-full-lstm",
        mustNotUse = "org.lstmlab.nn.LstmCell",
        hiddenPoints = 3)
class E7LstmStepTest {

    /** The student's E7LstmStep: every call runs in the sandbox. */
    interface E7LstmStep {
        @Computes("f_t, i_t, C̃_t, C_t, o_t, h_t in order, with your E3–E6")
        State lstmStep(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p);
    }

    /** What the student's {@code E7LstmStep.State} holds, filled by name from the numbers it returned. */
    record State(INDArray h, INDArray c) {}

    @Test
    @Points(4)
    void fixedCase(E7LstmStep student, Draws draws) {
        expectStep(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectStep(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(3)
    void randomisedCases(Draw draw, E7LstmStep student) {
        expectStep(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("h_t and C_t are [B, H], h_t in (−1, 1)")
    void stateIsBHWithBoundedH(Draw draw, E7LstmStep student) {
        Inputs in = Inputs.draw(draw);
        State s = student.lstmStep(in.x(), in.hPrev(), in.cPrev(), in.p());
        Expect.shape("h_t", s.h(), draw, draw.b(), draw.h());
        Expect.shape("C_t", s.c(), draw, draw.b(), draw.h());
        Expect.between("h_t", s.h(), -1, 1, say("hint.E7.hRange"), draw);
    }

    /** The student's h_t and C_t against the library's, naming the usual mistakes. */
    private static void expectStep(E7LstmStep student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        LstmStep want = new LstmCell(in.p()).forward(in.x(), in.hPrev(), in.cPrev());
        State got = student.lstmStep(in.x(), in.hPrev(), in.cPrev(), in.p());
        if (Expect.isClose(want.c(), got.h()) && Expect.isClose(want.h(), got.c())) {
            fail(say("hint.E7.swapped") + " (" + draw + ")");
        }
        Expect.close("C_t", want.c(), got.c(), draw);
        try {
            Expect.close("h_t", want.h(), got.h(), draw);
        } catch (AssertionError wrongH) {
            fail(say("hint.E7.wrongH", wrongH.getMessage()));
        }
    }

    /** One case's inputs, drawn in this order from its seed. */
    private record Inputs(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p) {
        static Inputs draw(Draw d) {
            return new Inputs(
                    d.uniform(2, d.b(), d.x()), // x_t, [B, X]
                    d.uniform(1, d.b(), d.h()), // h_{t-1}, [B, H]
                    d.uniform(2, d.b(), d.h()), // C_{t-1}, [B, H]
                    d.lstmParams()); // W_g [H, H+X], b_g [H]
        }
    }
}
