package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.nn.TestArrays.normal;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** float32 on request: the same seed gives the same parameters rounded to float, and the cells run in float. */
class Float32Test {
    @Test
    void lstmInFloatAgreesWithDoubleToFloatPrecision() {
        LstmParams d = LstmParams.init(3, 4, Init.UNIFORM, 1.0, 7, DataType.DOUBLE);
        LstmParams f = LstmParams.init(3, 4, Init.UNIFORM, 1.0, 7, DataType.FLOAT);
        assertEquals(DataType.FLOAT, f.dataType());
        for (var e : f.named().entrySet()) {
            assertEquals(DataType.FLOAT, e.getValue().dataType(), e.getKey());
            assertEquals(d.named().get(e.getKey()).castTo(DataType.FLOAT), e.getValue(), e.getKey());
        }
        INDArray xs = normal(1, 2, 6, 3);
        INDArray h0 = normal(2, 2, 4);
        INDArray c0 = normal(3, 2, 4);
        LstmCell fc = new LstmCell(f);
        LstmSequence fs =
                fc.forwardSequence(xs.castTo(DataType.FLOAT), h0.castTo(DataType.FLOAT), c0.castTo(DataType.FLOAT));
        LstmSequence ds = new LstmCell(d).forwardSequence(xs, h0, c0);
        assertEquals(DataType.FLOAT, fs.hs().dataType());
        assertEquals(DataType.FLOAT, fs.steps().get(3).f().dataType());
        assertTrue(fs.hs().castTo(DataType.DOUBLE).sub(ds.hs()).amaxNumber().doubleValue() < 1e-5);
        assertTrue(fs.cs().castTo(DataType.DOUBLE).sub(ds.cs()).amaxNumber().doubleValue() < 1e-5);
        INDArray dHs = normal(4, 2, 6, 4);
        LstmGrads fg = fc.backwardSequence(fs, dHs.castTo(DataType.FLOAT));
        LstmGrads dg = new LstmCell(d).backwardSequence(ds, dHs);
        assertEquals(DataType.FLOAT, fg.params().wF().dataType());
        assertTrue(fg.params()
                        .wO()
                        .castTo(DataType.DOUBLE)
                        .sub(dg.params().wO())
                        .amaxNumber()
                        .doubleValue()
                < 1e-4);
        assertTrue(fg.dxs().castTo(DataType.DOUBLE).sub(dg.dxs()).amaxNumber().doubleValue() < 1e-4);
    }

    @Test
    void rnnInFloatAgreesWithDoubleToFloatPrecision() {
        RnnParams d = RnnParams.init(2, 5, Init.XAVIER, 8, DataType.DOUBLE);
        RnnParams f = RnnParams.init(2, 5, Init.XAVIER, 8, DataType.FLOAT);
        assertEquals(DataType.FLOAT, f.bH().dataType());
        RnnCell fc = new RnnCell(f);
        INDArray xs = normal(5, 3, 4, 2);
        RnnSequence fs = fc.run(xs.castTo(DataType.FLOAT));
        RnnSequence ds = new RnnCell(d).run(xs);
        assertEquals(DataType.FLOAT, fs.hs().dataType());
        assertTrue(fs.hs().castTo(DataType.DOUBLE).sub(ds.hs()).amaxNumber().doubleValue() < 1e-5);
        var grads = fc.parameterGradients(fs, normal(6, 3, 4, 5).castTo(DataType.FLOAT));
        assertEquals(DataType.FLOAT, grads.get("W_h").dataType());
    }
}
