package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A vanilla (Elman) RNN cell, {@code h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)}, with its step, its
 * sequence and backpropagation through time (Werbos 1990).
 *
 * <pre>{@code
 * var cell = new RnnCell(RnnParams.init(3, 4, 42));
 * RnnSequence run = cell.forwardSequence(xs, h0);   // xs [B, T, 3], h0 [B, 4]
 * RnnGrads g = cell.backwardSequence(run, dHs);     // dHs [B, T, 4]
 * }</pre>
 */
public final class RnnCell extends ReadableCell<RnnParams> {
    public RnnCell(RnnParams params) {
        super(params, "RnnParams");
    }

    public RnnParams params() {
        return params;
    }

    /**
     * One step forward.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @return the step's cache, holding h_t
     */
    public RnnStep forward(INDArray x, INDArray hPrev) {
        Shapes.requireStep(
                params.dataType(),
                Shapes.batched("x_t", "[B, X]", x, params.inputSize()),
                Shapes.batched("h_{t-1}", "[B, H]", hPrev, params.hiddenSize()));
        INDArray hx = Ops.concat(hPrev, x); // [B, H+X]
        INDArray z = Ops.affine(params.wH(), params.bH(), hx); // z_t = W_h·[h_{t-1}, x_t] + b_h, [B, H]
        INDArray h = Ops.tanh(z); // h_t = tanh(z_t)
        return new RnnStep(x, hPrev, hx, z, h);
    }

    /**
     * One step backward.
     *
     * @param step the cache of {@link #forward(INDArray, INDArray)}
     * @param dh   ∂L/∂h_t, {@code [B, H]}
     */
    public RnnStepGrads backward(RnnStep step, INDArray dh) {
        if (step == null)
            throw new IllegalArgumentException("step must be the RnnStep of forward(x_t, h_{t-1}) but is null");
        Shapes.require("dh_t", "[B, H]", dh, step.h().rows(), params.hiddenSize());
        Shapes.requireType("dh_t", dh, params.dataType());
        int hidden = params.hiddenSize();
        INDArray dz = dh.mul(Ops.oneMinusSquare(step.h())); // ∂L/∂z_t = ∂L/∂h_t * (1 − h_t²), [B, H]
        INDArray dW = dz.transpose().mmul(step.hx()); // [H, H+X]
        INDArray db = dz.sum(0); // [H]
        INDArray dhx = dz.mmul(params.wH()); // [B, H+X]
        return new RnnStepGrads(
                new RnnParams(dW, db),
                Ops.columns(dhx, hidden, dhx.columns()).dup(),
                Ops.columns(dhx, 0, hidden).dup());
    }

    /**
     * The whole sequence forward.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @param h0 h_0, {@code [B, H]}
     */
    public RnnSequence forwardSequence(INDArray xs, INDArray h0) {
        var run = ThroughTime.forward(this, xs, h0, this::forward, RnnStep::h);
        return new RnnSequence(run.steps(), run.hs());
    }

    /**
     * Backpropagation through time.
     *
     * @param run the cache of {@link #forwardSequence(INDArray, INDArray)}
     * @param dHs ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}
     */
    public RnnGrads backwardSequence(RnnSequence run, INDArray dHs) {
        if (run == null)
            throw new IllegalArgumentException("run must be the RnnSequence of forwardSequence(x, h_0) but is null");
        var sums = ThroughTime.backward(this, run.steps(), run.hs(), dHs, (step, dh, later) -> backward(step, dh));
        return new RnnGrads(sums.params(), sums.dxs(), sums.first().dhPrev());
    }

    /** {@link #forwardSequence} from zero initial state. */
    @Override
    public RnnSequence run(INDArray xs) {
        return forwardSequence(xs, zeroState(xs)); // h_0 = 0
    }

    @Override
    public Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        return backwardSequence(ThroughTime.pass(pass, RnnSequence.class, "RnnCell"), dHs)
                .params()
                .named();
    }
}
