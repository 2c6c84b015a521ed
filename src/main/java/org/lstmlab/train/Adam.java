package org.lstmlab.train;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam, Algorithm 1 of Kingma &amp; Ba (2015), "Adam: A Method for Stochastic Optimization", ICLR:
 * moving averages of the gradient and of its square, corrected for their start at zero.
 * The defaults are the paper's: α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8.
 *
 * <p>The moments are kept per parameter name, so one {@code Adam} serves one model, in double precision
 * (for FLOAT parameters too). A step is one loop over each parameter's memory (its values, its gradient and
 * its moments side by side, the paper's lines in order), not a dozen ND4J calls per parameter.
 */
public final class Adam implements Optimizer {
    /** The paper's default step size α. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The paper's default decay β1 of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The paper's default decay β2 of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The paper's default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, double[]> m = new HashMap<>();
    private final Map<String, double[]> v = new HashMap<>();
    /** One parameter's values and its gradient, reused from step to step. */
    private double[] theta = new double[0];

    private double[] g = new double[0];
    private int t;

    /** Adam with the paper's defaults α = 0.001, β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with step size α and the paper's β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate α, positive
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      ε, positive, keeps the division finite
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Optimizer.requireLearningRate(learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("β1 must be in [0, 1) but is " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("β2 must be in [0, 1) but is " + beta2);
        if (!(epsilon > 0)) throw new IllegalArgumentException("ε must be positive but is " + epsilon);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
        step(parameters, gradients, 1);
    }

    /**
     * One update with every gradient times {@code scale} as it is read, so that clipping by the global norm
     * costs no pass of its own over the gradients (their arrays are left unchanged).
     */
    @Override
    public void step(Map<String, INDArray> parameters, Map<String, INDArray> gradients, double scale) {
        Optimizer.requireMatching(parameters, gradients);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the gradients' scale must be positive and finite but is " + scale);
        }
        t++;
        double correction1 = 1 - Math.pow(beta1, t); // 1 − β1^t
        double correction2 = 1 - Math.pow(beta2, t); // 1 − β2^t
        for (var e : parameters.entrySet()) {
            INDArray parameter = e.getValue();
            int n = Math.toIntExact(parameter.length());
            if (theta.length < n) {
                theta = new double[n];
                g = new double[n];
            }
            Flat.get(parameter, theta);
            Flat.get(gradients.get(e.getKey()), g);
            double[] mt = m.computeIfAbsent(e.getKey(), k -> new double[n]);
            double[] vt = v.computeIfAbsent(e.getKey(), k -> new double[n]);
            if (scale != 1) {
                for (int k = 0; k < n; k++) g[k] *= scale; // g_t, clipped
            }
            for (int k = 0; k < n; k++) {
                mt[k] = mt[k] * beta1 + g[k] * (1 - beta1); // m_t = β1·m_{t-1} + (1 − β1)·g_t
                vt[k] = vt[k] * beta2 + g[k] * g[k] * (1 - beta2); // v_t = β2·v_{t-1} + (1 − β2)·g_t²
                double mHat = mt[k] / correction1; // m̂_t = m_t / (1 − β1^t)
                double vHat = vt[k] / correction2; // v̂_t = v_t / (1 − β2^t)
                theta[k] -= mHat / (Math.sqrt(vHat) + epsilon) * learningRate; // θ_t = θ_{t-1} − α·m̂_t / (√v̂_t + ε)
            }
            Flat.put(parameter, theta);
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** The number of steps taken, t. */
    public int steps() {
        return t;
    }

    @Override
    public String toString() {
        return "Adam(α=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + ")";
    }
}
