package org.lstmlab.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A mistake for the feedback tests: each array clipped by its own norm. */
public final class E9GradientClipping {
    private E9GradientClipping() {}

    /**
     * Clips a gradient by its global norm.
     *
     * @param grads   the gradient by symbol, e.g. {@code "W_h"} → {@code [H, H+X]}, {@code "b_h"} → {@code [H]}
     * @param maxNorm θ, the largest norm allowed, positive
     * @return the clipped gradient under the same names and shapes
     */
    public static Map<String, INDArray> clipGradients(Map<String, INDArray> grads, double maxNorm) {
        Map<String, INDArray> clipped = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : grads.entrySet()) {
            double norm = e.getValue().norm2Number().doubleValue();             // each array's own norm
            clipped.put(e.getKey(), e.getValue().mul(norm > maxNorm ? maxNorm / norm : 1.0));
        }
        return clipped;
    }
}
