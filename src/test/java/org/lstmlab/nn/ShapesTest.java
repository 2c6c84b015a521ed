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
}
