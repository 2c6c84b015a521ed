package org.lstmlab.exercises;

import static org.lstmlab.grade.author.Expect.mistake;
import static org.lstmlab.grade.author.Say.say;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grad.GradientFlow;
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

/**
 * E2: the norms ‖∂h_T/∂h_t‖ of an RNN through time, checked against the library's
 * {@code GradientFlow.rnn} (its Frobenius norms, indexed by the lag T − t).
 */
@Exercise(
        id = "E2",
        title = "gradient norms through time",
        points = 12,
        notebook = "01-rnn-vanishing-gradients",
        mustNotUse = "org.lstmlab.grad.")
class E2GradientNormsTest {

    /** The student's E2GradientNorms: every call runs in the sandbox. */
    interface E2GradientNorms {
        @Computes("‖∂h_T/∂h_t‖ for every t, with ∂h_t/∂h_{t-1} = diag(1 − h_t²) · W_hh")
        double[] gradientNorms(RnnParams p, INDArray xs, INDArray h0);
    }

    @Test
    @Points(5)
    void fixedCase(E2GradientNorms student, Draws draws) {
        expectNorms(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(2), draw -> expectNorms(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index}")
    @RandomisedCases(2)
    @Points(5)
    void randomisedCases(Draw draw, E2GradientNorms student) {
        expectNorms(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index}")
    @RandomisedCases(2)
    @Points(2)
    @DisplayName("one finite, positive norm per step")
    void oneFinitePositiveNormPerStep(Draw draw, E2GradientNorms student) {
        Inputs in = Inputs.draw(draw);
        double[] norms = student.gradientNorms(in.p(), in.xs(), in.h0());
        if (norms.length != in.steps()) {
            throw new AssertionError(say("hint.E2.count", norms.length, in.steps()) + " (" + in + ")");
        }
        for (double v : norms) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new AssertionError(say("hint.E2.positive", v) + " (" + in + ")");
            }
        }
    }

    /** The student's norms against the library's, naming the usual mistakes. */
    private static void expectNorms(E2GradientNorms student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        double[] frobenius =
                GradientFlow.rnn(new RnnCell(in.p()), in.xs(), in.h0()).frobenius(); // lags 0 … T
        int steps = in.steps();
        double[] expected = new double[steps];
        double[] reversed = new double[steps];
        for (int t = 0; t < steps; t++) {
            expected[t] = frobenius[steps - t]; // ‖∂h_T/∂h_t‖ has lag T − t
            reversed[t] = frobenius[t + 1];
        }
        INDArray got = Nd4j.create(student.gradientNorms(in.p(), in.xs(), in.h0()));
        Expect.close(
                "‖∂h_T/∂h_t‖ [T]",
                Nd4j.create(expected),
                got,
                in,
                mistake(() -> Nd4j.create(reversed), say("hint.E2.reversed")),
                mistake(() -> withoutSlope(in.p(), steps), say("hint.E2.noSlope")));
    }

    /** ‖W_hh^(T−t)‖ for every t: the norms of a student who forgot diag(1 − h_t²). */
    private static INDArray withoutSlope(RnnParams p, int steps) {
        INDArray wHh = p.recurrentBlock().dup(); // W_hh, [H, H]
        INDArray product = Nd4j.eye(p.hiddenSize()).castTo(wHh.dataType());
        double[] norms = new double[steps];
        for (int t = steps; t >= 1; t--) {
            product = product.mmul(wHh);
            norms[t - 1] = product.norm2Number().doubleValue();
        }
        return Nd4j.create(norms);
    }

    /** One sequence: B = 1, X and H from the draw, T steps. */
    private record Inputs(Draw draw, int steps, RnnParams p, INDArray xs, INDArray h0) {
        static Inputs draw(Draw d) {
            int steps = d.isFixed() ? 8 : d.between(5, 12);
            RnnParams p = d.rnnParams(1.2, 0.5); // W_h [H, H+X], b_h [H]
            INDArray xs = d.uniform(1, 1, steps, d.x()); // x_1 … x_T, [1, T, X]
            INDArray h0 = d.uniform(0.5, 1, d.h()); // h_0, [1, H]
            return new Inputs(d, steps, p, xs, h0);
        }

        @Override
        public String toString() {
            String sizes = "seed " + draw.seed() + ", X=" + draw.x() + ", H=" + draw.h() + ", T=" + steps;
            return draw.isFixed() ? say("case.fixed", sizes) : sizes;
        }
    }
}
