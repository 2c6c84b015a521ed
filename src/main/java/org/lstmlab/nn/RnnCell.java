package org.lstmlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
public final class RnnCell implements RecurrentLayer {
    private final RnnParams params;

    public RnnCell(RnnParams params) {
        if (params == null) throw new IllegalArgumentException("params must be RnnParams but is null");
        this.params = params;
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
        checkStep(x, hPrev);
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
        Shapes.requireBatch(
                Shapes.batched("x", "[B, T, X]", xs, Shapes.ANY, params.inputSize()),
                Shapes.batched("h_0", "[B, H]", h0, params.hiddenSize()));
        Shapes.requireSteps("x", xs);
        Shapes.requireType("x", xs, params.dataType());
        Shapes.requireType("h_0", h0, params.dataType());
        int steps = (int) xs.size(1);
        List<RnnStep> cache = new ArrayList<>(steps);
        INDArray hs = Nd4j.create(params.dataType(), xs.size(0), steps, params.hiddenSize());
        INDArray h = h0;
        for (int t = 0; t < steps; t++) {
            RnnStep step = forward(Ops.at(xs, t).dup(), h);
            cache.add(step);
            h = step.h();
            Ops.at(hs, t).assign(h);
        }
        return new RnnSequence(List.copyOf(cache), hs);
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
        Shapes.require("∂L/∂h", "[B, T, H]", dHs, run.hs().size(0), run.length(), params.hiddenSize());
        Shapes.requireType("∂L/∂h", dHs, params.dataType());
        RnnParams sum = params.zerosLike();
        INDArray first = run.steps().get(0).x();
        INDArray dxs = Nd4j.create(params.dataType(), first.rows(), run.length(), params.inputSize());
        INDArray dhNext = Nd4j.zerosLike(run.lastH());
        for (int t = run.length() - 1; t >= 0; t--) {
            RnnStepGrads g = backward(run.steps().get(t), Ops.at(dHs, t).add(dhNext));
            sum.addi(g.params());
            Ops.at(dxs, t).assign(g.dx());
            dhNext = g.dhPrev();
        }
        return new RnnGrads(sum, dxs, dhNext);
    }

    @Override
    public int inputSize() {
        return params.inputSize();
    }

    @Override
    public int hiddenSize() {
        return params.hiddenSize();
    }

    @Override
    public DataType dataType() {
        return params.dataType();
    }

    @Override
    public Map<String, INDArray> parameters() {
        return params.named();
    }

    /** {@link #forwardSequence} from zero initial state. */
    @Override
    public RnnSequence run(INDArray xs) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, params.inputSize());
        return forwardSequence(xs, Nd4j.zeros(params.dataType(), xs.size(0), params.hiddenSize())); // h_0 = 0, [B, H]
    }

    @Override
    public Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        if (!(pass instanceof RnnSequence run)) {
            throw new IllegalArgumentException("pass must come from RnnCell.run but is "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return backwardSequence(run, dHs).params().named();
    }

    private void checkStep(INDArray x, INDArray hPrev) {
        Shapes.requireBatch(
                Shapes.batched("x_t", "[B, X]", x, params.inputSize()),
                Shapes.batched("h_{t-1}", "[B, H]", hPrev, params.hiddenSize()));
        Shapes.requireType("x_t", x, params.dataType());
        Shapes.requireType("h_{t-1}", hPrev, params.dataType());
    }
}
