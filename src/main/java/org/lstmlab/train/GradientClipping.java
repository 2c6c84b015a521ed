package org.lstmlab.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient-norm clipping by the global norm of all gradients together (Pascanu, Mikolov &amp;
 * Bengio 2013, "On the difficulty of training recurrent neural networks", Algorithm 1): when
 * {@code ‖g‖ > threshold}, every gradient is scaled by {@code threshold / ‖g‖}, which keeps the
 * direction of the step and bounds its length. It tames exploding gradients (notebook 01); it does
 * nothing for vanishing ones.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /** The global norm {@code ‖g‖ = √(Σ_θ Σ (∂L/∂θ)²)} over every array. */
    public static double globalNorm(Map<String, INDArray> gradients) {
        double sumOfSquares = 0;
        double[] values = new double[0];
        for (INDArray g : gradients.values()) {
            // one bulk copy and a loop instead of an ND4J call per array
            int n = Math.toIntExact(g.length());
            if (values.length < n) values = new double[n];
            Flat.get(g, values);
            for (int k = 0; k < n; k++) sumOfSquares += values[k] * values[k];
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * The factor the gradients are scaled by when their global norm is {@code norm}: threshold / ‖g‖ when
     * ‖g‖ is above the threshold, else 1 (also for NaN or ∞, which clipping leaves as they are).
     *
     * @param threshold the largest global norm allowed, positive
     */
    public static double factor(double norm, double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(
                    "the clipping threshold must be a positive finite number but is " + threshold);
        }
        return Double.isFinite(norm) && norm > threshold ? threshold / norm : 1;
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code threshold}.
     *
     * @param gradients ∂L/∂θ by symbol, any shapes, changed in place
     * @param threshold the largest global norm allowed, positive
     * @return the global norm before clipping (NaN or ∞ are returned as they are, the gradients untouched)
     */
    public static double clipByGlobalNorm(Map<String, INDArray> gradients, double threshold) {
        double norm = globalNorm(gradients);
        double scale = factor(norm, threshold);
        if (scale != 1) {
            double[] values = new double[0];
            for (INDArray g : gradients.values()) {
                int n = Math.toIntExact(g.length());
                if (values.length < n) values = new double[n];
                Flat.get(g, values);
                for (int k = 0; k < n; k++) values[k] *= scale; // g ← g · threshold / ‖g‖
                Flat.put(g, values);
            }
        }
        return norm;
    }
}
