package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gated recurrent unit of Cho et al. (2014), written one equation per line in the course notation, with
 * its step, its sequence and backpropagation through time. It follows PyTorch's {@code nn.GRU} convention
 * (the one cuDNN uses): the reset gate scales {@code W_hn·h_{t-1} + b_hn} after the product, and z_t keeps
 * the old state:
 *
 * <pre>
 * z_t = σ(W_z·[h_{t-1}, x_t] + b_z)                        update gate
 * r_t = σ(W_r·[h_{t-1}, x_t] + b_r)                        reset gate
 * n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn))  candidate
 * h_t = (1 − z_t) * n_t + z_t * h_{t-1}                    interpolation
 * </pre>
 *
 * Cho et al. apply r_t before the product, {@code W_hn·(r_t * h_{t-1})}; the two differ, and neither is the
 * other with renamed weights. There is no cell state: h_t is the memory, and z_t plays the forget gate and
 * (as 1 − z_t) the input gate at once, like the LSTM with coupled gates.
 *
 * <pre>{@code
 * var cell = new GruCell(GruParams.init(3, 4, 42));
 * GruStep s = cell.forward(x, h0);           // x [B, 3], h0 [B, 4]
 * INDArray updateGate = s.z();               // [B, 4], in (0, 1)
 * }</pre>
 *
 * <p>Held equal to PyTorch's {@code nn.GRU} by {@code GruOracleTest} (fixtures from {@code make_fixtures.py},
 * 1e-10 in float64) and to central differences by {@code GruCellGradientTest}.
 */
public final class GruCell extends ReadableCell<GruParams> {
    public GruCell(GruParams params) {
        super(params, "GruParams");
    }

    public GruParams params() {
        return params;
    }

    /**
     * One step forward.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @return the step's cache with both gates, the candidate and h_t
     */
    public GruStep forward(INDArray x, INDArray hPrev) {
        Shapes.requireStep(
                params.dataType(),
                Shapes.batched("x_t", "[B, X]", x, params.inputSize()),
                Shapes.batched("h_{t-1}", "[B, H]", hPrev, params.hiddenSize()));
        GruParams p = params;
        INDArray hx = Ops.concat(hPrev, x); // [h_{t-1}, x_t], [B, H+X]
        INDArray z = Ops.sigmoid(Ops.affine(p.wZ(), p.bZ(), hx)); // z_t = σ(W_z·[h_{t-1}, x_t] + b_z)
        INDArray r = Ops.sigmoid(Ops.affine(p.wR(), p.bR(), hx)); // r_t = σ(W_r·[h_{t-1}, x_t] + b_r)
        INDArray hn = Ops.affine(p.wHn(), p.bHn(), hPrev); // W_hn·h_{t-1} + b_hn, [B, H]
        INDArray n = Ops.tanh(Ops.affine(p.wXn(), p.bN(), x).addi(r.mul(hn))); // n_t = tanh(W_xn·x_t + b_n + r_t * …)
        INDArray h = z.rsub(1).muli(n).addi(z.mul(hPrev)); // h_t = (1 − z_t) * n_t + z_t * h_{t-1}
        return new GruStep(x, hPrev, hx, z, r, hn, n, h);
    }

    /**
     * One step backward.
     *
     * @param step the cache of {@link #forward(INDArray, INDArray)}
     * @param dh   ∂L/∂h_t, from the loss and from later steps, {@code [B, H]}
     */
    public GruStepGrads backward(GruStep step, INDArray dh) {
        if (step == null)
            throw new IllegalArgumentException("step must be the GruStep of forward(x_t, h_{t-1}) but is null");
        Shapes.require("dh_t", "[B, H]", dh, step.h().rows(), params.hiddenSize());
        Shapes.requireType("dh_t", dh, params.dataType());
        GruParams p = params;
        INDArray dN = dh.mul(step.z().rsub(1)); // ∂L/∂n_t = ∂L/∂h_t * (1 − z_t)
        INDArray dZ = dh.mul(step.hPrev().sub(step.n())); // ∂L/∂z_t = ∂L/∂h_t * (h_{t-1} − n_t)
        INDArray dhPrev = dh.mul(step.z()); // through the interpolation
        INDArray zN = dN.muli(Ops.oneMinusSquare(step.n())); // back through tanh
        INDArray dR = zN.mul(step.hn()); // ∂L/∂r_t
        INDArray dHn = zN.mul(step.r()); // ∂L/∂(W_hn·h_{t-1} + b_hn)
        INDArray zZ = dZ.muli(Ops.sigmoidSlope(step.z())); // back through σ
        INDArray zR = dR.muli(Ops.sigmoidSlope(step.r()));
        INDArray hx = step.hx();
        INDArray dWn = Nd4j.concat(
                1, dHn.transpose().mmul(step.hPrev()), zN.transpose().mmul(step.x()));
        GruParams grads = new GruParams(
                zZ.transpose().mmul(hx), zZ.sum(0), zR.transpose().mmul(hx), zR.sum(0), dWn, zN.sum(0), dHn.sum(0));
        INDArray dhx = zZ.mmul(p.wZ()).addi(zR.mmul(p.wR())); // [B, H+X]
        int hidden = params.hiddenSize();
        INDArray dx = Ops.columns(dhx, hidden, dhx.columns()).add(zN.mmul(p.wXn())); // ∂L/∂x_t
        dhPrev.addi(Ops.columns(dhx, 0, hidden)).addi(dHn.mmul(p.wHn())); // ∂L/∂h_{t-1}
        return new GruStepGrads(grads, dx, dhPrev);
    }

    /**
     * The whole sequence forward.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @param h0 h_0, {@code [B, H]}
     */
    public GruSequence forwardSequence(INDArray xs, INDArray h0) {
        var run = ThroughTime.forward(this, xs, h0, this::forward, GruStep::h);
        return new GruSequence(run.steps(), run.hs());
    }

    /**
     * Backpropagation through time.
     *
     * @param run the cache of {@link #forwardSequence(INDArray, INDArray)}
     * @param dHs ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}
     */
    public GruGrads backwardSequence(GruSequence run, INDArray dHs) {
        if (run == null)
            throw new IllegalArgumentException("run must be the GruSequence of forwardSequence(x, h_0) but is null");
        var sums = ThroughTime.backward(this, run.steps(), run.hs(), dHs, (step, dh, later) -> backward(step, dh));
        return new GruGrads(sums.params(), sums.dxs(), sums.first().dhPrev());
    }

    /** {@link #forwardSequence} from zero initial state. */
    @Override
    public GruSequence run(INDArray xs) {
        return forwardSequence(xs, zeroState(xs)); // h_0 = 0
    }

    @Override
    public Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        return backwardSequence(ThroughTime.pass(pass, GruSequence.class, "GruCell"), dHs)
                .params()
                .named();
    }
}
