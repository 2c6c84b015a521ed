package org.lstmlab.exercises;

import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A common mistake: the reset gate applied to h_{t-1} before the product with W_hn (Cho et al.'s form). */
public final class E10GruStep {
    private E10GruStep() {}

    public static INDArray gruStep(INDArray x, INDArray hPrev, GruParams p) {
        INDArray hx = Nd4j.concat(1, hPrev, x);
        INDArray z = Transforms.sigmoid(hx.mmul(p.wZ().transpose()).addiRowVector(p.bZ()));
        INDArray r = Transforms.sigmoid(hx.mmul(p.wR().transpose()).addiRowVector(p.bR()));
        INDArray hn = r.mul(hPrev).mmul(p.wHn().transpose()).addiRowVector(p.bHn()); // r_t before the product
        INDArray n = Transforms.tanh(x.mmul(p.wXn().transpose()).addiRowVector(p.bN()).addi(hn));
        return z.rsub(1).muli(n).addi(z.mul(hPrev));
    }
}
