package org.lstmlab.nn.fused;

import java.util.Map;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same LSTM as {@link org.lstmlab.nn.LstmCell}, computed the way production libraries do: the four gates as one
 * stacked weight {@code W = [W_f; W_i; W_C; W_o]}, {@code [4H, H+X]}, so each step is one GEMM,
 * {@code z_t = [h_{t-1}, x_t]·Wᵀ}, straight on OpenBLAS; the weight gradient of every step as one GEMM after
 * the backward loop; workspaces allocated once and reused; the element-wise gate maths in plain Java loops
 * over the whole batch, written so that the JIT turns them into SIMD instructions, σ and tanh included
 * ({@link Activations}: a vectorisable e^x − 1 tested to a few ulp against {@link Math}). FLOAT parameters
 * are computed in float end to end, DOUBLE ones in double. It agrees with the readable cell to rounding
 * (tested to 1e-12 in float64; see the README's performance section for the speed).
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
public final class FusedLstm implements RecurrentLayer {
    private final LstmParams params;
    private final int hidden;
    private final int input;
    private final DataType type;
    /** W and b in the stacked layout the GEMMs read. */
    private final StackedWeights weights;

    private Workspace<LstmGrads> workspace;

    /**
     * @param params the course parameters; pass them through {@link #stacked(LstmParams)} once to skip the
     *               per-run copy
     */
    public FusedLstm(LstmParams params) {
        if (params == null) throw new IllegalArgumentException("params must be LstmParams but is null");
        this.params = params;
        this.hidden = params.hiddenSize();
        this.input = params.inputSize();
        this.type = params.dataType();
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw new IllegalArgumentException(
                    "the fused LSTM computes in DOUBLE or FLOAT, the parameters are " + type);
        }
        this.weights = new StackedWeights(params, type);
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

    /** Whether the GEMMs read the caller's weights in place (see {@link #stacked(LstmParams)}). */
    public boolean sharesStorage() {
        return weights.shared;
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int hiddenSize() {
        return hidden;
    }

    @Override
    public DataType dataType() {
        return type;
    }

    @Override
    public Map<String, INDArray> parameters() {
        return params.named();
    }

    /** {@link #forwardSequence} from zero initial state. */
    @Override
    public Pass run(INDArray xs) {
        return forward(xs, null, null);
    }

    @Override
    public Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        if (!(pass instanceof Pass run)) {
            throw new IllegalArgumentException("pass must come from FusedLstm.run but is "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return backward(run, dHs, false).params().named();
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

    /** The forward pass; a null h_0 or C_0 means zeros. */
    private Pass forward(INDArray xs, INDArray h0, INDArray c0) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, input);
        Shapes.requireSteps("x", xs);
        Shapes.requireType("x", xs, type);
        weights.refresh();
        Workspace<LstmGrads> ws = workspace(Math.toIntExact(xs.size(0)), Math.toIntExact(xs.size(1)));
        ws.generation++;
        INDArray hs = ws.forward(
                weights,
                NativeBuffer.dense(xs),
                h0 == null ? null : NativeBuffer.dense(h0),
                c0 == null ? null : NativeBuffer.dense(c0));
        return new Pass(this, ws, hs);
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
        return backward(run, dHs, true);
    }

    /** With {@code inputs} false only ∂L/∂θ is computed (the training loop's case): no ∂L/∂x_t GEMM, no ∂L/∂h_0, ∂L/∂C_0. */
    private LstmGrads backward(Pass run, INDArray dHs, boolean inputs) {
        if (run == null)
            throw new IllegalArgumentException("run must come from this FusedLstm's run or forwardSequence");
        run.latestRunOf(this, workspace, "FusedLstm");
        Workspace<LstmGrads> ws = workspace;
        Shapes.require("∂L/∂h", "[B, T, H]", dHs, ws.batch, ws.steps, hidden);
        Shapes.requireType("∂L/∂h", dHs, type);
        return ws.backward(weights, NativeBuffer.dense(dHs), inputs);
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

    private Workspace<LstmGrads> workspace(int batch, int steps) {
        if (workspace == null || workspace.batch != batch || workspace.steps != steps) {
            if (workspace != null) workspace.retired = true;
            workspace = LstmWorkspace.of(batch, steps, hidden, input, type);
        }
        return workspace;
    }
}
