package org.lstmlab.exercises;

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
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E8's hidden tests: every gradient of one step against the library's {@code LstmCell.backward} in float64, on
 * inputs large enough to saturate the gates (σ′ and tanh′ near 0, where a wrong slope still looks small), and with
 * no gradient arriving from later steps (dc = 0). Graded at submission only.
 */
@HiddenTests(E8LstmBackwardTest.class)
class E8LstmBackwardHiddenTest {

    private static final List<String> NAMES =
            List.of("∂L/∂W_f", "∂L/∂b_f", "∂L/∂W_i", "∂L/∂b_i", "∂L/∂W_C", "∂L/∂b_C", "∂L/∂W_o", "∂L/∂b_o");

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 101)
    @Points(value = 2, visibility = Visibility.HIDDEN)
    @DisplayName("saturated gates: every gradient equals LstmCell.backward")
    void saturatedGatesGiveTheLibrarysGradients(Draw draw, E8LstmBackwardTest.E8LstmBackward student) {
        INDArray x = draw.uniform(6, draw.b(), draw.x()); // x_t, [B, X], large: σ and tanh saturate
        INDArray hPrev = draw.uniform(1, draw.b(), draw.h()); // h_{t-1}, [B, H]
        INDArray cPrev = draw.uniform(3, draw.b(), draw.h()); // C_{t-1}, [B, H]
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        INDArray dh = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂h_t, [B, H]
        INDArray dc = draw.uniform(1, draw.b(), draw.h()); // ∂L/∂C_t from later steps, [B, H]
        expectLibrarysGradients(student, draw, x, hPrev, cPrev, p, dh, dc);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 111)
    @Points(value = 2, visibility = Visibility.HIDDEN)
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
