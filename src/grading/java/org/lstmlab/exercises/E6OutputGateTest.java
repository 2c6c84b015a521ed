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
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E6: the output gate o_t = σ(W_o · [h_{t-1}, x_t] + b_o) and the hidden state h_t = o_t * tanh(C_t),
 * checked against the library's LstmCell.
 */
@Exercise(
        id = "E6",
        title = "output gate and hidden state",
        points = 10,
        notebook = "05-output-gate",
        mustNotUse = "org.lstmlab.nn.LstmCell")
class E6OutputGateTest {

    /** The student's E6OutputGate: every call runs in the sandbox. */
    interface E6OutputGate {
        @Computes("o_t = σ(W_o · [h_{t-1}, x_t] + b_o)")
        INDArray outputGate(INDArray hPrev, INDArray x, INDArray wO, INDArray bO);

        @Computes("h_t = o_t * tanh(C_t)")
        INDArray hiddenState(INDArray o, INDArray c);
    }

    @Test
    @Points(2)
    @DisplayName("o_t, fixed case")
    void outputGateFixedCase(E6OutputGate student, Draws draws) {
        expectOutputGate(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectOutputGate(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("o_t, randomised cases")
    void outputGateRandomisedCases(Draw draw, E6OutputGate student) {
        expectOutputGate(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(1)
    @DisplayName("o_t is [B, H] with values in (0, 1)")
    void outputGateIsAGate(Draw draw, E6OutputGate student) {
        Inputs in = Inputs.draw(draw);
        INDArray o = student.outputGate(in.hPrev(), in.x(), in.p().wO(), in.p().bO());
        Expect.shape("o_t", o, draw, draw.b(), draw.h());
        Expect.between("o_t", o, 0, 1, say("hint.tanhForSigma"), draw);
    }

    @Test
    @Points(2)
    @DisplayName("h_t, fixed case")
    void hiddenStateFixedCase(E6OutputGate student, Draws draws) {
        expectHiddenState(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectHiddenState(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("h_t, randomised cases")
    void hiddenStateRandomisedCases(Draw draw, E6OutputGate student) {
        expectHiddenState(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(1)
    @DisplayName("h_t is [B, H] with values in (−1, 1)")
    void hiddenStateIsBounded(Draw draw, E6OutputGate student) {
        Inputs in = Inputs.draw(draw);
        INDArray h = student.hiddenState(in.step().o(), in.step().c());
        Expect.shape("h_t", h, draw, draw.b(), draw.h());
        Expect.between("h_t", h, -1, 1, say("hint.E6.hRange"), draw);
    }

    /** The student's o_t against the library's, naming the usual mistakes. */
    private static void expectOutputGate(E6OutputGate student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        LstmParams p = in.p();
        INDArray o = student.outputGate(in.hPrev(), in.x(), p.wO(), p.bO());
        Expect.close(
                "o_t",
                in.step().o(),
                o,
                draw,
                mistake(
                        () -> Transforms.tanh(in.z(false).addRowVector(p.bO())),
                        say("hint.gateTanh", "o_t", "W_o·[h_{t-1}, x_t] + b_o")),
                mistake(
                        () -> Transforms.sigmoid(in.z(true).addRowVector(p.bO())),
                        say("hint.hFirst", "σ(W_o·[x_t, h_{t-1}] + b_o)")),
                mistake(() -> Transforms.sigmoid(in.z(false)), say("hint.missesBias", "o_t", "b_o")),
                mistake(
                        () -> in.z(false).addRowVector(p.bO()),
                        say("hint.without", "o_t", "W_o·[h_{t-1}, x_t] + b_o", "σ")));
    }

    /** The student's h_t from the library's o_t and C_t against the library's h_t, naming the usual mistakes. */
    private static void expectHiddenState(E6OutputGate student, Draw draw) {
        LstmStep step = Inputs.draw(draw).step();
        INDArray o = step.o(); // o_t, [B, H]
        INDArray c = step.c(); // C_t, [B, H]
        INDArray h = student.hiddenState(o, c);
        Expect.close(
                "h_t",
                step.h(),
                h,
                draw,
                mistake(() -> o.mul(c), say("hint.E6.noTanh")),
                mistake(() -> Transforms.tanh(o.mul(c)), say("hint.E6.tanhOfProduct")),
                mistake(() -> o.add(Transforms.tanh(c)), say("hint.E6.sum")),
                mistake(() -> o.mul(Transforms.sigmoid(c)), say("hint.E6.sigmaOfC")));
    }

    /** One case's inputs, drawn in this order from its seed, and the library's step on them. */
    private record Inputs(INDArray x, INDArray hPrev, LstmParams p, LstmStep step) {
        static Inputs draw(Draw d) {
            INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
            INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
            INDArray cPrev = d.uniform(2.5, d.b(), d.h()); // C_{t-1}, [B, H]: large enough that tanh(C_t) bends
            LstmParams p = d.lstmParams(); // W_g [H, H+X], b_g [H]
            return new Inputs(x, hPrev, p, new LstmCell(p).forward(x, hPrev, cPrev));
        }

        /** W_o·[h_{t-1}, x_t], or W_o·[x_t, h_{t-1}] when {@code swapped}: {@code [B, H]}. */
        INDArray z(boolean swapped) {
            INDArray concat = swapped ? Nd4j.concat(1, x, hPrev) : Nd4j.concat(1, hPrev, x);
            return concat.mmul(p.wO().transpose());
        }
    }
}
