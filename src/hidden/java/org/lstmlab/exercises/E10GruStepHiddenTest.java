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
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E10's hidden tests: the student's step chained over a short sequence, each step fed the h_t it returned, against
 * the library's GruCell in float64 — an error that one step hides (state kept between calls, inputs changed in
 * place) grows along the chain. Graded at submission only.
 */
@HiddenTests(E10GruStepTest.class)
class E10GruStepHiddenTest {

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(value = 2, first = 101)
    @Points(value = 3, visibility = Visibility.HIDDEN)
    @DisplayName("steps chained over a sequence follow GruCell")
    void chainedStepsFollowTheLibraryAlongASequence(Draw draw, E10GruStepTest.E10GruStep student) {
        int steps = draw.between(3, 6); // T
        GruParams p = draw.gruParams(); // W [H, H+X], b [H]
        INDArray h = draw.uniform(1, draw.b(), draw.h()); // h_0, [B, H]
        GruCell cell = new GruCell(p);
        INDArray want = h;
        for (int t = 1; t <= steps; t++) {
            INDArray x = draw.uniform(3, draw.b(), draw.x()); // x_t, [B, X]
            want = cell.forward(x, want).h();
            h = student.gruStep(x, h, p);
            Expect.close(say("hint.E10.atStep", t, steps), want, h, draw);
        }
    }
}
