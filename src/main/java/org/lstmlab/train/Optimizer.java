package org.lstmlab.train;

import java.util.Map;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates named parameters in place from their gradients, one step at a time. The maps are those
 * of {@link org.lstmlab.nn.RecurrentLayer#parameters()} and its gradients: the same keys (course
 * symbols such as {@code W_f}) and the same shapes.
 *
 * <pre>{@code
 * Optimizer adam = Optimizer.adam(0.01);
 * adam.step(model.parameters(), gradients);   // θ ← θ − update, for every θ
 * }</pre>
 */
public interface Optimizer {
    /**
     * Applies one update to every parameter, in place.
     *
     * @param parameters θ by symbol, each array updated in place
     * @param gradients  ∂L/∂θ with the same keys and shapes
     * @throws IllegalArgumentException when a key is missing or a shape differs
     */
    void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients);

    /**
     * {@link #step(Map, Map)} on the gradients times {@code scale}, e.g. the global-norm clipping's factor
     * ({@link GradientClipping#factor}); the gradients' arrays are left as they came unless this optimiser
     * says otherwise (this default scales them in place first).
     *
     * @param scale multiplies every gradient, positive
     */
    default void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double scale) {
        if (scale != 1) {
            for (INDArray g : gradients.values()) g.muli(scale);
        }
        step(parameters, gradients);
    }

    /** The learning rate α. */
    double learningRate();

    /** Plain gradient descent with learning rate α. */
    static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** Adam with learning rate α and the paper's β1, β2 and ε. */
    static Optimizer adam(double learningRate) {
        return new Adam(learningRate);
    }

    /** Fails unless the learning rate is a positive finite number. */
    static double requireLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learning rate α must be a positive finite number but is " + learningRate);
        }
        return learningRate;
    }

    /** Fails unless the gradients carry exactly the parameters' keys and shapes. */
    static void requireMatching(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        if (!parameters.keySet().equals(gradients.keySet())) {
            throw new IllegalArgumentException("gradients must have the parameters' keys " + parameters.keySet()
                    + " but have " + gradients.keySet());
        }
        for (var e : parameters.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            Shapes.require(
                    "∂L/∂" + e.getKey(),
                    java.util.Arrays.toString(e.getValue().shape()),
                    g,
                    e.getValue().shape());
            Shapes.requireType("∂L/∂" + e.getKey(), g, e.getValue().dataType());
        }
    }
}
