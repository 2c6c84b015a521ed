package org.lstmlab.nn.fused;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one sequence length and batch size need, allocated once and reused by every run, and the
 * pass over them, shared by the fused cells: each step is one GEMM, z_t = [h_{t-1}, x_t]·Wᵀ for every gate
 * of the cell ({@link #blocks} row blocks of H in W: four for the LSTM, one for the RNN) and the whole batch,
 * then the cell's element-wise maths; backward, the cell's maths then one GEMM per step for ∂L/∂h_{t-1} and,
 * after the loop, one GEMM for ∂L/∂W of every step and one for ∂L/∂x of every step. Time-major: row
 * {@code t·B + b} holds example b at step t, so a step's rows are one contiguous block for its GEMM.
 *
 * <p>The GEMM operands live in ND4J's native memory, where OpenBLAS reads them; the element-wise work runs
 * on Java arrays of the parameters' own precision ({@link F64} and {@link F32} hold what every cell needs,
 * the same code in double and float; {@link LstmWorkspace} and {@link RnnWorkspace} add each cell's maths).
 * Per step that costs one copy of z_t in and [h_t, x_{t+1}] out forward, ∂L/∂z_t out and ∂L/∂h_{t-1}
 * in backward (the LSTM and the GRU copy z_t and ∂L/∂z_t a gate block per example, split into or joined from
 * their per-gate arrays on the way), and a row per example of h_t out to the returned h_1 … h_T and of
 * ∂L/∂h_t in from the caller's array: neither is held whole in a Java array.
 *
 * @param <G> the cell's gradients ({@code LstmGrads}, {@code RnnGrads})
 */
abstract sealed class Workspace<G> permits Workspace.F64, Workspace.F32 {
    final int batch;
    final int steps;
    final int hidden;
    final int input;
    final DataType type;
    /** How many row blocks of H the stacked W holds: the width of z_t in units of H. */
    final int blocks;

    long generation;
    /** Set when the layer replaced this workspace by another (a new batch size or length). */
    boolean retired;
    /** [h_{t-1}, x_t] for every step, [T·B, H+X]: the left operand of the forward GEMMs and of ∂L/∂W. */
    final NativeBuffer hx;
    /** One step's pre-activations [h_{t-1}, x_t]·Wᵀ without the bias, [B, blocks·H]. */
    final NativeBuffer z;
    /**
     * ∂L/∂z_t for every step, [T·B, blocks·H]; for the GRU, whose candidate's h part sits inside the reset gate,
     * the gradient of the h part of each block's pre-activation.
     */
    final NativeBuffer dz;
    /** ∂L/∂h_{t-1} from one step's GEMM, [B, H]. */
    final NativeBuffer dh;
    /** ∂L/∂x_t, [T·B, X]. */
    final NativeBuffer dx;
    /** ∂L/∂W, [blocks·H, H+X]. */
    final NativeBuffer dW;
    /** The h_1 … h_T of a released pass ({@link FusedPass#release}), [B, T, H]: the next run's output. */
    INDArray spareHs;

    private Workspace(int batch, int steps, int hidden, int input, DataType type, int blocks) {
        this.batch = batch;
        this.steps = steps;
        this.hidden = hidden;
        this.input = input;
        this.type = type;
        this.blocks = blocks;
        long rows = (long) steps * batch;
        this.hx = NativeBuffer.of(Nd4j.create(type, rows * (hidden + input)));
        this.z = NativeBuffer.of(Nd4j.create(type, (long) blocks * batch * hidden));
        this.dz = NativeBuffer.of(Nd4j.create(type, rows * blocks * hidden));
        this.dh = NativeBuffer.of(Nd4j.create(type, (long) batch * hidden));
        this.dx = NativeBuffer.of(Nd4j.create(type, rows * input));
        this.dW = NativeBuffer.of(Nd4j.create(type, (long) blocks * hidden * (hidden + input)));
    }

    /**
     * The whole sequence forward.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}, dense
     * @param h0 h_0 {@code [B, H]}, dense, or null for zeros
     * @param c0 the cell's other initial state {@code [B, H]} (the LSTM's C_0), or null for zeros
     * @return h_1 … h_T, {@code [B, T, H]}
     */
    final INDArray forward(StackedWeights weights, INDArray xs, INDArray h0, INDArray c0) {
        // h_1 … h_T, [B, T, H], the pass's output, written a step at a time straight into native memory
        INDArray hs =
                spareHs != null ? spareHs : Nd4j.createUninitialized(type, new long[] {batch, steps, hidden}, 'c');
        spareHs = null;
        NativeBuffer out = NativeBuffer.of(hs);
        loadInputs(xs, h0, c0, weights);
        for (int t = 0; t < steps; t++) {
            stepGemm(weights, t);
            stepForward(t, out);
        }
        return hs;
    }

    /**
     * Step t's GEMM into {@link #z}: one GEMM for every gate and the whole batch, z_t = [h_{t-1}, x_t]·Wᵀ,
     * [B, blocks·H]. A cell whose gates do not all act on the whole [h_{t-1}, x_t] (the GRU) computes it its own way.
     */
    void stepGemm(StackedWeights weights, int t) {
        final int g = blocks * hidden, row = hidden + input;
        NativeBuffer.gemm(false, true, batch, g, row, hx, t * batch * row, row, weights.w, 0, row, 0, z, 0, g);
    }

    /**
     * Backpropagation through time over the latest forward run.
     *
     * @param dHs    ∂L/∂h_t from the loss at every step, {@code [B, T, H]}, dense
     * @param inputs whether to compute ∂L/∂x_t and the initial states' gradients too (false: ∂L/∂θ only)
     */
    final G backward(StackedWeights weights, INDArray dHs, boolean inputs) {
        NativeBuffer upstream = NativeBuffer.of(dHs); // the caller's array, read a step at a time
        clearCarries();
        for (int t = steps - 1; t >= 0; t--) {
            stepBackward(t, upstream);
            if (t == 0 && !inputs) break;
            stepDhGemm(weights, t);
            takeDh();
        }
        weightAndInputGemms(weights, inputs);
        return gradients(inputs);
    }

    /** Step t's backward GEMM into {@link #dh}: ∂L/∂h_{t-1} = ∂L/∂z_t·W_h, one GEMM for every gate, [B, H]. */
    void stepDhGemm(StackedWeights weights, int t) {
        final int g = blocks * hidden, row = hidden + input;
        NativeBuffer.gemm(false, false, batch, hidden, g, dz, t * batch * g, g, weights.w, 0, row, 0, dh, 0, hidden);
    }

    /**
     * After the backward loop: ∂L/∂W into {@link #dW} and, when {@code inputs}, ∂L/∂x_t of every step into
     * {@link #dx}, each one GEMM over all steps.
     */
    void weightAndInputGemms(StackedWeights weights, boolean inputs) {
        final int rows = steps * batch, g = blocks * hidden, row = hidden + input;
        // the weight gradient of every step in one GEMM: ∂L/∂W = Σ_t ∂L/∂z_tᵀ·[h_{t-1}, x_t], [blocks·H, H+X]
        NativeBuffer.gemm(true, false, g, row, rows, dz, 0, g, hx, 0, row, 0, dW, 0, row);
        if (inputs) {
            // ∂L/∂x_t = ∂L/∂z_t·W_x for every step in one GEMM, [T·B, X]
            NativeBuffer.gemm(false, false, rows, input, g, dz, 0, g, weights.w, hidden, row, 0, dx, 0, input);
        }
    }

    /**
     * Takes back the h_1 … h_T of a released pass for the next run to write into, or frees it when this
     * workspace was retired or already holds a spare one.
     */
    final void takeBack(INDArray hs) {
        if (!retired && spareHs == null) {
            spareHs = hs;
        } else if (hs.closeable()) {
            hs.close();
        }
    }

    /** x, h_0 (null: zeros) and the cell's other state (null: zeros) in; the first rows of {@link #hx}, [h_0, x_1], out. */
    abstract void loadInputs(INDArray xs, INDArray h0, INDArray c0, StackedWeights weights);

    /**
     * The cell's maths of step t after its GEMM: z_t in, [h_t, x_{t+1}] out to the next rows of {@link #hx},
     * h_t out to step t of {@code hs}, [B, T, H].
     */
    abstract void stepForward(int t, NativeBuffer hs);

    /** Zero every carry from beyond step T (∂L/∂h, the cell's own) and the bias gradient's sums. */
    abstract void clearCarries();

    /**
     * Backward through the cell's maths of step t, ∂L/∂h_t from the loss read from step t of {@code dHs},
     * [B, T, H]: ∂L/∂z_t out to {@link #dz}.
     */
    abstract void stepBackward(int t, NativeBuffer dHs);

    /** ∂L/∂h_{t-1} from {@link #dh} into the next (earlier) step's input. */
    abstract void takeDh();

    abstract G gradients(boolean inputs);

    /** What every double-precision pass holds: the inputs, one step's GEMM operands, ∂L/∂h carries. */
    abstract static non-sealed class F64<G> extends Workspace<G> {
        final double[] xs; // [B, T, X]
        final double[] hxStep; // one step of [h_{t-1}, x_t], [B, H+X]
        final double[] fromLoss; // one step of ∂L/∂h_t from the loss, then the whole ∂L/∂h_t, [B, H]
        final double[] dhNext; // ∂L/∂h_t from step t+1, [B, H]
        final double[] dWValues; // [blocks·H, H+X]
        private final double[] dxTime; // [T, B, X]
        private final double[] dxs; // [B, T, X]

        F64(int batch, int steps, int hidden, int input, int blocks) {
            super(batch, steps, hidden, input, DataType.DOUBLE, blocks);
            int bh = batch * hidden, nx = steps * batch * input;
            xs = new double[nx];
            hxStep = new double[batch * (hidden + input)];
            fromLoss = new double[bh];
            dhNext = new double[bh];
            dWValues = new double[blocks * hidden * (hidden + input)];
            dxTime = new double[nx];
            dxs = new double[nx];
        }

        /** x into {@link #xs} and h_0 (null: zeros) into {@code h}, [B, H]; then [h_0, x_1] into {@link #hx}. */
        final void loadXAndH0(INDArray xsIn, INDArray h0, double[] h) {
            NativeBuffer.of(xsIn).get(0, xs, 0, xs.length);
            if (h0 == null) Arrays.fill(h, 0);
            else NativeBuffer.of(h0).get(0, h, 0, h.length);
            putHx(0, h); // [h_0, x_1]
        }

        /** [h, x_{t+1}] into step t's rows of {@link #hx}, h being h_t, [B, H]. */
        final void putHx(int t, double[] h) {
            final int row = hidden + input;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(h, b * hidden, hxStep, b * row, hidden);
                System.arraycopy(xs, (b * steps + t) * input, hxStep, b * row + hidden, input);
            }
            hx.put(t * batch * row, hxStep, 0, hxStep.length);
        }

        /** h_t, [B, H], into step t of h_1 … h_T, [B, T, H]. */
        final void putH(int t, double[] h, NativeBuffer hs) {
            for (int b = 0; b < batch; b++) hs.put((b * steps + t) * hidden, h, b * hidden, hidden);
        }

        /** Step t of ∂L/∂h from the loss, [B, T, H], into {@link #fromLoss}. */
        final void readFromLoss(int t, NativeBuffer dHs) {
            for (int b = 0; b < batch; b++) dHs.get((b * steps + t) * hidden, fromLoss, b * hidden, hidden);
        }

        @Override
        void clearCarries() {
            Arrays.fill(dhNext, 0);
        }

        @Override
        void takeDh() {
            dh.get(0, dhNext, 0, dhNext.length);
        }

        /** ∂L/∂x_t of every step from {@link #dx} into a new {@code [B, T, X]} array. */
        final INDArray inputGradients() {
            dx.get(0, dxTime, 0, dxTime.length);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxTime, (t * batch + b) * input, dxs, (b * steps + t) * input, input);
                }
            }
            return NativeBuffer.array(dxs, type, batch, steps, input);
        }
    }

    /** {@link F64} in single precision, line for line. */
    abstract static non-sealed class F32<G> extends Workspace<G> {
        final float[] xs;
        final float[] hxStep;
        final float[] fromLoss;
        final float[] dhNext;
        final float[] dWValues;
        private final float[] dxTime;
        private final float[] dxs;

        F32(int batch, int steps, int hidden, int input, int blocks) {
            super(batch, steps, hidden, input, DataType.FLOAT, blocks);
            int bh = batch * hidden, nx = steps * batch * input;
            xs = new float[nx];
            hxStep = new float[batch * (hidden + input)];
            fromLoss = new float[bh];
            dhNext = new float[bh];
            dWValues = new float[blocks * hidden * (hidden + input)];
            dxTime = new float[nx];
            dxs = new float[nx];
        }

        static NativeBuffer.F32 f32(NativeBuffer buffer) {
            return (NativeBuffer.F32) buffer;
        }

        final void loadXAndH0(INDArray xsIn, INDArray h0, float[] h) {
            f32(NativeBuffer.of(xsIn)).get(0, xs, 0, xs.length);
            if (h0 == null) Arrays.fill(h, 0);
            else f32(NativeBuffer.of(h0)).get(0, h, 0, h.length);
            putHx(0, h); // [h_0, x_1]
        }

        final void putHx(int t, float[] h) {
            final int row = hidden + input;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(h, b * hidden, hxStep, b * row, hidden);
                System.arraycopy(xs, (b * steps + t) * input, hxStep, b * row + hidden, input);
            }
            f32(hx).put(t * batch * row, hxStep, 0, hxStep.length);
        }

        final void putH(int t, float[] h, NativeBuffer hs) {
            NativeBuffer.F32 out = f32(hs);
            for (int b = 0; b < batch; b++) out.put((b * steps + t) * hidden, h, b * hidden, hidden);
        }

        final void readFromLoss(int t, NativeBuffer dHs) {
            NativeBuffer.F32 all = f32(dHs);
            for (int b = 0; b < batch; b++) all.get((b * steps + t) * hidden, fromLoss, b * hidden, hidden);
        }

        @Override
        void clearCarries() {
            Arrays.fill(dhNext, 0);
        }

        @Override
        void takeDh() {
            f32(dh).get(0, dhNext, 0, dhNext.length);
        }

        final INDArray inputGradients() {
            f32(dx).get(0, dxTime, 0, dxTime.length);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(dxTime, (t * batch + b) * input, dxs, (b * steps + t) * input, input);
                }
            }
            return NativeBuffer.array(dxs, 0, batch, steps, input);
        }
    }
}
