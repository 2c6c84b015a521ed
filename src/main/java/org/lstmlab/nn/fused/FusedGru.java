package org.lstmlab.nn.fused;

import java.util.Map;
import org.lstmlab.nn.GruGrads;
import org.lstmlab.nn.GruParams;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same GRU as {@link org.lstmlab.nn.GruCell} (PyTorch's convention: the reset gate scales
 * {@code W_hn·h_{t-1} + b_hn}), computed as {@link FusedLstm} computes the LSTM and on the same machinery
 * ({@link Workspace}): the three blocks as one stacked weight {@code W = [W_z; W_r; W_n]}, {@code [3H, H+X]}; the
 * x parts of every step in one GEMM before the loop and each step one GEMM over h_{t-1}, straight on OpenBLAS
 * ({@code GruWorkspace} says why the GRU splits them); the gate maths for the whole batch in loops the JIT
 * vectorises ({@link Activations}); backward, one GEMM per step for ∂L/∂h_{t-1} and, after the loop, two for
 * ∂L/∂W and one for ∂L/∂x of every step; workspaces allocated once and reused. FLOAT parameters are computed
 * in float end to end, DOUBLE ones in double. It agrees with the readable cell to rounding (tested to 1e-12 in
 * float64).
 *
 * <pre>{@code
 * GruParams params = FusedGru.stacked(GruParams.init(2, 16, 42)); // W_z, W_r, W_n share one [3H, H+X] array
 * var gru = new FusedGru(params);
 * FusedGru.Pass run = gru.forwardSequence(xs, h0);                  // xs [B, T, 2], h0 [B, 16]
 * GruGrads g = gru.backwardSequence(run, dHs);                      // dHs [B, T, 16]
 * }</pre>
 *
 * <p>The parameters stay the ones the caller holds: when they come from {@link #stacked(GruParams)} the GEMMs
 * read them in place; otherwise every run first copies their current values into the stacked layout. Either
 * way an optimiser that updates {@link #parameters()} in place updates this layer. Not thread-safe; a
 * {@link Pass} stays valid until the next run on the same layer, and a caller done with it says so with
 * {@link Pass#release()}.
 */
public final class FusedGru extends FusedLayer<GruGrads, FusedGru.Pass> {
    private final GruParams params;

    /**
     * @param params the course parameters; pass them through {@link #stacked(GruParams)} once to skip the
     *               per-run copy
     */
    public FusedGru(GruParams params) {
        super(
                "FusedGru",
                requireParams(params).hiddenSize(),
                params.inputSize(),
                requireComputable("GRU", params.dataType()),
                new StackedWeights(params, params.dataType()),
                Pass.class,
                g -> g.params().named());
        this.params = params;
    }

    private static GruParams requireParams(GruParams params) {
        if (params == null) throw new IllegalArgumentException("params must be GruParams but is null");
        return params;
    }

    /**
     * A copy of {@code p} whose W_z, W_r, W_n are the row blocks of one {@code [3H, H+X]} array and whose biases
     * b_z, b_r, b_n, b_hn are the blocks of one {@code [4H]} array, so a {@link FusedGru} reads them without
     * copying while {@link org.lstmlab.nn.GruCell} and the notebooks still see the course's arrays.
     */
    public static GruParams stacked(GruParams p) {
        return StackedWeights.stack(p);
    }

    public GruParams params() {
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
     * @return ∂L/∂θ summed over all steps, ∂L/∂x_t and ∂L/∂h_0
     */
    public GruGrads backwardSequence(Pass run, INDArray dHs) {
        return runBackward(run, dHs, true);
    }

    /** What a fused GRU run leaves for the backward pass: see {@link FusedPass}. */
    public static final class Pass extends FusedPass {
        Pass(FusedGru owner, Workspace<GruGrads> workspace, INDArray hs) {
            super(owner, workspace, hs);
        }
    }

    @Override
    Workspace<GruGrads> newWorkspace(int batch, int steps) {
        return GruWorkspace.of(batch, steps, hidden, input, type);
    }

    @Override
    Pass newPass(INDArray hs) {
        return new Pass(this, workspace, hs);
    }
}
