package org.lstmlab.exercises;

import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** A common mistake: z_t and 1 − z_t swapped in the interpolation. */
public final class E10GruStep {
    private E10GruStep() {}

    public static INDArray gruStep(INDArray x, INDArray hPrev, GruParams p) {
        INDArray hx = Nd4j.concat(1, hPrev, x);
        INDArray z = Transforms.sigmoid(hx.mmul(p.wZ().transpose()).addiRowVector(p.bZ()));
        INDArray r = Transforms.sigmoid(hx.mmul(p.wR().transpose()).addiRowVector(p.bR()));
        INDArray hn = hPrev.mmul(p.wHn().transpose()).addiRowVector(p.bHn());
        INDArray n = Transforms.tanh(x.mmul(p.wXn().transpose()).addiRowVector(p.bN()).addi(r.mul(hn)));
        return z.mul(n).addi(z.rsub(1).muli(hPrev)); // z_t and 1 − z_t swapped
    }
}
