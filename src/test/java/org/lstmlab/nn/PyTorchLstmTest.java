package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class PyTorchLstmTest {
    private static INDArray rows(INDArray a, int gate, int hidden) {
        return a.get(NDArrayIndex.interval(gate * hidden, (gate + 1) * hidden), NDArrayIndex.all());
    }

    @Test
    void toPyTorchThenToCourseGivesBackExactlyTheSameParameters() {
        LstmParams p = LstmParams.init(3, 4, Init.UNIFORM, 1.0, 5, DataType.DOUBLE);
        LstmParams back = p.toPyTorch().toCourse();
        for (var e : p.named().entrySet())
            assertEquals(e.getValue(), back.named().get(e.getKey()), e.getKey());
    }

    @Test
    void pyTorchLayoutStacksGateRowsInTheOrderInputForgetCandidateOutput() {
        int h = 4;
        LstmParams p = LstmParams.init(3, h, 6);
        PyTorchLstm t = p.toPyTorch();
        assertArrayEquals(new long[] {16, 3}, t.weightIh().shape());
        assertArrayEquals(new long[] {16, 4}, t.weightHh().shape());
        INDArray[] course = {p.wI(), p.wF(), p.wC(), p.wO()};
        INDArray[] bias = {p.bI(), p.bF(), p.bC(), p.bO()};
        for (int g = 0; g < 4; g++) {
            assertEquals(
                    course[g].get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)),
                    rows(t.weightHh(), g, h),
                    "gate " + g + " hh");
            assertEquals(
                    course[g].get(NDArrayIndex.all(), NDArrayIndex.interval(h, h + 3)),
                    rows(t.weightIh(), g, h),
                    "gate " + g + " ih");
            assertEquals(bias[g], t.biasIh().get(NDArrayIndex.interval(g * h, (g + 1) * h)), "gate " + g + " bias");
        }
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 16), t.biasHh());
    }

    @Test
    void toCourseAddsPyTorchsTwoBiases() {
        OracleFixture o = OracleFixture.load("lstm_small");
        PyTorchLstm t =
                new PyTorchLstm(o.get("weight_ih_l0"), o.get("weight_hh_l0"), o.get("bias_ih_l0"), o.get("bias_hh_l0"));
        LstmParams p = t.toCourse();
        // rows 4..7 are PyTorch's forget gate
        INDArray expected = o.get("bias_ih_l0")
                .get(NDArrayIndex.interval(4, 8))
                .add(o.get("bias_hh_l0").get(NDArrayIndex.interval(4, 8)));
        assertEquals(expected, p.bF());
        // and back: the two biases fold into bias_ih, the same cell
        PyTorchLstm folded = p.toPyTorch();
        LstmSequence a = new LstmCell(p).forwardSequence(o.get("x"), o.get("h0"), o.get("c0"));
        LstmSequence b = new LstmCell(folded.toCourse()).forwardSequence(o.get("x"), o.get("h0"), o.get("c0"));
        assertEquals(a.hs(), b.hs());
        assertEquals(4, t.hiddenSize());
    }
}
