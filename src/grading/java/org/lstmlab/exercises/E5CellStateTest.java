package org.lstmlab.exercises;

import static org.lstmlab.grade.author.Expect.mistake;

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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E5: the cell-state update C_t = f_t * C_{t-1} + i_t * C̃_t, given the gates of a step of the
 * library's LstmCell and checked against that step's C_t.
 */
@Exercise(
        id = "E5",
        title = "cell-state update",
        points = 8,
        notebook = "04-cell-state",
        mustNotUse = "org.lstmlab.nn.LstmCell")
class E5CellStateTest {

    /** The student's E5CellState: every call runs in the sandbox. */
    interface E5CellState {
        @Computes("C_t = f_t * C_{t-1} + i_t * C̃_t")
        INDArray cellState(INDArray f, INDArray i, INDArray cTilde, INDArray cPrev);
    }

    @Test
    @Points(3)
    void fixedCase(E5CellState student, Draws draws) {
        expectCellState(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectCellState(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(3)
    void randomisedCases(Draw draw, E5CellState student) {
        expectCellState(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(1)
    @Points(2)
    @DisplayName("keeps C_{t-1} when f_t = 1, i_t = 0 and writes C̃_t when f_t = 0, i_t = 1")
    void keepsAndWrites(Draw draw, E5CellState student) {
        Inputs in = Inputs.draw(draw);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, draw.b(), draw.h());
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, draw.b(), draw.h());
        Expect.close(
                "C_t",
                in.cPrev(),
                student.cellState(ones, zeros, in.step().cTilde(), in.cPrev()),
                "f_t = 1, i_t = 0, " + draw);
        Expect.close(
                "C_t",
                in.step().cTilde(),
                student.cellState(zeros, ones, in.step().cTilde(), in.cPrev()),
                "f_t = 0, i_t = 1, " + draw);
    }

    /** The student's C_t against the library's, naming the usual mistakes. */
    private static void expectCellState(E5CellState student, Draw draw) {
        Inputs in = Inputs.draw(draw);
        INDArray f = in.step().f(); // f_t, [B, H]
        INDArray i = in.step().i(); // i_t, [B, H]
        INDArray cTilde = in.step().cTilde(); // C̃_t, [B, H]
        INDArray cPrev = in.cPrev(); // C_{t-1}, [B, H]
        INDArray c = student.cellState(f, i, cTilde, cPrev);
        Expect.close(
                "C_t",
                in.step().c(),
                c,
                draw,
                mistake(
                        () -> cPrev.add(i.mul(cTilde)),
                        "C_t equals C_{t-1} + i_t * C̃_t: right only where f_t = 1;" + " check the f_t * C_{t-1} term"),
                mistake(() -> f.mul(cPrev).addi(cTilde), "C_t misses i_t: check the i_t * C̃_t term"),
                mistake(() -> f.mul(cPrev), "C_t has no i_t * C̃_t term: the input gate writes the candidate"),
                mistake(
                        () -> f.mul(cTilde).addi(i.mul(cPrev)),
                        "C_t swaps the pairs: f_t multiplies the old C_{t-1}," + " i_t the candidate C̃_t"));
    }

    /** One case's inputs, drawn in this order from its seed, and the library's step on them. */
    private record Inputs(INDArray cPrev, LstmStep step) {
        static Inputs draw(Draw d) {
            INDArray x = d.uniform(2, d.b(), d.x()); // x_t, [B, X]
            INDArray hPrev = d.uniform(1, d.b(), d.h()); // h_{t-1}, [B, H]
            INDArray cPrev = d.uniform(2, d.b(), d.h()); // C_{t-1}, [B, H]
            LstmParams p = d.lstmParams(); // W_g [H, H+X], b_g [H]
            return new Inputs(cPrev, new LstmCell(p).forward(x, hPrev, cPrev));
        }
    }
}
