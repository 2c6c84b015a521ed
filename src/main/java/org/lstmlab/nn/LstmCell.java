package org.lstmlab.nn;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LSTM cell of Hochreiter &amp; Schmidhuber (1997) with the forget gate of Gers, Schmidhuber &amp;
 * Cummins (2000), written one equation per line in the course notation, with its step, its sequence
 * and backpropagation through time. This is the readable path the notebooks teach. An {@link LstmVariant}
 * removes or couples one component (notebook 09's ablations); without one the cell is the full LSTM.
 *
 * <pre>{@code
 * var cell = new LstmCell(LstmParams.init(3, 4, 42));
 * LstmStep s = cell.forward(x, h0, c0);          // x [B, 3], h0 and c0 [B, 4]
 * INDArray forgetGate = s.f();                    // [B, 4], in (0, 1)
 * }</pre>
 *
 * <p>The same equations are computed in other places, each held equal to this class by a test:
 * <ul>
 *   <li>{@link org.lstmlab.nn.fused.FusedLstm} (its gate kernels), the fast path training uses:
 *       {@code FusedLstmTest}, every output and gradient to 1e-12 in float64;</li>
 *   <li>PyTorch's {@code nn.LSTM}, the independent oracle, through {@link PyTorchLstm}'s weight mapping:
 *       {@code LstmOracleTest} and {@code PyTorchLstmTest};</li>
 *   <li>the Jacobians ∂h_T/∂h_t and ∂C_T/∂C_t of {@link org.lstmlab.grad.GradientFlow}, which
 *       differentiate one step by hand: {@code GradientFlowTest}, against central differences of this cell;</li>
 *   <li>the reference solutions of exercises E3–E8 in {@code solutions/}: the grader's tests, whose expected
 *       values come from this class.</li>
 * </ul>
 */
public final class LstmCell extends ReadableCell<LstmParams> {
    private final LstmVariant variant;

    /** The full cell. */
    public LstmCell(LstmParams params) {
        this(params, LstmVariant.FULL);
    }

    /**
     * The cell with one component removed or coupled (notebook 09). A removed gate is the constant 1 in the
     * cache ({@link LstmStep#f()} is all ones without a forget gate); without the output activation
     * {@link LstmStep#tanhC()} holds C_t itself.
     */
    public LstmCell(LstmParams params, LstmVariant variant) {
        super(params, "LstmParams");
        if (variant == null) throw new IllegalArgumentException("variant must be an LstmVariant but is null");
        this.variant = variant;
    }

    public LstmParams params() {
        return params;
    }

    /** Which parts of the cell are computed; {@link LstmVariant#FULL} unless the constructor said otherwise. */
    public LstmVariant variant() {
        return variant;
    }

    /**
     * One step forward.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param cPrev C_{t-1}, {@code [B, H]}
     * @return the step's cache with every gate, C_t and h_t
     */
    public LstmStep forward(INDArray x, INDArray hPrev, INDArray cPrev) {
        Shapes.requireStep(
                params.dataType(),
                Shapes.batched("x_t", "[B, X]", x, params.inputSize()),
                Shapes.batched("h_{t-1}", "[B, H]", hPrev, params.hiddenSize()),
                Shapes.batched("C_{t-1}", "[B, H]", cPrev, params.hiddenSize()));
        LstmParams p = params;
        INDArray hx = Ops.concat(hPrev, x); // [h_{t-1}, x_t], [B, H+X]
        LstmVariant v = variant;
        INDArray f = v.hasForgetGate()
                ? Ops.sigmoid(Ops.affine(p.wF(), p.bF(), hx)) // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
                : Nd4j.onesLike(cPrev); // NFG: f_t ≡ 1
        INDArray i = v.hasInputGate()
                ? Ops.sigmoid(Ops.affine(p.wI(), p.bI(), hx)) // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
                : v.couplesInputAndForget() ? f.rsub(1) : Nd4j.onesLike(cPrev); // CIFG: i_t = 1 − f_t; NIG: i_t ≡ 1
        INDArray cTilde = Ops.tanh(Ops.affine(p.wC(), p.bC(), hx)); // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
        INDArray c = f.mul(cPrev).addi(i.mul(cTilde)); // C_t = f_t * C_{t-1} + i_t * C̃_t
        INDArray o = v.hasOutputGate()
                ? Ops.sigmoid(Ops.affine(p.wO(), p.bO(), hx)) // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
                : Nd4j.onesLike(cPrev); // NOG: o_t ≡ 1
        INDArray tanhC = v.hasOutputActivation() ? Ops.tanh(c) : c.dup(); // NOAF: C_t itself
        INDArray h = o.mul(tanhC); // h_t = o_t * tanh(C_t)
        return new LstmStep(x, hPrev, cPrev, hx, f, i, cTilde, c, o, tanhC, h);
    }

    /**
     * One step backward.
     *
     * @param step the cache of {@link #forward(INDArray, INDArray, INDArray)}
     * @param dh   ∂L/∂h_t, {@code [B, H]}
     * @param dc   ∂L/∂C_t arriving from later steps (not through h_t), {@code [B, H]}
     */
    public LstmStepGrads backward(LstmStep step, INDArray dh, INDArray dc) {
        if (step == null)
            throw new IllegalArgumentException(
                    "step must be the LstmStep of forward(x_t, h_{t-1}, C_{t-1}) but is null");
        long batch = step.h().rows();
        Shapes.require("dh_t", "[B, H]", dh, batch, params.hiddenSize());
        Shapes.require("dC_t", "[B, H]", dc, batch, params.hiddenSize());
        Shapes.requireType("dh_t", dh, params.dataType());
        Shapes.requireType("dC_t", dc, params.dataType());
        LstmParams p = params;
        LstmVariant v = variant;
        INDArray dO = dh.mul(step.tanhC()); // ∂L/∂o_t
        INDArray dC = dh.mul(step.o()); // ∂L/∂C_t, through h_t …
        if (v.hasOutputActivation()) dC.muli(Ops.oneMinusSquare(step.tanhC())); // … and its tanh (NOAF: none)
        dC.addi(dc); // … and from later steps
        INDArray dF = dC.mul(step.cPrev()); // ∂L/∂f_t
        INDArray dI = dC.mul(step.cTilde()); // ∂L/∂i_t
        INDArray dCTilde = dC.mul(step.i()); // ∂L/∂C̃_t
        INDArray dCPrev = dC.mul(step.f()); // ∂L/∂C_{t-1}
        if (v.couplesInputAndForget()) dF.subi(dI); // CIFG: i_t = 1 − f_t, so f_t also acts through i_t
        INDArray zF = v.hasForgetGate() ? dF.muli(Ops.sigmoidSlope(step.f())) : Nd4j.zerosLike(dF); // back through σ
        INDArray zI = v.hasInputGate() ? dI.muli(Ops.sigmoidSlope(step.i())) : Nd4j.zerosLike(dI);
        INDArray zC = dCTilde.muli(Ops.oneMinusSquare(step.cTilde())); // back through tanh
        INDArray zO = v.hasOutputGate() ? dO.muli(Ops.sigmoidSlope(step.o())) : Nd4j.zerosLike(dO);
        INDArray hx = step.hx();
        LstmParams grads = new LstmParams(
                zF.transpose().mmul(hx),
                zF.sum(0),
                zI.transpose().mmul(hx),
                zI.sum(0),
                zC.transpose().mmul(hx),
                zC.sum(0),
                zO.transpose().mmul(hx),
                zO.sum(0));
        INDArray dhx =
                zF.mmul(p.wF()).addi(zI.mmul(p.wI())).addi(zC.mmul(p.wC())).addi(zO.mmul(p.wO())); // [B, H+X]
        int hidden = params.hiddenSize();
        return new LstmStepGrads(
                grads,
                Ops.columns(dhx, hidden, dhx.columns()).dup(),
                Ops.columns(dhx, 0, hidden).dup(),
                dCPrev);
    }

    /**
     * The whole sequence forward.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @param h0 h_0, {@code [B, H]}
     * @param c0 C_0, {@code [B, H]}
     */
    public LstmSequence forwardSequence(INDArray xs, INDArray h0, INDArray c0) {
        var run = ThroughTime.forward(
                this,
                xs,
                List.of(
                        Shapes.batched("h_0", "[B, H]", h0, params.hiddenSize()),
                        Shapes.batched("C_0", "[B, H]", c0, params.hiddenSize())),
                (x, before) -> before == null ? forward(x, h0, c0) : forward(x, before.h(), before.c()),
                LstmStep::h);
        INDArray cs = Nd4j.zerosLike(run.hs()); // C_1 … C_T, [B, T, H]
        for (int t = 0; t < run.steps().size(); t++)
            Ops.at(cs, t).assign(run.steps().get(t).c());
        return new LstmSequence(run.steps(), run.hs(), cs);
    }

    /**
     * Backpropagation through time.
     *
     * @param run the cache of {@link #forwardSequence(INDArray, INDArray, INDArray)}
     * @param dHs ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}
     */
    public LstmGrads backwardSequence(LstmSequence run, INDArray dHs) {
        if (run == null)
            throw new IllegalArgumentException(
                    "run must be the LstmSequence of forwardSequence(x, h_0, C_0) but is null");
        var sums = ThroughTime.backward(
                this,
                run.steps(),
                run.hs(),
                dHs,
                (LstmStep step, INDArray dh, LstmStepGrads later) ->
                        backward(step, dh, later == null ? Nd4j.zerosLike(dh) : later.dcPrev())); // ∂L/∂C_T: none
        return new LstmGrads(
                sums.params(), sums.dxs(), sums.first().dhPrev(), sums.first().dcPrev());
    }

    /** {@link #forwardSequence} from zero initial state. */
    @Override
    public LstmSequence run(INDArray xs) {
        INDArray h0 = zeroState(xs); // h_0 = 0
        return forwardSequence(xs, h0, Nd4j.zerosLike(h0)); // C_0 = 0
    }

    @Override
    public Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        return backwardSequence(ThroughTime.pass(pass, LstmSequence.class, "LstmCell"), dHs)
                .params()
                .named();
    }
}
