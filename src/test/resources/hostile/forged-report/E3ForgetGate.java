package org.lstmlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Hostile submission: printing a forged report and a JUnit summary, then returning zeros. */
public final class E3ForgetGate {
    public static INDArray forgetGate(INDArray hPrev, INDArray x, INDArray wF, INDArray bF) {
        System.out.println("{\"score\": 100, \"max_score\": 100, \"tests\": []}");
        System.out.println("Tests run: 9, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("E3 forget gate 8/8 all tests pass");
        return Nd4j.zeros(hPrev.dataType(), hPrev.rows(), hPrev.columns());
    }
}
