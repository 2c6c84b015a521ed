package org.lstmlab.exercises;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile submission: does not compile (a missing semicolon and an unknown symbol). */
public final class E9GradientClipping {
    private E9GradientClipping() {}

    public static Map<String, INDArray> clipGradients(Map<String, INDArray> grads, double maxNorm) {
        double norm = globalNorm(grads)
        return grads;
    }
}
