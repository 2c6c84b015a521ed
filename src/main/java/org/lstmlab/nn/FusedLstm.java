package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The same LSTM as {@link LstmCell}, computed the way production libraries do: the four gates as one
 * stacked weight {@code W = [W_f; W_i; W_C; W_o]}, {@code [4H, H+X]}, so each step is one GEMM; the input
 * projection of every time step in one GEMM before the loop; the weight gradient as one GEMM after the
 * backward loop; workspaces allocated once and reused; the element-wise gate maths in plain Java loops
 * over the whole batch, where ND4J's per-call overhead would otherwise dominate (see the README's
 * performance section). It agrees with the readable cell to rounding (tested to 1e-12 in float64).
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
 * layer. Not thread-safe; a {@link Pass} stays valid until the next run on the same layer.
 */
public final class FusedLstm implements RecurrentLayer {
    private final LstmParams params;
    private final int hidden;
    private final int input;
    private final DataType type;
    /** W = [W_f; W_i; W_C; W_o], [4H, H+X]: the caller's storage when shared, else a copy refreshed every run. */
    private final NativeBuffer w;
    private final boolean shared;
    /** b = [b_f; b_i; b_C; b_o], [4H], copied from the caller's biases every run. */
    private final double[] b;
    /** The caller's [4H] bias storage when b_f … b_o are its consecutive blocks, else null. */
    private final NativeBuffer sharedBias;
    private Workspace workspace;

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
            throw new IllegalArgumentException("the fused LSTM computes in DOUBLE or FLOAT, the parameters are " + type);
        }
        this.shared = isStacked(params);
        this.w = shared ? NativeBuffer.from(params.wF()) : NativeBuffer.of(Nd4j.create(type, 4L * hidden, hidden + input));
        this.b = new double[4 * hidden];
        this.sharedBias = isStacked(new INDArray[] {params.bF(), params.bI(), params.bC(), params.bO()}, hidden)
                ? NativeBuffer.from(params.bF()) : null;
    }

    /**
     * A copy of {@code p} whose W_f, W_i, W_C, W_o are the row blocks of one {@code [4H, H+X]} array and whose
     * biases are the blocks of one {@code [4H]} array, so a {@link FusedLstm} reads them without copying
     * while {@link LstmCell} and the notebooks still see four {@code [H, H+X]} matrices.
     */
    public static LstmParams stacked(LstmParams p) {
        INDArray w = Nd4j.vstack(p.wF(), p.wI(), p.wC(), p.wO());            // [4H, H+X]
        INDArray b = Nd4j.concat(0, p.bF(), p.bI(), p.bC(), p.bO());         // [4H]
        long h = p.hiddenSize();
        INDArray[] wg = new INDArray[4];
        INDArray[] bg = new INDArray[4];
        for (int g = 0; g < 4; g++) {
            wg[g] = w.get(NDArrayIndex.interval(g * h, (g + 1) * h), NDArrayIndex.all());
            bg[g] = b.get(NDArrayIndex.interval(g * h, (g + 1) * h));
        }
        return new LstmParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], wg[3], bg[3]);
    }

    public LstmParams params() {
        return params;
    }

    /** Whether the GEMMs read the caller's weights in place (see {@link #stacked(LstmParams)}). */
    public boolean sharesStorage() {
        return shared;
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
        refreshParameters();
        Workspace ws = workspace(Math.toIntExact(xs.size(0)), Math.toIntExact(xs.size(1)));
        ws.generation++;
        return ws.forward(this, NativeBuffer.dense(xs), h0 == null ? null : NativeBuffer.dense(h0), c0 == null ? null : NativeBuffer.dense(c0));
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
        if (run == null || run.owner != this) {
            throw new IllegalArgumentException("run must come from this FusedLstm's run or forwardSequence");
        }
        Workspace ws = run.workspace;
        if (ws != workspace || ws.generation != run.generation) {
            throw new IllegalStateException("this pass was overwritten by a later run of the same FusedLstm "
                    + "(it reuses its workspace): call backwardSequence before the next run");
        }
        Shapes.require("∂L/∂h", "[B, T, H]", dHs, ws.batch, ws.steps, hidden);
        Shapes.requireType("∂L/∂h", dHs, type);
        return ws.backward(this, NativeBuffer.dense(dHs), inputs);
    }

    /** What a fused forward run leaves for the backward pass. */
    public static final class Pass implements RecurrentLayer.SequencePass {
        private final FusedLstm owner;
        private final Workspace workspace;
        private final long generation;
        private final INDArray hs;
        private final INDArray cs;

        private Pass(FusedLstm owner, Workspace workspace, INDArray hs, INDArray cs) {
            this.owner = owner;
            this.workspace = workspace;
            this.generation = workspace.generation;
            this.hs = hs;
            this.cs = cs;
        }

        /** h_1 … h_T, {@code [B, T, H]}. */
        @Override
        public INDArray hs() {
            return hs;
        }

        /** C_1 … C_T, {@code [B, T, H]}. */
        public INDArray cs() {
            return cs;
        }

        /** T. */
        public int length() {
            return (int) hs.size(1);
        }
    }

    private void refreshParameters() {
        if (!shared) {
            INDArray[] ws = {params.wF(), params.wI(), params.wC(), params.wO()};
            int block = hidden * (hidden + input);
            double[] copy = new double[block];
            for (int g = 0; g < 4; g++) {
                NativeBuffer.of(NativeBuffer.dense(ws[g])).get(0, copy, 0, block);
                w.put(g * block, copy, 0, block);
            }
        }
        if (sharedBias != null) {
            sharedBias.get(0, b, 0, b.length);
        } else {
            INDArray[] bs = {params.bF(), params.bI(), params.bC(), params.bO()};
            for (int g = 0; g < 4; g++) NativeBuffer.of(NativeBuffer.dense(bs[g])).get(0, b, g * hidden, hidden);
        }
    }

    private Workspace workspace(int batch, int steps) {
        if (workspace == null || workspace.batch != batch || workspace.steps != steps) {
            workspace = new Workspace(batch, steps, hidden, input, type);
        }
        return workspace;
    }

    /** True when W_f … W_o are consecutive row blocks of one dense [4H, H+X] array, as {@link #stacked} makes them. */
    private static boolean isStacked(LstmParams p) {
        return isStacked(new INDArray[] {p.wF(), p.wI(), p.wC(), p.wO()}, p.hiddenSize());
    }

    /** True when the four row blocks (or vector blocks) lie one after another, dense and row-major, from the first's start. */
    private static boolean isStacked(INDArray[] blocks, long h) {
        INDArray first = blocks[0];
        long cols = first.rank() == 2 ? first.columns() : 1;
        long bytes = h * cols * first.data().getElementSize();
        long start = first.data().addressPointer().address();
        for (int g = 0; g < 4; g++) {
            INDArray a = blocks[g];
            boolean dense = a.rank() == 2 ? a.ordering() == 'c' && a.stride(0) == cols && a.stride(1) == 1
                    : a.rank() == 1 && a.stride(0) == 1;
            if (!dense || a.data().addressPointer().address() != start + g * bytes) return false;
        }
        return first.offset() == 0 && first.data().length() >= 4 * h * cols;
    }
    /**
     * The arrays one sequence length and batch size need, allocated once and reused by every run. Time-major:
     * row {@code t·B + b} holds example b at step t, so a step's rows are one contiguous block for its GEMM.
     */
    private static final class Workspace {
        final int batch;
        final int steps;
        final int hidden;
        final int input;
        final DataType type;
        long generation;
        /** [h_{t-1}, x_t] for every step, [T, B, H+X]: the GEMMs' left operand, forward and for ∂L/∂W. */
        final NativeBuffer hx;
        /** Gate pre-activations, overwritten in place by the gates f, i, C̃, o: [T, B, 4H]. */
        final NativeBuffer z;
        /** ∂L/∂z for every step, [T, B, 4H]. */
        final NativeBuffer dz;
        /** ∂L/∂h_{t-1} from one step's GEMM, [B, H]. */
        final NativeBuffer dh;
        /** ∂L/∂x_t, [T, B, X]. */
        final NativeBuffer dxTimeMajor;
        final double[] xs;      // [B, T, X]
        final double[] c;       // C_0 … C_T, [T+1, B, H]
        final double[] tanhC;   // tanh(C_t), [T, B, H]
        final double[] gates;   // one step of z, [B, 4H]
        final double[] h;       // one step of h, [B, H]
        final double[] hs;      // [B, T, H]
        final double[] cs;      // [B, T, H]
        final double[] dHs;     // [B, T, H]
        final double[] dhNext;  // ∂L/∂h_t from step t+1, [B, H]
        final double[] dcNext;  // ∂L/∂C_t from step t+1, [B, H]
        final double[] dxs;     // [T, B, X] then [B, T, X]
        final double[] dxsOut;

        Workspace(int batch, int steps, int hidden, int input, DataType type) {
            this.batch = batch;
            this.steps = steps;
            this.hidden = hidden;
            this.input = input;
            this.type = type;
            long rows = (long) steps * batch;
            int g = 4 * hidden;
            this.hx = NativeBuffer.of(Nd4j.create(type, rows * (hidden + input)));
            this.z = NativeBuffer.of(Nd4j.create(type, rows * g));
            this.dz = NativeBuffer.of(Nd4j.create(type, rows * g));
            this.dh = NativeBuffer.of(Nd4j.create(type, (long) batch * hidden));
            this.dxTimeMajor = NativeBuffer.of(Nd4j.create(type, rows * input));
            int bh = batch * hidden;
            int n = Math.toIntExact(rows * hidden);
            this.xs = new double[Math.toIntExact(rows * input)];
            this.c = new double[n + bh];
            this.tanhC = new double[n];
            this.gates = new double[batch * g];
            this.h = new double[bh];
            this.hs = new double[n];
            this.cs = new double[n];
            this.dHs = new double[n];
            this.dhNext = new double[bh];
            this.dcNext = new double[bh];
            this.dxs = new double[xs.length];
            this.dxsOut = new double[xs.length];
        }

        Pass forward(FusedLstm layer, INDArray xsIn, INDArray h0, INDArray c0) {
            final int bSize = batch, tSize = steps, hSize = hidden, xSize = input, g = 4 * hidden, row = hidden + input;
            NativeBuffer.of(xsIn).get(0, xs, 0, xs.length);
            for (int t = 0; t < tSize; t++) {
                for (int b = 0; b < bSize; b++) {
                    hx.put((t * bSize + b) * row + hSize, xs, (b * tSize + t) * xSize, xSize); // x_t into [h_{t-1}, x_t]
                }
            }
            if (h0 == null) java.util.Arrays.fill(h, 0);
            else NativeBuffer.of(h0).get(0, h, 0, h.length);
            for (int b = 0; b < bSize; b++) hx.put(b * row, h, b * hSize, hSize);              // h_0 into [h_0, x_1]
            if (c0 == null) java.util.Arrays.fill(c, 0, h.length, 0);
            else NativeBuffer.of(c0).get(0, c, 0, h.length);                                    // C_0
            // the input projection of every step in one GEMM: z = x · W_xᵀ, [T·B, 4H]
            NativeBuffer.gemm(false, true, tSize * bSize, g, xSize, hx, hSize, row, layer.w, hSize, row, 0, z, 0, g);
            for (int t = 0; t < tSize; t++) {
                // one GEMM for all four gates: z_t += h_{t-1} · W_hᵀ, [B, 4H]
                NativeBuffer.gemm(false, true, bSize, g, hSize, hx, t * bSize * row, row, layer.w, 0, row, 1, z, t * bSize * g, g);
                z.get(t * bSize * g, gates, 0, gates.length);
                cellForward(gates, layer.b, c, t * bSize * hSize, tanhC, h, bSize, hSize);
                z.put(t * bSize * g, gates, 0, gates.length);                                    // keep f, i, C̃, o for backward
                for (int b = 0; b < bSize; b++) {
                    if (t + 1 < tSize) hx.put(((t + 1) * bSize + b) * row, h, b * hSize, hSize); // h_t into [h_t, x_{t+1}]
                    System.arraycopy(h, b * hSize, hs, (b * tSize + t) * hSize, hSize);
                    System.arraycopy(c, (t + 1) * bSize * hSize + b * hSize, cs, (b * tSize + t) * hSize, hSize);
                }
            }
            long[] shape = {bSize, tSize, hSize};
            return new Pass(layer, this, NativeBuffer.array(hs, type, shape), NativeBuffer.array(cs, type, shape));
        }

        LstmGrads backward(FusedLstm layer, INDArray dHsIn, boolean inputs) {
            final int bSize = batch, tSize = steps, hSize = hidden, xSize = input, g = 4 * hidden, row = hidden + input;
            NativeBuffer.of(dHsIn).get(0, dHs, 0, dHs.length);
            java.util.Arrays.fill(dhNext, 0);
            java.util.Arrays.fill(dcNext, 0);
            double[] db = new double[g];
            for (int t = tSize - 1; t >= 0; t--) {
                z.get(t * bSize * g, gates, 0, gates.length);
                cellBackward(gates, c, tanhC, t, dHs, tSize, dhNext, dcNext, db, bSize, hSize);
                dz.put(t * bSize * g, gates, 0, gates.length);
                if (t == 0 && !inputs) break;
                // ∂L/∂h_{t-1} = ∂L/∂z_t · W_h, one GEMM for all four gates, [B, H]
                NativeBuffer.gemm(false, false, bSize, hSize, g, dz, t * bSize * g, g, layer.w, 0, row, 0, dh, 0, hSize);
                dh.get(0, dhNext, 0, dhNext.length);
            }
            // the weight gradient of every step in one GEMM: ∂L/∂W = Σ_t ∂L/∂z_tᵀ · [h_{t-1}, x_t], [4H, H+X]
            INDArray dW = Nd4j.createUninitialized(type, new long[] {g, row}, 'c');
            NativeBuffer.gemm(true, false, g, row, tSize * bSize, dz, 0, g, hx, 0, row, 0, NativeBuffer.of(dW), 0, row);
            if (inputs) {
                // ∂L/∂x_t = ∂L/∂z_t · W_x for every step in one GEMM, [T·B, X]
                NativeBuffer.gemm(false, false, tSize * bSize, xSize, g, dz, 0, g, layer.w, hSize, row, 0, dxTimeMajor, 0, xSize);
                dxTimeMajor.get(0, dxs, 0, dxs.length);
                for (int t = 0; t < tSize; t++) {
                    for (int b = 0; b < bSize; b++) {
                        System.arraycopy(dxs, (t * bSize + b) * xSize, dxsOut, (b * tSize + t) * xSize, xSize);
                    }
                }
            }
            // one array per course symbol: ND4J views would cost more than the whole pass at the tiny size
            double[] dWValues = new double[g * row];
            NativeBuffer.of(dW).get(0, dWValues, 0, dWValues.length);
            INDArray[] w = new INDArray[4];
            INDArray[] bias = new INDArray[4];
            for (int k = 0; k < 4; k++) {
                w[k] = NativeBuffer.array(dWValues, k * hSize * row, type, hSize, row);
                bias[k] = NativeBuffer.array(db, k * hSize, type, hSize);
            }
            LstmParams grads = new LstmParams(w[0], bias[0], w[1], bias[1], w[2], bias[2], w[3], bias[3]);
            long[] state = {bSize, hSize};
            if (!inputs) return new LstmGrads(grads, null, null, null);
            return new LstmGrads(grads, NativeBuffer.array(dxsOut, type, bSize, tSize, xSize),
                    NativeBuffer.array(dhNext, type, state), NativeBuffer.array(dcNext, type, state));
        }
    }

    /**
     * One step of the gate maths for the whole batch, in place: {@code z} arrives as W·[h_{t-1}, x_t] without
     * the bias and leaves as the gates f, i, C̃, o; C_t and tanh(C_t) go to their step's block and h_t to {@code h}.
     *
     * @param z     [B, 4H], the gate blocks in the order f, i, C, o
     * @param bias  b = [b_f; b_i; b_C; b_o], [4H]
     * @param c     C_0 … C_T, [T+1, B, H]; reads C_{t-1} at {@code at}, writes C_t at {@code at + B·H}
     * @param tanhC tanh(C_t) written at {@code at}, [T, B, H]
     * @param h     h_t, [B, H]
     */
    static void cellForward(double[] z, double[] bias, double[] c, int at, double[] tanhC, double[] h, int batch, int hidden) {
        final int hh = hidden;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = at + r * hh;
            for (int j = 0; j < hh; j++) {
                double f = sigmoid(z[zr + j] + bias[j]);                              // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)
                double i = sigmoid(z[zr + hh + j] + bias[hh + j]);                    // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)
                double cTilde = tanh(z[zr + 2 * hh + j] + bias[2 * hh + j]);          // C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
                double cNew = f * c[s + j] + i * cTilde;                              // C_t = f_t * C_{t-1} + i_t * C̃_t
                double o = sigmoid(z[zr + 3 * hh + j] + bias[3 * hh + j]);            // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)
                double tanhCNew = tanh(cNew);
                h[r * hh + j] = o * tanhCNew;                                         // h_t = o_t * tanh(C_t)
                c[s + batch * hh + j] = cNew;
                tanhC[s + j] = tanhCNew;
                z[zr + j] = f;
                z[zr + hh + j] = i;
                z[zr + 2 * hh + j] = cTilde;
                z[zr + 3 * hh + j] = o;
            }
        }
    }

    /**
     * One step of backpropagation through the gate maths for the whole batch, in place: {@code z} arrives as
     * the gates of step t and leaves as ∂L/∂z_t; ∂L/∂C_{t-1} replaces {@code dcNext}, and ∂L/∂b accumulates.
     *
     * @param z      [B, 4H]: f, i, C̃, o in, ∂L/∂z_t out
     * @param c      C_0 … C_T, [T+1, B, H]
     * @param tanhC  tanh(C_t), [T, B, H]
     * @param t      the step
     * @param dHs    ∂L/∂h_t from the loss, [B, T, H]
     * @param dhNext ∂L/∂h_t from step t+1, [B, H]
     * @param dcNext ∂L/∂C_t from step t+1 in, ∂L/∂C_{t-1} out, [B, H]
     * @param db     ∂L/∂b accumulated over steps, [4H]
     */
    static void cellBackward(double[] z, double[] c, double[] tanhC, int t, double[] dHs, int steps,
                             double[] dhNext, double[] dcNext, double[] db, int batch, int hidden) {
        final int hh = hidden;
        final int at = t * batch * hh;
        for (int r = 0; r < batch; r++) {
            final int zr = r * 4 * hh;
            final int s = r * hh;
            final int fromLoss = (r * steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                double f = z[zr + j];
                double i = z[zr + hh + j];
                double cTilde = z[zr + 2 * hh + j];
                double o = z[zr + 3 * hh + j];
                double cPrev = c[at + s + j];
                double tc = tanhC[at + s + j];
                double dh = dHs[fromLoss + j] + dhNext[s + j];                        // ∂L/∂h_t
                double dC = dh * o * (1 - tc * tc) + dcNext[s + j];                   // ∂L/∂C_t, through h_t and from later steps
                double zF = dC * cPrev * (f * (1 - f));                               // ∂L/∂z_f, back through σ
                double zI = dC * cTilde * (i * (1 - i));                              // ∂L/∂z_i
                double zC = dC * i * (1 - cTilde * cTilde);                           // ∂L/∂z_C, back through tanh
                double zO = dh * tc * (o * (1 - o));                                  // ∂L/∂z_o
                dcNext[s + j] = dC * f;                                               // ∂L/∂C_{t-1}
                z[zr + j] = zF;
                z[zr + hh + j] = zI;
                z[zr + 2 * hh + j] = zC;
                z[zr + 3 * hh + j] = zO;
                db[j] += zF;
                db[hh + j] += zI;
                db[2 * hh + j] += zC;
                db[3 * hh + j] += zO;
            }
        }
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** tanh(x) = 2σ(2x) − 1 written with one exponential: faster than {@link Math#tanh} on Java 17, equal to rounding. */
    static double tanh(double x) {
        return 2 / (1 + Math.exp(-2 * x)) - 1;
    }
}
