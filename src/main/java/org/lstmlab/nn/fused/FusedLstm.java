package org.lstmlab.nn.fused;

import java.util.Map;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmVariant;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same LSTM as {@link org.lstmlab.nn.LstmCell}, computed the way production libraries do: the four gates as one
 * stacked weight {@code W = [W_f; W_i; W_C; W_o]}, {@code [4H, H+X]}, so each step is one GEMM,
 * {@code z_t = [h_{t-1}, x_t]·Wᵀ}, straight on OpenBLAS; the weight gradient of every step as one GEMM after
 * the backward loop; workspaces allocated once and reused; the element-wise gate maths in plain Java loops
 * over the whole batch, written so that the JIT turns them into SIMD instructions, σ and tanh included
 * ({@link Activations}: a vectorisable e^x − 1 tested to a few ulp against {@link Math}). Every
 * {@link LstmVariant} of notebook 09 is an option of this one class, as of the readable cell. FLOAT parameters
 * are computed in float end to end, DOUBLE ones in double. It agrees with the readable cell to rounding
 * (tested to 1e-12 in float64; see docs/performance.md for the speed).
 *
 * <pre>{@code
 * LstmParams params = FusedLstm.stacked(LstmParams.init(8, 64, 42)); // W_f … W_o share one [4H, H+X] array
 * var lstm = new FusedLstm(params);
 * FusedLstm.Pass run = lstm.run(xs);                                 // xs [B, T, 8]
 * LstmGrads g = lstm.backwardSequence(run, dHs);                     // dHs [B, T, 64]
 * }</pre>
 *
 * <p>The parameters stay the ones the caller holds: when they come from {@link #stacked(LstmParams)} the
 * GEMMs read them in place; otherwise every run first copies their current values (4H·(H+X) numbers) into
 * the stacked layout. Either way an optimiser that updates {@link #parameters()} in place updates this
 * layer. Not thread-safe; a {@link Pass} stays valid until the next run on the same layer, and a caller done
 * with it says so with {@link Pass#release()}: the next run then writes its h_1 … h_T into the same array
 * instead of fresh memory (the training loop does this every step).
 */
public final class FusedLstm extends FusedLayer<LstmGrads, FusedLstm.Pass> {
    private final LstmParams params;
    private final LstmVariant variant;

    /**
     * The full cell.
     *
     * @param params the course parameters; pass them through {@link #stacked(LstmParams)} once to skip the
     *               per-run copy
     */
    public FusedLstm(LstmParams params) {
        this(params, LstmVariant.FULL);
    }

    /**
     * The cell with one component removed or coupled, as {@code new LstmCell(params, variant)} computes it
     * (notebook 09): a removed gate is the constant 1 and its weights get zero gradients. The GEMMs still
     * compute all four blocks, so a variant runs as fast as the full cell, not faster.
     *
     * @param params  the course parameters, as for {@link #FusedLstm(LstmParams)}
     * @param variant which parts of the cell are computed
     */
    public FusedLstm(LstmParams params, LstmVariant variant) {
        super(
                "FusedLstm",
                requireParams(params).hiddenSize(),
                params.inputSize(),
                requireComputable("LSTM", params.dataType()),
                new StackedWeights(params, params.dataType()),
                Pass.class,
                g -> g.params().named());
        if (variant == null) throw new IllegalArgumentException("variant must be an LstmVariant but is null");
        this.params = params;
        this.variant = variant;
    }

    private static LstmParams requireParams(LstmParams params) {
        if (params == null) throw new IllegalArgumentException("params must be LstmParams but is null");
        return params;
    }

    /**
     * A copy of {@code p} whose W_f, W_i, W_C, W_o are the row blocks of one {@code [4H, H+X]} array and whose
     * biases are the blocks of one {@code [4H]} array, so a {@link FusedLstm} reads them without copying
     * while {@link org.lstmlab.nn.LstmCell} and the notebooks still see four {@code [H, H+X]} matrices.
     */
    public static LstmParams stacked(LstmParams p) {
        return StackedWeights.stack(p);
    }

    public LstmParams params() {
        return params;
    }

    /** Which parts of the cell are computed; {@link LstmVariant#FULL} unless the constructor said otherwise. */
    public LstmVariant variant() {
        return variant;
    }

    /** Whether the GEMMs read the caller's weights in place (see {@link #stacked(LstmParams)}). */
    @Override
    public boolean sharesStorage() {
        return super.sharesStorage();
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
     * @param c0 C_0, {@code [B, H]}
     * @return h_t and C_t for every step, and the cache for {@link #backwardSequence}
     */
    public Pass forwardSequence(INDArray xs, INDArray h0, INDArray c0) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, input);
        Shapes.require("h_0", "[B, H]", h0, xs.size(0), hidden);
        Shapes.require("C_0", "[B, H]", c0, xs.size(0), hidden);
        Shapes.requireType("h_0", h0, type);
        Shapes.requireType("C_0", c0, type);
        return forward(xs, h0, c0);
    }

    /**
     * Backpropagation through time.
     *
     * @param run the latest {@link Pass} of this layer
     * @param dHs ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}
     * @return ∂L/∂θ summed over all steps, ∂L/∂x_t,
     *         ∂L/∂h_0 and ∂L/∂C_0
     */
    public LstmGrads backwardSequence(Pass run, INDArray dHs) {
        return runBackward(run, dHs, true);
    }

    /** What a fused forward run leaves for the backward pass: see {@link FusedPass}. */
    public static final class Pass extends FusedPass {
        private INDArray cs;

        Pass(FusedLstm owner, Workspace<LstmGrads> workspace, INDArray hs) {
            super(owner, workspace, hs);
        }

        /** Also frees C_1 … C_T when {@link #cs()} made them. */
        @Override
        void releaseMore() {
            if (cs != null && cs.closeable()) cs.close();
        }

        /**
         * C_1 … C_T, {@code [B, T, H]}, copied out of the workspace on first call (training never asks), so
         * before the next run of the same layer.
         */
        @SuppressWarnings("unchecked")
        public INDArray cs() {
            requireNotReleased("cs()");
            if (cs == null) {
                if (workspace.generation != generation) {
                    throw new IllegalStateException("this pass was overwritten by a later run of the same FusedLstm "
                            + "(it reuses its workspace): read cs() before the next run");
                }
                cs = LstmWorkspace.cellStates((Workspace<LstmGrads>) workspace);
            }
            return cs;
        }
    }

    @Override
    Workspace<LstmGrads> newWorkspace(int batch, int steps) {
        return LstmWorkspace.of(batch, steps, hidden, input, type, variant);
    }

    @Override
    Pass newPass(INDArray hs) {
        return new Pass(this, workspace, hs);
    }
}
