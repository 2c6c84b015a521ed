package org.lstmlab.exercises;

import static org.lstmlab.grade.author.Expect.mistake;
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
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** E1: one step of a vanilla RNN, h_t = tanh(W_h · [h_{t-1}, x_t] + b_h), checked against the library's RnnCell. */
@Exercise(
        id = "E1",
        title = "RNN step",
        points = 10,
        notebook = "01-rnn-vanishing-gradients",
        mustNotUse = "org.lstmlab.nn.RnnCell")
class E1RnnStepTest {

    /** The student's E1RnnStep: every call runs in the sandbox. */
    interface E1RnnStep {
        @Computes("h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)")
        INDArray rnnStep(INDArray x, INDArray hPrev, RnnParams p);
    }

    @Test
    @Points(4)
    void fixedCase(E1RnnStep student, Draws draws) {
        expectRnnStep(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectRnnStep(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(4)
    void randomisedCases(Draw draw, E1RnnStep student) {
        expectRnnStep(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("h_t is [B, H] with values in (−1, 1)")
    void hiddenStateIsATanh(Draw draw, E1RnnStep student) {
        Inputs in = Inputs.draw(draw);
        INDArray h = student.rnnStep(in.x(), in.hPrev(), in.p());
        Expect.shape("h_t", h, draw, draw.b(), draw.h());
        Expect.between("h_t", h, -1, 1, say("hint.E1.tanhRange"), draw);
    }

    /** The student's h_t against the library's, naming the usual mistakes. */
    private static void expectRnnStep(E1RnnStep student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        RnnParams p = in.p();
        INDArray expected = new RnnCell(p).forward(in.x(), in.hPrev()).h(); // h_t, [B, H]
        INDArray h = student.rnnStep(in.x(), in.hPrev(), p);
        Expect.close(
                "h_t",
                expected,
                h,
                draw,
                mistake(() -> Transforms.sigmoid(in.z(false).addRowVector(p.bH())), say("hint.E1.sigmaForTanh")),
                mistake(
                        () -> Transforms.tanh(in.z(true).addRowVector(p.bH())),
                        say("hint.hFirst", "tanh(W_h·[x_t, h_{t-1}] + b_h)")),
                mistake(() -> Transforms.tanh(in.z(false)), say("hint.missesBias", "h_t", "b_h")),
                mistake(
                        () -> in.z(false).addRowVector(p.bH()),
                        say("hint.without", "h_t", "W_h·[h_{t-1}, x_t] + b_h", "tanh")));
    }

    /** One case's inputs, drawn in this order from its seed. */
    private record Inputs(INDArray x, INDArray hPrev, RnnParams p) {
        static Inputs draw(Draw d) {
            return new Inputs(
                    d.uniform(2, d.b(), d.x()), // x_t, [B, X]
                    d.uniform(1, d.b(), d.h()), // h_{t-1}, [B, H]
                    d.rnnParams(1, 1)); // W_h [H, H+X], b_h [H]
        }

        /** W_h·[h_{t-1}, x_t], or W_h·[x_t, h_{t-1}] when {@code swapped}: {@code [B, H]}. */
        INDArray z(boolean swapped) {
            INDArray concat = swapped ? Nd4j.concat(1, x, hPrev) : Nd4j.concat(1, hPrev, x);
            return concat.mmul(p.wH().transpose());
        }
    }
}
