package org.lstmlab.exercises;

import static org.lstmlab.grade.author.Say.say;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.HiddenTests;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.RandomisedCases;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * E8's hidden tests: every gradient of one step against the library's {@code LstmCell.backward} in float64, on
 * inputs large enough to saturate the gates (σ′ and tanh′ near 0, where a wrong slope still looks small, so these
 * are compared relative to each gradient's own size), with no gradient arriving from later steps (dc = 0), and the
 * student's step chained backward through two steps against the library's backpropagation through time. Graded at
 * submission only.
 */
@HiddenTests(E8LstmBackwardTest.class)
class E8LstmBackwardHiddenTest {

    private static final List<String> NAMES =
            List.of("∂L/∂W_f", "∂L/∂b_f", "∂L/∂W_i", "∂L/∂b_i", "∂L/∂W_C", "∂L/∂b_C", "∂L/∂W_o", "∂L/∂b_o");

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 101)
    @Points(value = 1, visibility = Visibility.HIDDEN)
    @DisplayName("saturated gates: every gradient equals LstmCell.backward, relative to its size")
    void saturatedGatesGiveTheLibrarysGradients(Draw draw, E8LstmBackwardTest.E8LstmBackward student) {
        INDArray x = draw.uniform(6, draw.b(), draw.x()); // x_t, [B, X], large: σ and tanh saturate
        INDArray hPrev = draw.uniform(1, draw.b(), draw.h()); // h_{t-1}, [B, H]
        INDArray cPrev = draw.uniform(3, draw.b(), draw.h()); // C_{t-1}, [B, H]
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        INDArray dh = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂h_t, [B, H]
        INDArray dc = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂C_t from later steps, [B, H]
        LstmCell cell = new LstmCell(p);
        LstmStepGrads want = cell.backward(cell.forward(x, hPrev, cPrev), dh, dc);
        LstmStepGrads got = student.lstmStepBackward(x, hPrev, cPrev, p, dh, dc);
        List<INDArray> w = parameters(want.params());
        List<INDArray> g = parameters(got.params());
        for (int k = 0; k < NAMES.size(); k++) {
            expectRelativelyClose(NAMES.get(k), w.get(k), g.get(k), draw);
        }
        expectRelativelyClose("∂L/∂x_t", want.dx(), got.dx(), draw);
        expectRelativelyClose("∂L/∂h_{t-1}", want.dhPrev(), got.dhPrev(), draw);
        expectRelativelyClose("∂L/∂C_{t-1}", want.dcPrev(), got.dcPrev(), draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 1, first = 121)
    @Points(value = 2, visibility = Visibility.HIDDEN)
    @DisplayName("two steps chained backward equal LstmCell's backpropagation through time")
    void twoChainedStepsGiveTheLibrarysBackpropagationThroughTime(
            Draw draw, E8LstmBackwardTest.E8LstmBackward student) {
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        INDArray x1 = draw.uniform(2, draw.b(), draw.x()); // x_1, [B, X]
        INDArray x2 = draw.uniform(2, draw.b(), draw.x()); // x_2, [B, X]
        INDArray h0 = draw.uniform(1, draw.b(), draw.h()); // h_0, [B, H]
        INDArray c0 = draw.uniform(2, draw.b(), draw.h()); // C_0, [B, H]
        INDArray dh1 = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂h_1 from the loss, [B, H]
        INDArray dh2 = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂h_2 from the loss, [B, H]
        LstmCell cell = new LstmCell(p);
        INDArray xs = Nd4j.stack(1, x1, x2); // [B, T = 2, X]
        LstmGrads want = cell.backwardSequence(cell.forwardSequence(xs, h0, c0), Nd4j.stack(1, dh1, dh2));
        LstmStep step1 = cell.forward(x1, h0, c0); // the states the student's steps are given
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, draw.b(), draw.h()); // nothing after step 2
        LstmStepGrads second = student.lstmStepBackward(x2, step1.h(), step1.c(), p, dh2, zeros);
        LstmStepGrads first = student.lstmStepBackward(
                x1, h0, c0, p, dh1.add(second.dhPrev()), second.dcPrev()); // both paths back into step 1
        List<INDArray> w = parameters(want.params());
        List<INDArray> g1 = parameters(first.params());
        List<INDArray> g2 = parameters(second.params());
        String where = draw + "; " + say("hint.E8.twoSteps");
        for (int k = 0; k < NAMES.size(); k++) {
            Expect.close(
                    say("hint.E8.summed", NAMES.get(k)), w.get(k), g1.get(k).add(g2.get(k)), where);
        }
        Expect.close(
                "∂L/∂x_1",
                want.dxs().get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()),
                first.dx(),
                where);
        Expect.close(
                "∂L/∂x_2",
                want.dxs().get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all()),
                second.dx(),
                where);
        Expect.close("∂L/∂h_0", want.dh0(), first.dhPrev(), where);
        Expect.close("∂L/∂C_0", want.dc0(), first.dcPrev(), where);
    }

    /** Relative error allowed against each gradient's largest |entry|, and against each entry. */
    static final double RELATIVE = 1e-6;

    /**
     * Passes when {@code actual} has the shape of {@code expected} and every entry lies within {@link #RELATIVE}
     * of the array's largest |expected| entry (plus a tenth of that of the entry itself): a gradient of size 1e-9
     * is held to 1e-15, where {@link Expect}'s absolute tolerance of 1e-6 would pass any slope.
     */
    static void expectRelativelyClose(String symbol, INDArray expected, INDArray actual, Object where) {
        String problem = relativeDifference(symbol, expected, actual);
        if (problem != null) org.junit.jupiter.api.Assertions.fail(problem + " (" + where + ")");
    }

    /** Null when close relative to the gradient's size; otherwise the first difference, in course symbols. */
    static String relativeDifference(String symbol, INDArray expected, INDArray actual) {
        if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
            return say(
                    "expect.shape",
                    symbol,
                    java.util.Arrays.toString(expected.shape()),
                    java.util.Arrays.toString(actual.shape()));
        }
        double[] e = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] g = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = 0;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < e.length; k++) {
            double allowed = RELATIVE * (scale + 0.1 * Math.abs(e[k])) + Double.MIN_NORMAL;
            if (!(Math.abs(g[k] - e[k]) <= allowed)) {
                return say("hint.E8.relative", symbol, k, Expect.fmt(scale), Expect.fmt(e[k]), Expect.fmt(g[k]));
            }
        }
        return null;
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 111)
    @Points(value = 1, visibility = Visibility.HIDDEN)
    @DisplayName("the last step (dc = 0): every gradient equals LstmCell.backward")
    void lastStepWithoutLaterGradientGivesTheLibrarysGradients(Draw draw, E8LstmBackwardTest.E8LstmBackward student) {
        INDArray x = draw.uniform(2, draw.b(), draw.x()); // x_t, [B, X]
        INDArray hPrev = draw.uniform(1, draw.b(), draw.h()); // h_{t-1}, [B, H]
        INDArray cPrev = draw.uniform(2, draw.b(), draw.h()); // C_{t-1}, [B, H]
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        INDArray dh = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂h_t, [B, H]
        INDArray dc = Nd4j.zeros(DataType.DOUBLE, draw.b(), draw.h()); // nothing from later steps
        expectLibrarysGradients(student, draw, x, hPrev, cPrev, p, dh, dc);
    }

    private static void expectLibrarysGradients(
            E8LstmBackwardTest.E8LstmBackward student,
            Draw draw,
            INDArray x,
            INDArray hPrev,
            INDArray cPrev,
            LstmParams p,
            INDArray dh,
            INDArray dc) {
        LstmCell cell = new LstmCell(p);
        LstmStepGrads want = cell.backward(cell.forward(x, hPrev, cPrev), dh, dc);
        LstmStepGrads got = student.lstmStepBackward(x, hPrev, cPrev, p, dh, dc);
        List<INDArray> w = parameters(want.params());
        List<INDArray> g = parameters(got.params());
        for (int k = 0; k < NAMES.size(); k++) {
            Expect.close(NAMES.get(k), w.get(k), g.get(k), draw);
        }
        Expect.close("∂L/∂x_t", want.dx(), got.dx(), draw);
        Expect.close("∂L/∂h_{t-1}", want.dhPrev(), got.dhPrev(), draw);
        Expect.close("∂L/∂C_{t-1}", want.dcPrev(), got.dcPrev(), draw);
    }

    private static List<INDArray> parameters(LstmParams p) {
        return List.of(p.wF(), p.bF(), p.wI(), p.bI(), p.wC(), p.bC(), p.wO(), p.bO());
    }
}
