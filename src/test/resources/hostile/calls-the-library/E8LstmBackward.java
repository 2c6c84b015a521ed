package org.lstmlab.exercises;

import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: E8 handed to the library's own backward pass instead of written. */
public final class E8LstmBackward {
    private E8LstmBackward() {}

    public static LstmStepGrads lstmStepBackward(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p,
                                                 INDArray dh, INDArray dc) {
        LstmCell cell = new LstmCell(p);
        return cell.backward(cell.forward(x, hPrev, cPrev), dh, dc);
    }
}
