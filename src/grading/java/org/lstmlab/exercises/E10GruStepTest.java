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
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E10: one GRU step in PyTorch's convention, checked against the library's GruCell, naming the two usual
 * mistakes (the reset gate on h_{t-1} before the product with W_hn, z_t and 1 − z_t swapped). Its hidden tests
 * (3 points, graded at submission) are in src/hidden/java.
 */
@Exercise(
        id = "E10",
        title = "GRU step",
        points = 10,
        notebook = "09-which-parts-matter",
        mustNotUse = "org.lstmlab.nn.GruCell",
        hiddenPoints = 3)
class E10GruStepTest {

    /** The student's E10GruStep: every call runs in the sandbox. */
    interface E10GruStep {
        @Computes(
                "z_t, r_t, n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)) and h_t = (1 − z_t) * n_t + z_t * h_{t-1}")
        INDArray gruStep(INDArray x, INDArray hPrev, GruParams p);
    }

    @Test
    @Points(3)
    void fixedCase(E10GruStep student, Draws draws) {
        expectStep(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectStep(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    void randomisedCases(Draw draw, E10GruStep student) {
        expectStep(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(2)
    @DisplayName("h_t is [B, H], and an update gate held at 1 keeps h_{t-1}")
    void anUpdateGateAtOneKeepsTheOldState(Draw draw, E10GruStep student) {
        Inputs in = Inputs.draw(draw);
        INDArray h = student.gruStep(in.x(), in.hPrev(), in.p());
        Expect.shape("h_t", h, draw, draw.b(), draw.h());
        GruParams p = in.p();
        GruParams shut =
                new GruParams(p.wZ().mul(0), Nd4j.zerosLike(p.bZ()).addi(40), p.wR(), p.bR(), p.wN(), p.bN(), p.bHn());
        INDArray kept = student.gruStep(in.x(), in.hPrev(), shut); // z_t = σ(40) ≈ 1
        Expect.close(
                "h_t with z_t ≈ 1 (b_z = 40, W_z = 0)",
                in.hPrev(),
                kept,
                draw,
                mistake(() -> new GruCell(shut).forward(in.x(), in.hPrev()).n(), say("hint.E10.keptSwapped")));
    }

    /** The student's h_t against the library's, naming the usual mistakes. */
    private static void expectStep(E10GruStep student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        GruParams p = in.p();
        var want = new GruCell(p).forward(in.x(), in.hPrev()); // z_t, r_t, n_t, h_t from the library
        INDArray got = student.gruStep(in.x(), in.hPrev(), p);
        INDArray xn = in.x().mmul(p.wXn().transpose()).addRowVector(p.bN()); // W_xn·x_t + b_n
        Expect.close(
                "h_t",
                want.h(),
                got,
                draw,
                mistake(
                        () -> interpolate(
                                want.z(),
                                Transforms.tanh(xn.add(want.r()
                                        .mul(in.hPrev())
                                        .mmul(p.wHn().transpose())
                                        .addRowVector(p.bHn()))),
                                in.hPrev()),
                        say("hint.E10.resetBeforeProduct")),
                mistake(() -> interpolate(want.z().rsub(1), want.n(), in.hPrev()), say("hint.E10.swappedUpdate")),
                mistake(
                        () -> interpolate(
                                want.z(),
                                Transforms.tanh(xn.add(p.bHn().broadcast(xn.shape()))
                                        .addi(want.r()
                                                .mul(in.hPrev().mmul(p.wHn().transpose())))),
                                in.hPrev()),
                        say("hint.E10.bHnOutside")),
                mistake(
                        () -> interpolate(
                                want.z(),
                                Transforms.tanh(Nd4j.concat(1, want.r().mul(in.hPrev()), in.x())
                                        .mmul(p.wN().transpose())
                                        .addRowVector(p.bN())),
                                in.hPrev()),
                        say("hint.E10.concatenated")));
    }

    /** (1 − z) * n + z * h. */
    private static INDArray interpolate(INDArray z, INDArray n, INDArray h) {
        return z.rsub(1).mul(n).add(z.mul(h));
    }

    /** One case's inputs, drawn in this order from its seed. */
    private record Inputs(INDArray x, INDArray hPrev, GruParams p) {
        static Inputs draw(Draw d) {
            return new Inputs(
                    d.uniform(2, d.b(), d.x()), // x_t, [B, X]
                    d.uniform(1, d.b(), d.h()), // h_{t-1}, [B, H]
                    d.gruParams()); // W_z, W_r, W_n [H, H+X], b_z, b_r, b_n, b_hn [H]
        }
    }
}
