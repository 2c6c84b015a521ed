package org.lstmlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every public entry point of nn refuses bad input with an IllegalArgumentException in course symbols. */
class BadInputTest {
    private static final int X = 3;
    private static final int H = 4;

    private static INDArray zeros(long... shape) {
        return Nd4j.zeros(DataType.DOUBLE, shape);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private final LstmCell lstm = new LstmCell(LstmParams.init(X, H, 1));
    private final RnnCell rnn = new RnnCell(RnnParams.init(X, H, 1));

    @Test
    void lstmStepForwardNamesTheWrongArrayAndBothShapes() {
        assertMessage(
                "x_t must be [B, X] = [2, 3] but is [2, 5]", () -> lstm.forward(zeros(2, 5), zeros(2, H), zeros(2, H)));
        assertMessage(
                "h_{t-1} must be [B, H] = [2, 4] but is [3, 4]: B = 2 from x_t [2, 3], and every array of the call"
                        + " needs one row per example",
                () -> lstm.forward(zeros(2, X), zeros(3, H), zeros(2, H)));
        assertMessage(
                "C_{t-1} must be [B, H] = [2, 4] but is [2, 4, 1]",
                () -> lstm.forward(zeros(2, X), zeros(2, H), zeros(2, H, 1)));
        assertMessage("x_t must be [B, X] but is null", () -> lstm.forward(null, zeros(2, H), zeros(2, H)));
    }

    @Test
    void aTransposedInputIsNamedWithTheArrayThatGaveBAndBothShapes() {
        var cell = new LstmCell(LstmParams.init(4, 8, 1)); // X = 4, H = 8
        assertMessage(
                "x_t must be [B, X] = [3, 4] but is [4, 3]: B = 3 from h_{t-1} [3, 8] and X = 4 from the parameters;"
                        + " is x_t transposed?",
                () -> cell.forward(zeros(4, 3), zeros(3, 8), zeros(3, 8)));
        var recurrent = new RnnCell(RnnParams.init(4, 8, 1));
        assertMessage(
                "x_t must be [B, X] = [3, 4] but is [4, 3]: B = 3 from h_{t-1} [3, 8] and X = 4 from the parameters;"
                        + " is x_t transposed?",
                () -> recurrent.forward(zeros(4, 3), zeros(3, 8)));
    }

    @Test
    void aStateWithAnotherBatchSizeThanTheInputNamesBoth() {
        assertMessage(
                "C_{t-1} must be [B, H] = [2, 4] but is [5, 4]: B = 2 from x_t [2, 3], and every array of the call"
                        + " needs one row per example",
                () -> lstm.forward(zeros(2, X), zeros(2, H), zeros(5, H)));
        assertMessage(
                "x must be [B, T, X] = [3, 5, 3] but is [2, 5, 1]: B = 3 from h_0 [3, 4] and X = 3 from the parameters",
                () -> lstm.forwardSequence(zeros(2, 5, 1), zeros(3, H), zeros(3, H)));
        assertMessage(
                "h_0 must be [B, H] = [2, 4] but is [1, 4]: B = 2 from x [2, 5, 3], and every array of the call"
                        + " needs one row per example",
                () -> rnn.forwardSequence(zeros(2, 5, X), zeros(1, H)));
    }

    @Test
    void lstmStepBackwardNamesTheWrongGradient() {
        LstmStep step = lstm.forward(zeros(2, X), zeros(2, H), zeros(2, H));
        assertMessage(
                "dh_t must be [B, H] = [2, 4] but is [2, 3]", () -> lstm.backward(step, zeros(2, 3), zeros(2, H)));
        assertMessage(
                "dC_t must be [B, H] = [2, 4] but is [1, 4]", () -> lstm.backward(step, zeros(2, H), zeros(1, H)));
        assertMessage(
                "step must be the LstmStep of forward(x_t, h_{t-1}, C_{t-1}) but is null",
                () -> lstm.backward(null, zeros(2, H), zeros(2, H)));
    }

    @Test
    void lstmSequenceForwardAndBackwardNameTheWrongArray() {
        assertMessage(
                "x must be [B, T, X] = [2, 5, 3] but is [2, 5, 6]",
                () -> lstm.forwardSequence(zeros(2, 5, 6), zeros(2, H), zeros(2, H)));
        assertMessage(
                "x must be [B, T, X] = [B, T, 3] but is [2, 3]",
                () -> lstm.forwardSequence(zeros(2, 3), zeros(2, H), zeros(2, H)));
        assertMessage(
                "h_0 must be [B, H] = [2, 4] but is [1, 4]: B = 2 from x [2, 5, 3], and every array of the call needs"
                        + " one row per example",
                () -> lstm.forwardSequence(zeros(2, 5, X), zeros(1, H), zeros(2, H)));
        assertMessage(
                "C_0 must be [B, H] = [2, 4] but is [2, 5]",
                () -> lstm.forwardSequence(zeros(2, 5, X), zeros(2, H), zeros(2, 5)));
        assertMessage(
                "x must have at least one step (T ≥ 1) but is [2, 0, 3]",
                () -> lstm.forwardSequence(zeros(2, 0, X), zeros(2, H), zeros(2, H)));
        LstmSequence run = lstm.forwardSequence(zeros(2, 5, X), zeros(2, H), zeros(2, H));
        assertMessage(
                "∂L/∂h must be [B, T, H] = [2, 5, 4] but is [2, 4, 4]",
                () -> lstm.backwardSequence(run, zeros(2, 4, H)));
        assertMessage(
                "run must be the LstmSequence of forwardSequence(x, h_0, C_0) but is null",
                () -> lstm.backwardSequence(null, zeros(2, 5, H)));
        assertMessage("x must be [B, T, X] = [2, 5, 3] but is [2, 5, 1]", () -> lstm.run(zeros(2, 5, 1)));
    }

    @Test
    void lstmParameterGradientsRefuseAPassFromAnotherLayer() {
        RecurrentLayer.SequencePass rnnPass = rnn.run(zeros(1, 2, X));
        assertMessage(
                "pass must come from LstmCell.run but is RnnSequence",
                () -> lstm.parameterGradients(rnnPass, zeros(1, 2, H)));
        assertMessage(
                "pass must come from LstmCell.run but is null", () -> lstm.parameterGradients(null, zeros(1, 2, H)));
    }

    @Test
    void rnnStepAndSequenceNameTheWrongArrayAndBothShapes() {
        assertMessage("x_t must be [B, X] = [2, 3] but is [2, 2]", () -> rnn.forward(zeros(2, 2), zeros(2, H)));
        assertMessage("h_{t-1} must be [B, H] = [2, 4] but is [2, 3]", () -> rnn.forward(zeros(2, X), zeros(2, 3)));
        RnnStep step = rnn.forward(zeros(2, X), zeros(2, H));
        assertMessage("dh_t must be [B, H] = [2, 4] but is [4, 2]", () -> rnn.backward(step, zeros(4, 2)));
        assertMessage(
                "step must be the RnnStep of forward(x_t, h_{t-1}) but is null", () -> rnn.backward(null, zeros(2, H)));
        assertMessage(
                "x must be [B, T, X] = [2, 5, 3] but is [2, 5, 4]",
                () -> rnn.forwardSequence(zeros(2, 5, 4), zeros(2, H)));
        assertMessage(
                "h_0 must be [B, H] = [2, 4] but is [2, 1]", () -> rnn.forwardSequence(zeros(2, 5, X), zeros(2, 1)));
        assertMessage(
                "x must have at least one step (T ≥ 1) but is [1, 0, 3]",
                () -> rnn.forwardSequence(zeros(1, 0, X), zeros(1, H)));
        RnnSequence run = rnn.forwardSequence(zeros(2, 5, X), zeros(2, H));
        assertMessage(
                "∂L/∂h must be [B, T, H] = [2, 5, 4] but is [2, 5, 3]",
                () -> rnn.backwardSequence(run, zeros(2, 5, 3)));
        assertMessage(
                "run must be the RnnSequence of forwardSequence(x, h_0) but is null",
                () -> rnn.backwardSequence(null, zeros(2, 5, H)));
        assertMessage("x must be [B, T, X] = [1, 5, 3] but is [1, 5, 2]", () -> rnn.run(zeros(1, 5, 2)));
        RecurrentLayer.SequencePass lstmPass = lstm.run(zeros(1, 2, X));
        assertMessage(
                "pass must come from RnnCell.run but is LstmSequence",
                () -> rnn.parameterGradients(lstmPass, zeros(1, 2, H)));
    }

    @Test
    void cellsNeedParameters() {
        assertMessage("params must be LstmParams but is null", () -> new LstmCell(null));
        assertMessage("params must be RnnParams but is null", () -> new RnnCell(null));
    }

    @Test
    void parameterRecordsNameTheWrongArrayAndBothShapes() {
        LstmParams p = LstmParams.init(X, H, 1);
        assertMessage(
                "b_o must be [H] = [4] but is [5]",
                () -> new LstmParams(p.wF(), p.bF(), p.wI(), p.bI(), p.wC(), p.bC(), p.wO(), zeros(5)));
        assertMessage(
                "W_C must be [H, H+X] = [4, 7] but is [7, 4]",
                () -> new LstmParams(p.wF(), p.bF(), p.wI(), p.bI(), zeros(7, 4), p.bC(), p.wO(), p.bO()));
        assertMessage(
                "W_f must be [H, H+X] with X ≥ 1 but is [4, 4]",
                () -> new LstmParams(zeros(4, 4), p.bF(), p.wI(), p.bI(), p.wC(), p.bC(), p.wO(), p.bO()));
        assertMessage("W_h must be [H, H+X] but is [4]", () -> new RnnParams(zeros(4), zeros(4)));
        assertMessage("b_h must be [H] = [4] but is [4, 1]", () -> new RnnParams(zeros(4, 7), zeros(4, 1)));
        assertMessage("W_h must be [H, H+X] but is null", () -> new RnnParams(null, zeros(4)));
    }

    @Test
    void initialisersRefuseEmptySizesAndNonFloatTypes() {
        assertMessage("X (input size) must be ≥ 1 but is 0", () -> LstmParams.init(0, H, 1));
        assertMessage("H (hidden size) must be ≥ 1 but is -2", () -> RnnParams.init(X, -2, 1));
        assertMessage(
                "parameters must be DataType.DOUBLE (the course default) or DataType.FLOAT but DataType.INT was given",
                () -> LstmParams.init(X, H, Init.UNIFORM, 0, 1, DataType.INT));
        assertMessage(
                "parameters must be DataType.DOUBLE (the course default) or DataType.FLOAT but none was given",
                () -> RnnParams.init(X, H, Init.UNIFORM, 1, null));
        assertMessage(
                "init must be Init.UNIFORM or Init.XAVIER but is null",
                () -> RnnParams.init(X, H, null, 1, DataType.DOUBLE));
        assertMessage(
                "the forget bias must be finite but is NaN",
                () -> LstmParams.init(X, H, Init.UNIFORM, Double.NaN, 1, DataType.DOUBLE));
    }

    @Test
    void pyTorchLayoutNamesPyTorchsArrays() {
        assertMessage(
                "weight_hh must be [4H, H] = [16, 4] but is [12, 4]",
                () -> new PyTorchLstm(zeros(16, X), zeros(12, 4), zeros(16), zeros(16)));
        assertMessage(
                "weight_ih must be [4H, X] = [16, 3] but is [12, 3]",
                () -> new PyTorchLstm(zeros(12, X), zeros(16, 4), zeros(16), zeros(16)));
        assertMessage(
                "bias_hh must be [4H] = [16] but is [4]",
                () -> new PyTorchLstm(zeros(16, X), zeros(16, 4), zeros(16), zeros(4)));
        String mixed = assertThrows(
                        IllegalArgumentException.class,
                        () -> new PyTorchLstm(Nd4j.zeros(DataType.FLOAT, 16, X), zeros(16, 4), zeros(16), zeros(16)))
                .getMessage();
        assertTrue(mixed.startsWith("weight_ih must be DOUBLE like the parameters but is FLOAT"), mixed);
    }

    @Test
    void mixingFloatAndDoubleSaysWhichArrayAndHowToConvertIt() {
        LstmCell floatCell = new LstmCell(LstmParams.init(X, H, Init.UNIFORM, 0, 1, DataType.FLOAT));
        INDArray fh = Nd4j.zeros(DataType.FLOAT, 2, H);
        assertMessage(
                "x must be FLOAT like the parameters but is DOUBLE: convert it with x.castTo(DataType.FLOAT)",
                () -> floatCell.forwardSequence(zeros(2, 5, X), fh, fh));
        assertMessage(
                "h_0 must be FLOAT like the parameters but is DOUBLE: convert it with h0.castTo(DataType.FLOAT)",
                () -> floatCell.forwardSequence(Nd4j.zeros(DataType.FLOAT, 2, 5, X), zeros(2, H), fh));
        assertMessage(
                "C_{t-1} must be DOUBLE like the parameters but is FLOAT: convert it with Ct1.castTo(DataType.DOUBLE)",
                () -> lstm.forward(zeros(2, X), zeros(2, H), fh));
        LstmSequence run = floatCell.forwardSequence(Nd4j.zeros(DataType.FLOAT, 2, 5, X), fh, fh);
        assertMessage(
                "∂L/∂h must be FLOAT like the parameters but is DOUBLE: convert it with .castTo(DataType.FLOAT)",
                () -> floatCell.backwardSequence(run, zeros(2, 5, H)));
        RnnCell floatRnn = new RnnCell(RnnParams.init(X, H, Init.UNIFORM, 1, DataType.FLOAT));
        assertMessage(
                "x_t must be FLOAT like the parameters but is DOUBLE: convert it with xt.castTo(DataType.FLOAT)",
                () -> floatRnn.forward(zeros(2, X), fh));
        LstmParams d = LstmParams.init(X, H, 1);
        String mixed = assertThrows(
                        IllegalArgumentException.class,
                        () -> new LstmParams(
                                d.wF(), d.bF(), d.wI().castTo(DataType.FLOAT), d.bI(), d.wC(), d.bC(), d.wO(), d.bO()))
                .getMessage();
        assertTrue(mixed.startsWith("W_i must be DOUBLE like the parameters but is FLOAT"), mixed);
    }
}
