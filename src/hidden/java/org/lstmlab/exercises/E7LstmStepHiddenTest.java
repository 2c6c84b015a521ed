package org.lstmlab.exercises;

import static org.lstmlab.grade.author.Say.say;

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
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E7's hidden tests: the student's step chained over a short sequence, each step fed the h_t and C_t it returned,
 * against the library's LstmCell in float64 — an error that a single step hides (C_t and h_t mixed up on the way
 * out, state kept between calls) grows along the chain. Graded at submission only.
 */
@HiddenTests(E7LstmStepTest.class)
class E7LstmStepHiddenTest {

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 101)
    @Points(value = 3, visibility = Visibility.HIDDEN)
    @DisplayName("steps chained over a sequence follow LstmCell")
    void chainedStepsFollowTheLibraryAlongASequence(Draw draw, E7LstmStepTest.E7LstmStep student) {
        int steps = draw.between(3, 6); // T
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        INDArray h = draw.uniform(1, draw.b(), draw.h()); // h_0, [B, H]
        INDArray c = draw.uniform(2, draw.b(), draw.h()); // C_0, [B, H]
        LstmCell cell = new LstmCell(p);
        INDArray wantH = h;
        INDArray wantC = c;
        for (int t = 1; t <= steps; t++) {
            INDArray x = draw.uniform(3, draw.b(), draw.x()); // x_t, [B, X]
            LstmStep want = cell.forward(x, wantH, wantC);
            E7LstmStepTest.State got = student.lstmStep(x, h, c, p);
            Expect.close(say("hint.E7.atStep", "C_t", t, steps), want.c(), got.c(), draw);
            Expect.close(say("hint.E7.atStep", "h_t", t, steps), want.h(), got.h(), draw);
            wantH = want.h();
            wantC = want.c();
            h = got.h();
            c = got.c();
        }
    }
}
