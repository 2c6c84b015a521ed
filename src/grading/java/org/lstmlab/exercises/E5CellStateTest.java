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
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E5: the cell-state update C_t = f_t * C_{t-1} + i_t * C̃_t, given the gates of a step of the
 * library's LstmCell and checked against that step's C_t; and notebook 04's cell path, the norms
 * ‖F_{T,t}‖₂ = ‖Π diag(f_s)‖₂ of the forget gates of an LstmCell run, checked against GradientFlow's.
 */
@Exercise(
        id = "E5",
        title = "cell-state update",
        points = 8,
        notebook = "04-cell-state",
        mustNotUse = {"org.lstmlab.nn.LstmCell", "org.lstmlab.grad."})
class E5CellStateTest {

    /** The student's E5CellState: every call runs in the sandbox. */
    interface E5CellState {
        @Computes("C_t = f_t * C_{t-1} + i_t * C̃_t")
        INDArray cellState(INDArray f, INDArray i, INDArray cTilde, INDArray cPrev);

        @Computes("‖F_{T,t}‖₂ = ‖Π_{s=t+1..T} diag(f_s)‖₂ for every lag T − t")
        double[] cellPath(INDArray f);
    }

    @Test
    @Points(2)
    void fixedCase(E5CellState student, Draws draws) {
        expectCellState(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(3), draw -> expectCellState(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(3)
    @Points(2)
    void randomisedCases(Draw draw, E5CellState student) {
        expectCellState(student, draw);
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(1)
    @Points(1)
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

    @Test
    @Points(2)
    @DisplayName("cell path ‖Π diag(f_s)‖₂, fixed case, against GradientFlow")
    void cellPathFixedCase(E5CellState student, Draws draws) {
        expectCellPath(student, draws.fixed());
        Expect.notHardCoded(draws.randomised(2), draw -> expectCellPath(student, draw));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(1)
    @DisplayName("cell path ‖Π diag(f_s)‖₂, randomised cases, against GradientFlow")
    void cellPathRandomisedCases(Draw draw, E5CellState student) {
        expectCellPath(student, draw);
    }

    /**
     * The student's norms for the forget gates of an LstmCell run against GradientFlow's cell path on the same
     * run, naming the usual mistakes.
     */
    private static void expectCellPath(E5CellState student, Draw draw) {
        int steps = draw.between(5, 12); // T
        LstmParams p = draw.lstmParams(); // W_g [H, H+X], b_g [H]
        p.bF().addi(2); // forget gates mostly open, so the products stay well above rounding
        INDArray xs = draw.uniform(2, 1, steps, draw.x()); // x_1 … x_T, [1, T, X]
        INDArray h0 = Nd4j.zeros(DataType.DOUBLE, 1, draw.h()); // h_0, [1, H]
        INDArray c0 = Nd4j.zeros(DataType.DOUBLE, 1, draw.h()); // C_0, [1, H]
        LstmCell cell = new LstmCell(p);
        var run = cell.forwardSequence(xs, h0, c0).steps();
        INDArray f = Nd4j.zeros(DataType.DOUBLE, steps, draw.h()); // f_1 … f_T, [T, H]
        for (int s = 0; s < steps; s++) f.putRow(s, run.get(s).f().reshape(draw.h()));
        double[] want = GradientFlow.lstm(cell, xs, h0, c0).cellPath().spectral(); // [T+1]
        double[] got = student.cellPath(f.dup());
        double[][] fs = f.toDoubleMatrix();
        String where = draw + ", T = " + steps;
        Expect.close(
                "‖F_{T,t}‖₂",
                Nd4j.createFromArray(want),
                Nd4j.createFromArray(got),
                where,
                mistake(() -> Nd4j.createFromArray(lastSteps(fs, Reduce.MEAN)), say("hint.E5.pathMean")),
                mistake(
                        () -> Nd4j.createFromArray(lastSteps(fs, Reduce.ROOT_OF_SQUARES)),
                        say("hint.E5.pathFrobenius")),
                mistake(() -> Nd4j.createFromArray(firstSteps(fs)), say("hint.E5.pathFirstSteps")),
                mistake(() -> Nd4j.createFromArray(reversed(want)), say("hint.E5.pathReversed")),
                mistake(() -> Nd4j.createFromArray(meanRate(fs)), say("hint.E5.pathMeanRate")));
    }

    private enum Reduce {
        MEAN,
        ROOT_OF_SQUARES
    }

    /** Entry k: the units' products of their last k forget gates, reduced over the units. */
    private static double[] lastSteps(double[][] f, Reduce reduce) {
        int steps = f.length;
        int units = f[0].length;
        double[] product = new double[units];
        java.util.Arrays.fill(product, 1.0);
        double[] out = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            if (k > 0) for (int a = 0; a < units; a++) product[a] *= f[steps - k][a];
            double sum = 0;
            for (double v : product) sum += reduce == Reduce.MEAN ? v / units : v * v;
            out[k] = reduce == Reduce.MEAN ? sum : Math.sqrt(sum);
        }
        return out;
    }

    /** Entry k: the largest product of the first k forget gates. */
    private static double[] firstSteps(double[][] f) {
        int units = f[0].length;
        double[] product = new double[units];
        java.util.Arrays.fill(product, 1.0);
        double[] out = new double[f.length + 1];
        out[0] = 1;
        for (int k = 1; k <= f.length; k++) {
            double largest = 0;
            for (int a = 0; a < units; a++) largest = Math.max(largest, product[a] *= f[k - 1][a]);
            out[k] = largest;
        }
        return out;
    }

    /** Entry k: (mean f)^k over every unit and step. */
    private static double[] meanRate(double[][] f) {
        double sum = 0;
        for (double[] row : f) for (double v : row) sum += v;
        double mean = sum / (f.length * f[0].length);
        double[] out = new double[f.length + 1];
        for (int k = 0; k < out.length; k++) out[k] = Math.pow(mean, k);
        return out;
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) r[k] = a[a.length - 1 - k];
        return r;
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
                mistake(() -> cPrev.add(i.mul(cTilde)), say("hint.E5.noForget")),
                mistake(() -> f.mul(cPrev).addi(cTilde), say("hint.E5.noInputGate")),
                mistake(() -> f.mul(cPrev), say("hint.E5.noWrite")),
                mistake(() -> f.mul(cTilde).addi(i.mul(cPrev)), say("hint.E5.swapped")));
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
