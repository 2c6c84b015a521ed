package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParamsSumTest {
    @Test
    void lstmParamsAddiAddsEveryGateInPlace() {
        LstmParams a = LstmParams.init(3, 4, 1);
        LstmParams b = LstmParams.init(3, 4, 2);
        LstmParams before = a.copy();
        assertSame(a, a.addi(b));
        for (String name : a.named().keySet()) {
            assertEquals(
                    before.named().get(name).add(b.named().get(name)), a.named().get(name), name);
        }
    }

    @Test
    void rnnParamsAddiAddsInPlace() {
        RnnParams a = RnnParams.init(3, 4, 1);
        RnnParams b = RnnParams.init(3, 4, 2);
        RnnParams before = a.copy();
        a.addi(b);
        assertEquals(before.wH().add(b.wH()), a.wH());
        assertEquals(before.bH().add(b.bH()), a.bH());
    }

    @Test
    void addingParametersOfAnotherSizeNamesBothSizes() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> LstmParams.init(3, 4, 1).addi(LstmParams.init(2, 4, 1)));
        assertEquals("cannot add parameters of H = 4, X = 2 to parameters of H = 4, X = 3", e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> RnnParams.init(3, 4, 1).addi(RnnParams.init(3, 5, 1)));
    }
}
