package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.fail;
import static org.lstmlab.grade.author.Say.say;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
import org.lstmlab.train.GradientClipping;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E9: gradient-norm clipping by the global norm (Pascanu, Mikolov &amp; Bengio 2013), checked against
 * the library's {@code GradientClipping.clipByGlobalNorm}.
 */
@Exercise(
        id = "E9",
        title = "gradient-norm clipping",
        points = 10,
        notebook = "01-rnn-vanishing-gradients",
        mustNotUse = "org.lstmlab.train.")
class E9GradientClippingTest {

    /** The student's E9GradientClipping: every call runs in the sandbox. */
    interface E9GradientClipping {
        @Computes("g · θ/‖g‖ when ‖g‖ > θ, else g")
        Map<String, INDArray> clipGradients(Map<String, INDArray> grads, double maxNorm);
    }

    @Test
    @Points(3)
    @DisplayName("scales a gradient with ‖g‖ > θ to norm θ")
    void scalesALargeGradient(E9GradientClipping student, Draws draws) {
        expectClipped(student, Case.fixed(5.0));
        Expect.notHardCoded(draws.randomised(2), draw -> expectClipped(student, Case.draw(draw)));
    }

    @Test
    @Points(3)
    @DisplayName("leaves a gradient with ‖g‖ ≤ θ unchanged")
    void leavesASmallGradient(E9GradientClipping student, Draws draws) {
        expectClipped(student, Case.fixed(50.0));
        Expect.notHardCoded(draws.randomised(2), draw -> expectClipped(student, Case.draw(draw)));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(2)
    void randomisedCases(Draw draw, E9GradientClipping student) {
        expectClipped(student, Case.draw(draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(2)
    @DisplayName("‖clipped‖ ≤ θ with the same names and shapes")
    void clippedNormIsAtMostTheta(Draw draw, E9GradientClipping student) {
        Case c = Case.draw(draw);
        Map<String, INDArray> got = student.clipGradients(c.grads(), c.theta());
        double squares = 0;
        for (Map.Entry<String, INDArray> want : c.grads().entrySet()) {
            INDArray g = got.get(want.getKey());
            if (g == null) {
                fail(say("hint.E9.missing", want.getKey()) + " (" + c + ")");
            }
            Expect.shape(want.getKey(), g, c, want.getValue().shape());
            squares += g.mul(g).sumNumber().doubleValue();
        }
        if (Math.sqrt(squares) > c.theta() * (1 + 1e-9)) {
            fail(say("hint.E9.tooLong", Expect.fmt(Math.sqrt(squares)), Expect.fmt(c.theta())) + " (" + c + ")");
        }
    }

    /** The student's clipped gradient against the library's, naming the usual mistakes. */
    private static void expectClipped(E9GradientClipping student, Case c) {
        Map<String, INDArray> want = copy(c.grads(), g -> g.dup());
        GradientClipping.clipByGlobalNorm(want, c.theta()); // in place
        Map<String, INDArray> got = student.clipGradients(c.grads(), c.theta());
        if (same(want, got)) {
            return;
        }
        if (same(copy(c.grads(), g -> perArray(g, c.theta())), got)) {
            fail(say("hint.E9.perArray") + " (" + c + ")");
        }
        if (same(copy(c.grads(), g -> g.mul(c.theta() / c.norm())), got)) {
            fail(say("hint.E9.rescaled") + " (" + c + ")");
        }
        if (same(copy(c.grads(), g -> Transforms.max(Transforms.min(g, c.theta()), -c.theta())), got)) {
            fail(say("hint.E9.clamped") + " (" + c + ")");
        }
        for (Map.Entry<String, INDArray> w : want.entrySet()) {
            INDArray g = got.get(w.getKey());
            if (g == null) {
                fail(say("hint.E9.missing", w.getKey()) + " (" + c + ")");
            }
            Expect.close(say("expected.clipped", "∂L/∂" + w.getKey()), w.getValue(), g, c);
        }
    }

    private static INDArray perArray(INDArray g, double theta) {
        double own = g.norm2Number().doubleValue();
        return own > theta ? g.mul(theta / own) : g.dup();
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> grads, Function<INDArray, INDArray> f) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        grads.forEach((k, g) -> m.put(k, f.apply(g)));
        return m;
    }

    private static boolean same(Map<String, INDArray> a, Map<String, INDArray> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Expect.isClose(e.getValue(), b.get(e.getKey())));
    }

    /**
     * A gradient of an RNN's parameters and the threshold θ.
     *
     * @param grads ∂L/∂W_h {@code [H, H+X]} and ∂L/∂b_h {@code [H]}, uniform in (−3, 3)
     */
    private record Case(Draw draw, Map<String, INDArray> grads, double norm, double theta) {
        static Case fixed(double theta) {
            Draw d = Draw.fixed();
            Map<String, INDArray> g = gradient(d);
            return new Case(d, g, norm(g), theta);
        }

        /** θ below ‖g‖ (0.3 … 0.8 of it) or above it (1.2 … 2.2 of it), half the time each. */
        static Case draw(Draw d) {
            Map<String, INDArray> g = gradient(d);
            double norm = norm(g);
            double theta = norm * (d.between(0.0, 1.0) < 0.5 ? d.between(0.3, 0.8) : d.between(1.2, 2.2));
            return new Case(d, g, norm, theta);
        }

        private static Map<String, INDArray> gradient(Draw d) {
            Map<String, INDArray> g = new LinkedHashMap<>();
            g.put("W_h", d.uniform(3, d.h(), d.h() + d.x()));
            g.put("b_h", d.uniform(3, d.h()));
            return g;
        }

        private static double norm(Map<String, INDArray> g) {
            return GradientClipping.globalNorm(g);
        }

        @Override
        public String toString() {
            return draw + ", ‖g‖ = " + Expect.fmt(norm) + ", θ = " + Expect.fmt(theta);
        }
    }
}
