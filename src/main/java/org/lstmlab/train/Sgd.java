package org.lstmlab.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Stochastic gradient descent: {@code θ ← θ − α·∂L/∂θ}, no momentum. */
public final class Sgd implements Optimizer {
    private final double learningRate;

    /** @param learningRate α, positive */
    public Sgd(double learningRate) {
        this.learningRate = Optimizer.requireLearningRate(learningRate);
    }

    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        Optimizer.requireMatching(parameters, gradients);
        for (var e : parameters.entrySet()) {
            e.getValue().subi(gradients.get(e.getKey()).mul(learningRate)); // θ ← θ − α·g
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String toString() {
        return "SGD(α=" + learningRate + ")";
    }
}
