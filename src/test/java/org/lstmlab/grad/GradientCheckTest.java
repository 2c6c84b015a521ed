package org.lstmlab.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GradientCheckTest {

    @Test
    void relativeErrorIsTheLargestElementWiseRatioAsInCs231n() {
        INDArray a = Nd4j.createFromArray(1.0, 2.0, -3.0);
        INDArray b = Nd4j.createFromArray(1.1, 2.0, -3.0);
        assertEquals(0.1 / 2.1, GradientCheck.relativeError(a, b), 1e-15);
        assertEquals(GradientCheck.relativeError(a, b), GradientCheck.relativeError(b, a));
    }

    @Test
    void relativeErrorOfOppositeSignsIsOne() {
        assertEquals(1.0, GradientCheck.relativeError(Nd4j.createFromArray(0.5), Nd4j.createFromArray(-0.5)), 1e-15);
    }

    @Test
    void relativeErrorFloorsTheDenominatorAtOneEMinusEight() {
        // |0 − 1e-10| / max(1e-8, 1e-10) = 1e-2, not 1
        assertEquals(1e-2, GradientCheck.relativeError(Nd4j.createFromArray(0.0), Nd4j.createFromArray(1e-10)), 1e-15);
        assertEquals(0.0, GradientCheck.relativeError(Nd4j.createFromArray(0.0), Nd4j.createFromArray(0.0)));
    }

    @Test
    void relativeErrorIsNanWhenAGradientIsNan() {
        assertTrue(Double.isNaN(
                GradientCheck.relativeError(Nd4j.createFromArray(1.0, Double.NaN), Nd4j.createFromArray(1.0, 1.0))));
    }

    @Test
    void relativeErrorOfDifferentShapesNamesBoth() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.relativeError(
                        Nd4j.zeros(DataType.DOUBLE, 4, 7), Nd4j.zeros(DataType.DOUBLE, 4, 6)));
        assertEquals(
                "analytic and numeric gradients must have the same shape but analytic is [4, 7] and numeric is [4, 6]",
                e.getMessage());
    }

    @Test
    void numericGradientOfASumOfCubesIsThreeTimesTheSquare() {
        INDArray x = normal(1, 3, 4);
        INDArray expected = x.mul(x).muli(3);
        for (Stencil s : Stencil.values()) {
            INDArray g = GradientCheck.numericGradient(
                    () -> x.mul(x).muli(x).sumNumber().doubleValue(), x, s, s.defaultEpsilon());
            double bound = s == Stencil.TWO_POINT ? 1e-6 : 1e-9; // the fourth-order formula is far more accurate
            assertTrue(
                    GradientCheck.relativeError(expected, g) < bound,
                    s + " " + GradientCheck.relativeError(expected, g));
        }
    }

    @Test
    void fivePointStencilIsExactForAQuarticWhereTwoPointIsNot() {
        // the fourth-order formula has no truncation error for polynomials of degree ≤ 4
        INDArray x = Nd4j.createFromArray(0.7);
        double eps = 0.1;
        double exact = 4 * Math.pow(0.7, 3);
        double five = GradientCheck.numericGradient(() -> Math.pow(x.getDouble(0), 4), x, Stencil.FIVE_POINT, eps)
                .getDouble(0);
        double two = GradientCheck.numericGradient(() -> Math.pow(x.getDouble(0), 4), x, Stencil.TWO_POINT, eps)
                .getDouble(0);
        assertEquals(exact, five, 1e-12);
        assertEquals(4 * 0.7 * eps * eps, two - exact, 1e-12); // (L(x+ε) − L(x−ε))/2ε − L' = 4xε² for x⁴
    }

    @Test
    void numericGradientRestoresEveryElementExactly() {
        INDArray big = normal(2, 4, 5);
        INDArray view = big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(0, 5, 2)); // a strided view
        double[] before = big.dup().data().asDouble();
        GradientCheck.numericGradient(() -> Math.sin(view.sumNumber().doubleValue()), view, Stencil.FIVE_POINT, 1e-3);
        assertArrayEquals(before, big.dup().data().asDouble(), 0.0);
    }

    @Test
    void numericGradientOfAViewPerturbsOnlyThatView() {
        INDArray big = normal(3, 3, 3);
        INDArray view = big.get(NDArrayIndex.point(1), NDArrayIndex.all());
        INDArray g = GradientCheck.numericGradient(() -> big.sumNumber().doubleValue() * 2, view);
        assertArrayEquals(new long[] {3}, g.shape());
        assertTrue(GradientCheck.relativeError(Nd4j.valueArrayOf(new long[] {3}, 2.0), g) < 1e-8);
    }

    @Test
    void numericGradientRestoresTheElementWhenTheLossThrows() {
        INDArray x = Nd4j.createFromArray(0.25, 0.5);
        var e = assertThrows(
                IllegalStateException.class,
                () -> GradientCheck.numericGradient(
                        () -> {
                            throw new IllegalStateException("boom");
                        },
                        x));
        assertEquals("boom", e.getMessage());
        assertArrayEquals(new double[] {0.25, 0.5}, x.toDoubleVector(), 0.0);
    }

    @Test
    void numericGradientRefusesFloatArraysAndBadSteps() {
        INDArray f = Nd4j.zeros(DataType.FLOAT, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.numericGradient(() -> 0, f));
        assertTrue(e.getMessage().startsWith("x must be DOUBLE for a gradient check but is FLOAT"), e.getMessage());
        INDArray d = Nd4j.zeros(DataType.DOUBLE, 2);
        for (double eps : new double[] {0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
            var bad =
                    assertThrows(IllegalArgumentException.class, () -> GradientCheck.numericGradient(() -> 0, d, eps));
            assertTrue(bad.getMessage().contains("ε must be a positive finite step")
                    && bad.getMessage().endsWith(String.valueOf(eps)));
        }
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.numericGradient(null, d));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.numericGradient(() -> 0, null));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.numericGradient(() -> 0, d, null, 1e-3));
    }

    @Test
    void aWrongAnalyticGradientIsCaught() {
        INDArray x = normal(4, 5);
        INDArray numeric =
                GradientCheck.numericGradient(() -> x.mul(x).muli(x).sumNumber().doubleValue(), x);
        INDArray wrong = x.mul(x).muli(2.9); // 2.9 x² instead of 3 x²
        assertTrue(GradientCheck.relativeError(wrong, numeric) > 1e-2);
    }

    @Test
    void checksLeaveTheCellAndTheInputsUnchanged() {
        LstmParams p = LstmParams.init(2, 2, 5);
        LstmParams before = p.copy();
        INDArray xs = normal(5, 1, 2, 2);
        INDArray h0 = normal(6, 1, 2);
        INDArray c0 = normal(7, 1, 2);
        INDArray xsBefore = xs.dup();
        GradientCheck.sequence(new LstmCell(p), xs, h0, c0);
        for (var e : p.named().entrySet()) assertEquals(before.named().get(e.getKey()), e.getValue(), e.getKey());
        assertEquals(xsBefore, xs);
    }

    @Test
    void reportHasOneRowPerArrayWithShapeAndPrintsAsATable() {
        GradientCheckReport r =
                GradientCheck.sequence(new RnnCell(RnnParams.init(2, 3, 6)), normal(8, 2, 3, 2), normal(9, 2, 3));
        assertEquals(
                List.of("W_h", "b_h", "x", "h_0"),
                r.rows().stream().map(GradientCheckReport.Row::name).toList());
        assertArrayEquals(new long[] {3, 5}, r.row("W_h").shape());
        assertArrayEquals(new long[] {2, 3, 2}, r.row("x").shape());
        assertEquals(Stencil.FIVE_POINT, r.stencil());
        String text = r.toString();
        String[] lines = text.split("\n");
        assertEquals(2 + 4 + 1, lines.length, text);
        assertTrue(
                lines[1].startsWith("array") && lines[1].contains("shape") && lines[1].contains("max relative error"),
                text);
        assertTrue(lines[2].startsWith("W_h") && lines[2].contains("[3, 5]"), text);
        assertTrue(lines[5].startsWith("h_0") && lines[5].contains("[2, 3]"), text);
        assertTrue(lines[6].startsWith("worst: "), text);
        assertTrue(r.passes(1e-7), text);
        assertFalse(r.passes(0.0));
        assertEquals(
                r.rows().stream()
                        .mapToDouble(GradientCheckReport.Row::maxRelativeError)
                        .max()
                        .orElseThrow(),
                r.worst());
    }

    @Test
    void reportRendersAsAnHtmlTableWithOneRowPerArray() {
        GradientCheckReport r = GradientCheck.step(
                new LstmCell(LstmParams.init(1, 2, 7)), normal(10, 1, 1), normal(11, 1, 2), normal(12, 1, 2));
        String html = r.toHtml();
        assertTrue(html.startsWith("<table") && html.endsWith("</table>"), html);
        assertEquals(r.rows().size() + 2, html.split("<tr>", -1).length - 1, html); // header, rows, footer
        assertTrue(html.contains("<code>h_{t-1}</code>") && html.contains("<code>C_{t-1}</code>"), html);
    }

    @Test
    void unknownRowNamesTheRowsThereAre() {
        GradientCheckReport r = new GradientCheckReport(
                Stencil.TWO_POINT, 1e-6, List.of(new GradientCheckReport.Row("W_h", new long[] {2, 3}, 1e-9)));
        var e = assertThrows(IllegalArgumentException.class, () -> r.row("W_f"));
        assertEquals("no row W_f in this check; rows are [W_h]", e.getMessage());
    }

    @Test
    void aNanRowFailsTheCheck() {
        GradientCheckReport r = new GradientCheckReport(
                Stencil.TWO_POINT,
                1e-6,
                List.of(
                        new GradientCheckReport.Row("W_h", new long[] {2, 3}, 1e-9),
                        new GradientCheckReport.Row("b_h", new long[] {2}, Double.NaN)));
        assertTrue(Double.isNaN(r.worst()));
        assertFalse(r.passes(1));
    }

    @Test
    void float32CellsAreRefusedWithTheWayOut() {
        var cell = new LstmCell(LstmParams.init(2, 3, Init.UNIFORM, 0, 1, DataType.FLOAT));
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, 2, 2);
        INDArray h = Nd4j.zeros(DataType.FLOAT, 1, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> GradientCheck.sequence(cell, x, h, h));
        assertTrue(
                e.getMessage().startsWith("the LSTM's parameters must be DOUBLE for a gradient check but are FLOAT"),
                e.getMessage());
        assertTrue(e.getMessage().contains("DataType.DOUBLE"), e.getMessage());
    }

    @Test
    void badShapesNameTheSymbolAndBothShapes() {
        var lstm = new LstmCell(LstmParams.init(3, 4, 1));
        INDArray h = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        var e1 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.sequence(lstm, Nd4j.zeros(DataType.DOUBLE, 2, 5, 6), h, h));
        assertEquals("x must be [B, T, X] = [2, 5, 3] but is [2, 5, 6]", e1.getMessage());
        var e2 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.sequence(
                        lstm, Nd4j.zeros(DataType.DOUBLE, 2, 5, 3), h, Nd4j.zeros(DataType.DOUBLE, 2, 3)));
        assertEquals("C_0 must be [B, H] = [2, 4] but is [2, 3]", e2.getMessage());
        var e3 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.sequence(
                        lstm, Nd4j.zeros(DataType.DOUBLE, 2, 5, 3), h, h, Nd4j.zeros(DataType.DOUBLE, 2, 5, 3)));
        assertEquals("w (the loss weights ∂L/∂h) must be [B, T, H] = [2, 5, 4] but is [2, 5, 3]", e3.getMessage());
        var rnn = new RnnCell(RnnParams.init(3, 4, 1));
        var e4 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.step(rnn, Nd4j.zeros(DataType.DOUBLE, 2, 3), Nd4j.zeros(DataType.DOUBLE, 2, 5)));
        assertEquals("h_{t-1} must be [B, H] = [2, 4] but is [2, 5]", e4.getMessage());
        var e5 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.sequence(rnn, Nd4j.zeros(DataType.DOUBLE, 2, 3), h));
        assertEquals("x must be [B, T, X] but is [2, 3]", e5.getMessage());
        var e7 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.step(
                        lstm,
                        Nd4j.zeros(DataType.DOUBLE, 2, 3),
                        Nd4j.zeros(DataType.DOUBLE, 2, 4),
                        Nd4j.zeros(DataType.DOUBLE, 3, 4)));
        assertEquals(
                "C_{t-1} must be [B, H] = [2, 4] but is [3, 4]: B = 2 from x_t [2, 3], and every array of the call"
                        + " needs one row per example",
                e7.getMessage());
        var e8 = assertThrows(IllegalArgumentException.class, () -> GradientCheck.step(lstm, null, h, h));
        assertEquals("x_t must be an array but is null", e8.getMessage());
        var e9 = assertThrows(IllegalArgumentException.class, () -> GradientCheck.relativeError(null, h));
        assertEquals("relativeError needs two arrays but got analytic = null", e9.getMessage());
        var e6 = assertThrows(
                IllegalArgumentException.class,
                () -> GradientCheck.sequence((RnnCell) null, Nd4j.zeros(DataType.DOUBLE, 2, 3), h));
        assertEquals("cell must be an RnnCell, LstmCell or GruCell but is null", e6.getMessage());
    }
}
