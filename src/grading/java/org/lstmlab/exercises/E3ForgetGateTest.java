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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** E3: the forget gate f_t = σ(W_f · [h_{t-1}, x_t] + b_f), checked against the library's LstmCell. */
@Exercise(
        id = "E3",
        title = "forget gate",
        points = 8,
        notebook = "02-forget-gate",
        mustNotUse = "org.lstmlab.nn.LstmCell")
class E3ForgetGateTest {

    /** The student's E3ForgetGate: every call runs in the sandbox. */
    interface E3ForgetGate {
        @Computes("f_t = σ(W_f · [h_{t-1}, x_t] + b_f)")
        INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF);
    }

    @Test
    @Points(3)
    void fixedCase(E3ForgetGate student, Draws draws) {
        expectForgetGate(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectForgetGate(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(3)
    void randomisedCases(Draw draw, E3ForgetGate student) {
        expectForgetGate(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    @DisplayName("f_t is [B, H] with values in (0, 1)")
    void forgetGateIsAGate(Draw draw, E3ForgetGate student) {
        Inputs in = Inputs.draw(draw);
        INDArray f = student.forgetGate(in.hPrev(), in.x(), in.p().wF(), in.p().bF());
        Expect.shape("f_t", f, draw, draw.b(), draw.h());
        Expect.between("f_t", f, 0, 1, say("hint.tanhForSigma"), draw);
    }

    /** The student's f_t against the library's, naming the usual mistakes. */
    private static void expectForgetGate(E3ForgetGate student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        LstmParams p = in.p();
        INDArray expected =
                new LstmCell(p).forward(in.x(), in.hPrev(), in.cPrev()).f(); // f_t from the library
        INDArray f = student.forgetGate(in.hPrev(), in.x(), p.wF(), p.bF());
        Expect.close(
                "f_t",
                expected,
                f,
                draw,
                mistake(
                        () -> Transforms.tanh(in.z(false).addRowVector(p.bF())),
                        say("hint.gateTanh", "f_t", "W_f·[h_{t-1}, x_t] + b_f")),
                mistake(
                        () -> Transforms.sigmoid(in.z(true).addRowVector(p.bF())),
                        say("hint.hFirst", "σ(W_f·[x_t, h_{t-1}] + b_f)")),
                mistake(() -> Transforms.sigmoid(in.z(false)), say("hint.missesBias", "f_t", "b_f")),
                mistake(
                        () -> in.z(false).addRowVector(p.bF()),
                        say("hint.without", "f_t", "W_f·[h_{t-1}, x_t] + b_f", "σ")));
    }

    /** One case's inputs, drawn in this order from its seed. */
    private record Inputs(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p) {
        static Inputs draw(Draw d) {
            return new Inputs(
                    d.uniform(2, d.b(), d.x()), // x_t, [B, X]
                    d.uniform(1, d.b(), d.h()), // h_{t-1}, [B, H]
                    d.uniform(1, d.b(), d.h()), // C_{t-1}, [B, H]
                    d.lstmParams()); // W_g [H, H+X], b_g [H]
        }

        /** W_f·[h_{t-1}, x_t], or W_f·[x_t, h_{t-1}] when {@code swapped}: {@code [B, H]}. */
        INDArray z(boolean swapped) {
            INDArray concat = swapped ? Nd4j.concat(1, x, hPrev) : Nd4j.concat(1, hPrev, x);
            return concat.mmul(p.wF().transpose());
        }
    }
}
