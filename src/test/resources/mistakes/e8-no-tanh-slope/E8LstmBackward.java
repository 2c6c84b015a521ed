package org.lstmlab.exercises;

import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A mistake for the feedback tests: ∂L/∂C_t misses tanh′ = 1 − tanh²(C_t) on the path from h_t. */
public final class E8LstmBackward {
    private E8LstmBackward() {}

    /**
     * One LSTM step backward for a batch.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param cPrev C_{t-1}, {@code [B, H]}
     * @param p     the step's parameters, W_g {@code [H, H+X]} and b_g {@code [H]}
     * @param dh    ∂L/∂h_t, {@code [B, H]}
     * @param dc    ∂L/∂C_t from later steps (not through h_t), {@code [B, H]}
     * @return ∂L/∂W_g and ∂L/∂b_g (as an {@code LstmParams}), ∂L/∂x_t {@code [B, X]}, ∂L/∂h_{t-1} and
     *         ∂L/∂C_{t-1} {@code [B, H]}
     */
    public static LstmStepGrads lstmStepBackward(
            INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, INDArray dh, INDArray dc) {
        int hidden = p.hiddenSize();
        INDArray hx = Nd4j.concat(1, hPrev, x); // [B, H+X]
        INDArray f = Transforms.sigmoid(hx.mmul(p.wF().transpose()).addRowVector(p.bF())); // f_t
        INDArray i = Transforms.sigmoid(hx.mmul(p.wI().transpose()).addRowVector(p.bI())); // i_t
        INDArray cTilde = Transforms.tanh(hx.mmul(p.wC().transpose()).addRowVector(p.bC())); // C̃_t
        INDArray c = f.mul(cPrev).addi(i.mul(cTilde)); // C_t
        INDArray o = Transforms.sigmoid(hx.mmul(p.wO().transpose()).addRowVector(p.bO())); // o_t
        INDArray tanhC = Transforms.tanh(c, true); // tanh(C_t)

        INDArray dO = dh.mul(tanhC); // ∂L/∂o_t
        INDArray dC = dh.mul(o).addi(dc); // mistake: ∂L/∂C_t without the slope 1 − tanh²(C_t)
        INDArray zF = dC.mul(cPrev).muli(f.rsub(1).muli(f)); // ∂L/∂z_f
        INDArray zI = dC.mul(cTilde).muli(i.rsub(1).muli(i)); // ∂L/∂z_i
        INDArray zC = dC.mul(i).muli(cTilde.mul(cTilde).rsubi(1)); // ∂L/∂z_C
        INDArray zO = dO.muli(o.rsub(1).muli(o)); // ∂L/∂z_o
        INDArray dCPrev = dC.mul(f); // ∂L/∂C_{t-1}

        LstmParams grads = new LstmParams(
                zF.transpose().mmul(hx),
                zF.sum(0),
                zI.transpose().mmul(hx),
                zI.sum(0),
                zC.transpose().mmul(hx),
                zC.sum(0),
                zO.transpose().mmul(hx),
                zO.sum(0));
        INDArray dhx =
                zF.mmul(p.wF()).addi(zI.mmul(p.wI())).addi(zC.mmul(p.wC())).addi(zO.mmul(p.wO())); // [B, H+X]
        INDArray dhPrev =
                dhx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hidden)).dup(); // [B, H]
        INDArray dx = dhx.get(NDArrayIndex.all(), NDArrayIndex.interval(hidden, dhx.columns()))
                .dup(); // [B, X]
        return new LstmStepGrads(grads, dx, dhPrev, dCPrev);
    }
}
