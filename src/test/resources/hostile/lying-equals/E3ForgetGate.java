package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: returning an INDArray whose equals is always true and whose toString lies. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        INDArray zeros = Nd4j.zeros(hPrev.dataType(), hPrev.rows(), hPrev.columns());
        return new org.nd4j.linalg.cpu.nativecpu.NDArray(zeros.data(), zeros.shape(), zeros.stride(), 0, 'c', hPrev.dataType()) {
            @Override
            public boolean equals(Object o) {
                return true;
            }

            @Override
            public int hashCode() {
                return 0;
            }

            @Override
            public String toString() {
                return "[[0.5000, 0.5000, 0.5000, 0.5000], all tests pass]";
            }
        };
    }
}
