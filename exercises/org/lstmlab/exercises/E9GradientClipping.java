package org.lstmlab.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E9 — gradient-norm clipping (10 points). Notebook: {@code 01-rnn-vanishing-gradients}.
 *
 * <p>Implement {@link #clipGradients} after Pascanu, Mikolov &amp; Bengio (2013): with the global norm
 * {@code ‖g‖ = sqrt(Σ over every array of Σ g²)}, return {@code g · θ / ‖g‖} when {@code ‖g‖ > θ} and
 * {@code g} unchanged otherwise. One norm for all arrays together — not one per array — so the
 * direction of the whole gradient is kept. Return new arrays under the same names; do not modify the
 * arguments.
 */
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
        // TODO E9: g · θ/‖g‖ when ‖g‖ > θ, else g
        //        g · θ/‖g‖ khi ‖g‖ > θ, ngược lại giữ nguyên g
        throw new UnsupportedOperationException("E9 (gradient-norm clipping) is not implemented yet: E9GradientClipping.clipGradients must compute g · θ/‖g‖ when ‖g‖ > θ, else g. Notebook 01-rnn-vanishing-gradients explains it. / E9 (cắt gradient theo chuẩn) chưa làm: E9GradientClipping.clipGradients phải tính g · θ/‖g‖ khi ‖g‖ > θ, ngược lại giữ nguyên g. Notebook 01-rnn-vanishing-gradients giải thích phần này.");
    }
}
