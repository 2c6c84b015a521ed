package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The few array operations the cells are written in, named as in the equations. */
final class Ops {
    private Ops() {}

    /** [h, x], {@code [B, H+X]}: h first, as the course writes it. */
    static INDArray concat(INDArray h, INDArray x) {
        return Nd4j.concat(1, h, x);
    }

    /** W · [h, x] + b for a batch in rows: {@code hx · Wᵀ + b}, {@code [B, H]}. */
    static INDArray affine(INDArray w, INDArray b, INDArray hx) {
        return hx.mmul(w.transpose()).addiRowVector(b);
    }

    static INDArray sigmoid(INDArray z) {
        return Transforms.sigmoid(z, false);
    }

    static INDArray tanh(INDArray z) {
        return Transforms.tanh(z, true);
    }

    /** 1 − a², the derivative of tanh written in its output. */
    static INDArray oneMinusSquare(INDArray a) {
        return a.mul(a).rsubi(1);
    }

    /** a(1 − a), the derivative of σ written in its output. */
    static INDArray sigmoidSlope(INDArray a) {
        return a.rsub(1).muli(a);
    }

    /** The slice at time t of a {@code [B, T, …]} array, a {@code [B, …]} view. */
    static INDArray at(INDArray seq, int t) {
        return seq.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all());
    }

    /** Columns [from, to) of a matrix, a view. */
    static INDArray columns(INDArray m, long from, long to) {
        return m.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}
