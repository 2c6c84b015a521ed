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
 * E4: the input gate i_t = σ(W_i · [h_{t-1}, x_t] + b_i) and the candidate
 * C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C), checked against the library's LstmCell.
 */
@Exercise(
        id = "E4",
        title = "input gate and candidate",
        points = 10,
        notebook = "03-input-gate-and-candidate",
        mustNotUse = "org.lstmlab.nn.LstmCell")
class E4InputGateTest {

    /** The student's E4InputGate: every call runs in the sandbox. */
    interface E4InputGate {
        @Computes("i_t = σ(W_i · [h_{t-1}, x_t] + b_i)")
        INDArray inputGate(INDArray hPrev, INDArray x, INDArray wI, INDArray bI);

        @Computes("C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C)")
        INDArray candidate(INDArray hPrev, INDArray x, INDArray wC, INDArray bC);
    }

    @Test
    @Points(2)
    @DisplayName("i_t, fixed case")
    void inputGateFixedCase(E4InputGate student, Draws draws) {
        expectInputGate(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectInputGate(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("i_t, randomised cases")
    void inputGateRandomisedCases(Draw draw, E4InputGate student) {
        expectInputGate(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(1)
    @DisplayName("i_t is [B, H] with values in (0, 1)")
    void inputGateIsAGate(Draw draw, E4InputGate student) {
        Inputs in = Inputs.draw(draw);
        INDArray i = student.inputGate(in.hPrev(), in.x(), in.p().wI(), in.p().bI());
        Expect.shape("i_t", i, draw, draw.b(), draw.h());
        Expect.between("i_t", i, 0, 1, say("hint.tanhForSigma"), draw);
    }

    @Test
    @Points(2)
    @DisplayName("C̃_t, fixed case")
    void candidateFixedCase(E4InputGate student, Draws draws) {
        expectCandidate(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectCandidate(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("C̃_t, randomised cases")
    void candidateRandomisedCases(Draw draw, E4InputGate student) {
        expectCandidate(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(1)
    @DisplayName("C̃_t is [B, H] with values in (−1, 1)")
    void candidateIsATanh(Draw draw, E4InputGate student) {
        Inputs in = Inputs.draw(draw);
        INDArray cTilde =
                student.candidate(in.hPrev(), in.x(), in.p().wC(), in.p().bC());
        Expect.shape("C̃_t", cTilde, draw, draw.b(), draw.h());
        Expect.between("C̃_t", cTilde, -1, 1, say("hint.E4.candidateRange"), draw);
    }

    /** The student's i_t against the library's, naming the usual mistakes. */
    private static void expectInputGate(E4InputGate student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        LstmParams p = in.p();
        INDArray i = student.inputGate(in.hPrev(), in.x(), p.wI(), p.bI());
        Expect.close(
                "i_t",
                in.step().i(),
                i,
                draw,
                mistake(
                        () -> Transforms.tanh(in.z(p.wI(), false).addRowVector(p.bI())),
                        say("hint.gateTanh", "i_t", "W_i·[h_{t-1}, x_t] + b_i")),
                mistake(
                        () -> Transforms.sigmoid(in.z(p.wI(), true).addRowVector(p.bI())),
                        say("hint.hFirst", "σ(W_i·[x_t, h_{t-1}] + b_i)")),
                mistake(() -> Transforms.sigmoid(in.z(p.wI(), false)), say("hint.missesBias", "i_t", "b_i")),
                mistake(
                        () -> in.z(p.wI(), false).addRowVector(p.bI()),
                        say("hint.without", "i_t", "W_i·[h_{t-1}, x_t] + b_i", "σ")));
    }

    /** The student's C̃_t against the library's, naming the usual mistakes. */
    private static void expectCandidate(E4InputGate student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        LstmParams p = in.p();
        INDArray cTilde = student.candidate(in.hPrev(), in.x(), p.wC(), p.bC());
        Expect.close(
                "C̃_t",
                in.step().cTilde(),
                cTilde,
                draw,
                mistake(
                        () -> Transforms.sigmoid(in.z(p.wC(), false).addRowVector(p.bC())),
                        say("hint.E4.sigmaForTanh")),
                mistake(
                        () -> Transforms.tanh(in.z(p.wC(), true).addRowVector(p.bC())),
                        say("hint.hFirst", "tanh(W_C·[x_t, h_{t-1}] + b_C)")),
                mistake(() -> Transforms.tanh(in.z(p.wC(), false)), say("hint.missesBias", "C̃_t", "b_C")),
                mistake(
                        () -> in.z(p.wC(), false).addRowVector(p.bC()),
                        say("hint.without", "C̃_t", "W_C·[h_{t-1}, x_t] + b_C", "tanh")));
    }

    /** One case's inputs, drawn in this order from its seed, and the library's step on them. */
    private record Inputs(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, LstmStep step) {
        static Inputs draw(Draw d) {
            INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
            INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
            INDArray cPrev = d.uniform(1, d.b(), d.h()); // C_{t-1}, [B, H]
            LstmParams p = d.lstmParams(); // W_g [H, H+X], b_g [H]
            return new Inputs(x, hPrev, cPrev, p, new LstmCell(p).forward(x, hPrev, cPrev));
        }

        /** W·[h_{t-1}, x_t], or W·[x_t, h_{t-1}] when {@code swapped}: {@code [B, H]}. */
        INDArray z(INDArray w, boolean swapped) {
            INDArray concat = swapped ? Nd4j.concat(1, x, hPrev) : Nd4j.concat(1, hPrev, x);
            return concat.mmul(w.transpose());
        }
    }
}
