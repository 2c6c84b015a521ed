package org.lstmlab.nn.fused;

import java.util.Map;
import org.lstmlab.nn.RnnGrads;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same vanilla RNN as {@link org.lstmlab.nn.RnnCell}, {@code h_t = tanh(W_h·[h_{t-1}, x_t] + b_h)},
 * computed as {@link FusedLstm} computes the LSTM and on the same machinery ({@link Workspace}): each step
 * one GEMM straight on OpenBLAS, {@code z_t = [h_{t-1}, x_t]·W_hᵀ}, then tanh(z_t + b_h) for the whole batch
 * in one loop the JIT vectorises ({@link Activations}); backward, ∂L/∂z_t = ∂L/∂h_t * (1 − h_t²) in plain
 * loops, one GEMM per step for ∂L/∂h_{t-1} and one GEMM after the loop for ∂L/∂W_h of every step; workspaces
 * allocated once and reused. FLOAT parameters are computed in float end to end, DOUBLE ones in double. It
 * agrees with the readable cell to rounding (tested to 1e-12 in float64).
 *
 * <pre>{@code
 * var rnn = new FusedRnn(RnnParams.init(2, 16, 42));
 * FusedRnn.Pass run = rnn.forwardSequence(xs, h0);   // xs [B, T, 2], h0 [B, 16]
 * RnnGrads g = rnn.backwardSequence(run, dHs);       // dHs [B, T, 16]
 * }</pre>
 *
 * <p>The GEMMs read the caller's W_h in place when it is a dense array of its own (as
 * {@link RnnParams#init} makes it), so an optimiser that updates {@link #parameters()} in place updates this
 * layer; otherwise every run first copies its current values. Not thread-safe; a {@link Pass} stays valid
 * until the next run on the same layer, and a caller done with it says so with {@link Pass#release()}.
 */
public final class FusedRnn extends FusedLayer<RnnGrads, FusedRnn.Pass> {
    private final RnnParams params;

    /** @param params the course parameters, read in place when W_h is dense and of its own */
    public FusedRnn(RnnParams params) {
        super(
                "FusedRnn",
                requireParams(params).hiddenSize(),
                params.inputSize(),
                requireComputable("RNN", params.dataType()),
                new StackedWeights(params, params.dataType()),
                Pass.class,
                g -> g.params().named());
        this.params = params;
    }

    private static RnnParams requireParams(RnnParams params) {
        if (params == null) throw new IllegalArgumentException("params must be RnnParams but is null");
        return params;
    }

    public RnnParams params() {
        return params;
    }

    @Override
    public Map<String, INDArray> parameters() {
        return params.named();
    }

    /**
     * The whole sequence forward.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @param h0 h_0, {@code [B, H]}
     * @return h_t for every step, and the cache for {@link #backwardSequence}
     */
    public Pass forwardSequence(INDArray xs, INDArray h0) {
        return forwardFromH0(xs, h0);
    }

    /**
     * Backpropagation through time.
     *
     * @param run the latest {@link Pass} of this layer
     * @param dHs ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}
     * @return ∂L/∂W_h and ∂L/∂b_h summed over all steps, ∂L/∂x_t and ∂L/∂h_0
     */
    public RnnGrads backwardSequence(Pass run, INDArray dHs) {
        return runBackward(run, dHs, true);
    }

    /** What a fused RNN run leaves for the backward pass: see {@link FusedPass}. */
    public static final class Pass extends FusedPass {
        Pass(FusedRnn owner, Workspace<RnnGrads> workspace, INDArray hs) {
            super(owner, workspace, hs);
        }
    }

    @Override
    Workspace<RnnGrads> newWorkspace(int batch, int steps) {
        return RnnWorkspace.of(batch, steps, hidden, input, type);
    }

    @Override
    Pass newPass(INDArray hs) {
        return new Pass(this, workspace, hs);
    }
}
