package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ShapesTest {
    @Test
    void wrongGateWeightNamesSymbolAndBothShapes() {
        LstmParams p = LstmParams.init(3, 4, 1);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new LstmParams(
                        p.wF(), p.bF(), Nd4j.zeros(DataType.DOUBLE, 4, 6), p.bI(), p.wC(), p.bC(), p.wO(), p.bO()));
        assertEquals("W_i must be [H, H+X] = [4, 7] but is [4, 6]", e.getMessage());
    }

    @Test
    void wildcardDimensionsAreFilledFromTheActualArray() {
        var cell = new LstmCell(LstmParams.init(3, 4, 1));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> cell.forwardSequence(
                        Nd4j.zeros(DataType.DOUBLE, 2, 5, 6),
                        Nd4j.zeros(DataType.DOUBLE, 2, 4),
                        Nd4j.zeros(DataType.DOUBLE, 2, 4)));
        assertEquals("x must be [B, T, X] = [2, 5, 3] but is [2, 5, 6]", e.getMessage());
    }

    @Test
    void theBatchSizeComesFromTheFirstArrayWhoseOtherSizesAreRight() {
        var x = Nd4j.zeros(DataType.DOUBLE, 4, 3); // transposed [B, X] with B = 3, X = 4
        var h = Nd4j.zeros(DataType.DOUBLE, 3, 8);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireBatch(
                        Shapes.batched("x_t", "[B, X]", x, 4), Shapes.batched("h_{t-1}", "[B, H]", h, 8)));
        assertEquals(
                "x_t must be [B, X] = [3, 4] but is [4, 3]: B = 3 from h_{t-1} [3, 8] and X = 4 from the parameters;"
                        + " is x_t transposed?",
                e.getMessage());
    }

    @Test
    void arraysThatAgreeOnBPassAndOneWrongSizeKeepsTheShortMessage() {
        var x = Nd4j.zeros(DataType.DOUBLE, 2, 5, 3);
        var h = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        Shapes.requireBatch(Shapes.batched("x", "[B, T, X]", x, Shapes.ANY, 3), Shapes.batched("h_0", "[B, H]", h, 4));
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireBatch(
                        Shapes.batched("x", "[B, T, X]", x, Shapes.ANY, 3),
                        Shapes.batched("h_0", "[B, H]", Nd4j.zeros(DataType.DOUBLE, 2, 5), 4)));
        assertEquals("h_0 must be [B, H] = [2, 4] but is [2, 5]", e.getMessage());
    }

    @Test
    void whenNoArrayFitsTheFirstIsNamedWithItsOwnB() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireBatch(
                        Shapes.batched("x_t", "[B, X]", Nd4j.zeros(DataType.DOUBLE, 2, 5), 3),
                        Shapes.batched("h_{t-1}", "[B, H]", Nd4j.zeros(DataType.DOUBLE, 2, 6), 4)));
        assertEquals("x_t must be [B, X] = [2, 3] but is [2, 5]", e.getMessage());
        var none = assertThrows(
                IllegalArgumentException.class,
                () -> Shapes.requireBatch(Shapes.batched("h_{t-1}", "[B, H]", null, 4)));
        assertEquals("h_{t-1} must be [B, H] but is null", none.getMessage());
    }
}
