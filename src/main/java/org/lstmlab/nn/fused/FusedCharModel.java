package org.lstmlab.nn.fused;

import org.lstmlab.nn.CharModel;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.CharModelStep;
import org.lstmlab.nn.LstmGrads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The character model of {@link CharModel} computed fast: the one-hot x_t times E as what it is, a row
 * gather (x_t = row c_t of E, no one-hot array, no [BT, V]·[V, X] product); the LSTM on {@link FusedLstm};
 * the readout's bias, the softmax and the cross-entropy and its gradient ∂loss/∂ŷ_t = (p_t − onehot(y_t))/BT
 * in one loop over the scores (the softmax never stored apart from the gradient); and ∂loss/∂E as a
 * scatter-add of ∂loss/∂x_t into the rows read. The readout's products are one GEMM each. Equal to
 * {@link CharModel} to rounding (tested to 1e-12 in float64).
 *
 * <pre>{@code
 * var model = new FusedCharModel(FusedCharModel.stacked(CharModelParams.init(v, 16, 128, 42, DataType.DOUBLE)));
 * CharModelStep s = model.lossAndGradients(chunk.inputs(), chunk.targets(), b, t, h, c); // h, c carried
 * }</pre>
 *
 * <p>Not thread-safe: it runs on its {@link FusedLstm}'s reused workspace.
 */
public final class FusedCharModel {
    private final CharModelParams params;
    private final FusedLstm lstm;

    /** @param params pass them through {@link #stacked(CharModelParams)} once to skip a copy per run */
    public FusedCharModel(CharModelParams params) {
        if (params == null) throw new IllegalArgumentException("params must be CharModelParams but is null");
        this.params = params;
        this.lstm = new FusedLstm(params.lstm());
    }

    /** A copy of {@code p} whose LSTM weights are stacked as {@link FusedLstm#stacked} lays them out. */
    public static CharModelParams stacked(CharModelParams p) {
        return new CharModelParams(p.embedding().dup(), FusedLstm.stacked(p.lstm()), p.wY().dup(), p.bY().dup());
    }

    public CharModelParams params() {
        return params;
    }

    /** The same as {@link CharModel#lossAndGradients}, fused. */
    public CharModelStep lossAndGradients(int[] inputs, int[] targets, int batch, int steps, INDArray h0, INDArray c0) {
        return run(inputs, targets, batch, steps, h0, c0, true);
    }

    /**
     * The loss of one chunk and the state it ends in, without the gradient ({@link CharModelStep#grads()} is
     * null): for held-out text.
     */
    public CharModelStep loss(int[] inputs, int[] targets, int batch, int steps, INDArray h0, INDArray c0) {
        return run(inputs, targets, batch, steps, h0, c0, false);
    }

    /**
     * The loss of every character of one chunk, −log p_t[y_t] in nats, {@code [B, T]} row-major, and the state
     * the chunk ends in: for held-out text, position by position.
     */
    public Scored score(int[] inputs, int[] targets, int batch, int steps, INDArray h0, INDArray c0) {
        double[] nats = new double[batch * steps];
        CharModelStep s = run(inputs, targets, batch, steps, h0, c0, false, nats);
        return new Scored(nats, s.h(), s.c());
    }

    /**
     * @param nats −log p_t[y_t] for every character, {@code [B, T]} row-major
     * @param h    h_T, {@code [B, H]}
     * @param c    C_T, {@code [B, H]}
     */
    public record Scored(double[] nats, INDArray h, INDArray c) {}

    /** How many characters {@link #states} runs at a time: its memory stays that of a chunk, whatever the text. */
    static final int STATES_CHUNK = 256;

    /**
     * Every step's state over one stream of characters, from zero state, read {@value #STATES_CHUNK} characters
     * at a time with the state carried (the same numbers as one run over the whole stream).
     *
     * @param ids the characters read, {@code [T]}
     * @return h_1 … h_T and C_1 … C_T, each {@code [T][H]}
     */
    public States states(int[] ids) {
        CharModel.requireIds("ids", ids, ids == null ? 0 : ids.length, params.vocabularySize());
        if (ids.length == 0) throw new IllegalArgumentException("ids must hold at least one character but is empty");
        int hidden = params.hiddenSize();
        double[][] hs = new double[ids.length][], cs = new double[ids.length][];
        INDArray h = Nd4j.zeros(params.dataType(), 1, hidden), c = Nd4j.zeros(params.dataType(), 1, hidden);
        for (int from = 0; from < ids.length; from += STATES_CHUNK) {
            int[] chunk = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + STATES_CHUNK));
            FusedLstm.Pass pass = lstm.forwardSequence(gather(chunk, readout(1, chunk.length)), h, c);
            double[][] hChunk = pass.hs().reshape('c', chunk.length, hidden).toDoubleMatrix();
            double[][] cChunk = pass.cs().reshape('c', chunk.length, hidden).toDoubleMatrix();
            pass.release();
            System.arraycopy(hChunk, 0, hs, from, chunk.length);
            System.arraycopy(cChunk, 0, cs, from, chunk.length);
            h = Nd4j.createFromArray(new double[][] {hChunk[chunk.length - 1]}).castTo(params.dataType());
            c = Nd4j.createFromArray(new double[][] {cChunk[chunk.length - 1]}).castTo(params.dataType());
        }
        return new States(hs, cs);
    }

    /** h_1 … h_T and C_1 … C_T of one stream, each {@code [T][H]}. */
    public record States(double[][] hs, double[][] cs) {}

    /**
     * One step from state (h, C) after reading character {@code id}: the scores ŷ for the next character.
     *
     * @param h h_{t-1}, {@code [1, H]}
     * @param c C_{t-1}, {@code [1, H]}
     * @return ŷ_t {@code [V]} and h_t, C_t
     */
    public Scores next(int id, INDArray h, INDArray c) {
        CharModel.requireIds("id", new int[] {id}, 1, params.vocabularySize());
        Readout r = readout(1, 1);
        FusedLstm.Pass pass = lstm.forwardSequence(gather(new int[] {id}, r), h, c);
        int v = params.vocabularySize();
        INDArray hT = lastHidden(pass, r);
        INDArray cT = LstmWorkspace.lastCellState(pass); // C_1 alone, no C_1 … C_T array
        scores(NativeBuffer.of(pass.hs()), r);
        pass.release();
        r.logits.get(0, r.z, 0, v);
        double[] bY = biasOfReadout(r);
        double[] scores = new double[v];
        for (int j = 0; j < v; j++) scores[j] = r.z[j] + bY[j]; // ŷ_t = h_t·W_yᵀ + b_y
        return new Scores(scores, hT, cT);
    }

    /** @param logits ŷ_t, one score per character, {@code [V]} */
    public record Scores(double[] logits, INDArray h, INDArray c) {}

    private CharModelStep run(
            int[] inputs, int[] targets, int batch, int steps, INDArray h0, INDArray c0, boolean gradients) {
        return run(inputs, targets, batch, steps, h0, c0, gradients, null);
    }

    /** @param nats null, or {@code [B·T]} to receive each character's loss */
    private CharModelStep run(
            int[] inputs,
            int[] targets,
            int batch,
            int steps,
            INDArray h0,
            INDArray c0,
            boolean gradients,
            double[] nats) {
        int v = params.vocabularySize(), x = params.embeddingSize(), hidden = params.hiddenSize();
        int n = batch * steps;
        CharModel.requireIds("inputs", inputs, n, v);
        CharModel.requireIds("targets", targets, n, v);
        Readout r = readout(batch, steps);
        FusedLstm.Pass pass = lstm.forwardSequence(gather(inputs, r), h0, c0);
        NativeBuffer hs = NativeBuffer.of(pass.hs()); // [B·T, H], row b·T + t
        INDArray hT = lastHidden(pass, r);
        INDArray cT = LstmWorkspace.lastCellState(pass);
        scores(hs, r); // h_t·W_yᵀ, [B·T, V]; + b_y below
        double[] z = r.z;
        r.logits.get(0, z, 0, n * v);
        double loss = softmaxCrossEntropy(z, biasOfReadout(r), targets, n, v, nats, r.s, r.w); // z: ∂loss/∂ŷ now
        if (!gradients) {
            pass.release();
            return new CharModelStep(loss, null, hT, cT);
        }
        r.logits.put(0, z, 0, n * v); // ∂loss/∂ŷ_t, [B·T, V]
        DataType type = params.dataType();
        INDArray dWy = Nd4j.create(type, v, hidden);
        // ∂loss/∂W_y = Σ_t ∂loss/∂ŷ_tᵀ·h_t, [V, H]
        NativeBuffer.gemm(true, false, v, hidden, n, r.logits, 0, v, hs, 0, hidden, 0, NativeBuffer.of(dWy), 0, hidden);
        double[] dBy = new double[v];
        for (int row = 0; row < n; row++) {
            for (int j = 0; j < v; j++) dBy[j] += z[row * v + j]; // ∂loss/∂b_y = Σ_t ∂loss/∂ŷ_t
        }
        // ∂loss/∂h_t = ∂loss/∂ŷ_t·W_y, [B·T, H] as [B, T, H]
        NativeBuffer.gemm(false, false, n, hidden, v, r.logits, 0, v, wY(), 0, hidden, 0, r.dHsBuffer, 0, hidden);
        LstmGrads g = lstm.backwardSequence(pass, r.dHs);
        pass.release();
        double[] dx = r.dx;
        NativeBuffer.of(NativeBuffer.dense(g.dxs())).get(0, dx, 0, n * x);
        double[] dE = new double[v * x];
        for (int row = 0; row < n; row++) { // ∂loss/∂E[c] = Σ over the steps that read c of ∂loss/∂x_t
            int at = inputs[row] * x;
            for (int k = 0; k < x; k++) dE[at + k] += dx[row * x + k];
        }
        return new CharModelStep(
                loss,
                new CharModelParams(
                        NativeBuffer.array(dE, type, v, x), g.params(), dWy, NativeBuffer.array(dBy, type, v)),
                hT,
                cT);
    }

    /** The readout's arrays for one B and T, reused run after run. */
    private static final class Readout {
        final int batch;
        final int steps;
        /** ŷ_t without the bias, then ∂loss/∂ŷ_t, [B·T, V]. */
        final NativeBuffer logits;
        /** The same in Java, [B·T·V]. */
        final double[] z;
        /** ∂loss/∂h_t, [B, T, H], and its storage. */
        final INDArray dHs;

        final NativeBuffer dHsBuffer;
        /** ∂loss/∂x_t, [B·T·X]. */
        final double[] dx;
        /** E, [V·X]; x_t = E[c_t] for every input, [B·T·X] and as the LSTM reads it, [B, T, X]. */
        final double[] e, x;

        final INDArray xs;
        final NativeBuffer xsBuffer;
        /** b_y, [V]. */
        final double[] bY;
        /** h_T, [B·H]. */
        final double[] h;
        /** The softmax's scratch, [V] each. */
        final double[] s, w;

        Readout(int batch, int steps, int v, int x, int hidden, DataType type) {
            this.batch = batch;
            this.steps = steps;
            int n = batch * steps;
            logits = NativeBuffer.of(Nd4j.create(type, n, v));
            z = new double[n * v];
            dHs = Nd4j.create(type, batch, steps, hidden);
            dHsBuffer = NativeBuffer.of(dHs);
            dx = new double[n * x];
            e = new double[v * x];
            this.x = new double[n * x];
            xs = Nd4j.create(type, batch, steps, x);
            xsBuffer = NativeBuffer.of(xs);
            bY = new double[v];
            h = new double[batch * hidden];
            s = new double[v];
            w = new double[v];
        }
    }

    /** The readout's arrays of the latest chunk, and of one character for {@link #next}. */
    private Readout readout, single;

    /** The readout's arrays for B and T: the last ones when they fit. */
    private Readout readout(int batch, int steps) {
        boolean one = batch == 1 && steps == 1; // sampling keeps its own, so it never replaces training's
        Readout r = one ? single : readout;
        if (r == null || r.batch != batch || r.steps != steps) {
            r = new Readout(
                    batch,
                    steps,
                    params.vocabularySize(),
                    params.embeddingSize(),
                    params.hiddenSize(),
                    params.dataType());
            if (one) single = r;
            else readout = r;
        }
        return r;
    }

    /** W_y as the GEMMs read it, {@code [V, H]}. */
    private NativeBuffer wY() {
        return NativeBuffer.of(NativeBuffer.dense(params.wY()));
    }

    /** b_y's current values, into {@code r.bY}. */
    private double[] biasOfReadout(Readout r) {
        NativeBuffer.of(NativeBuffer.dense(params.bY())).get(0, r.bY, 0, r.bY.length);
        return r.bY;
    }

    /** h_t·W_yᵀ for every row of {@code hs}, {@code [B·T, H]}, into {@code r.logits}, {@code [B·T, V]}: one GEMM. */
    private void scores(NativeBuffer hs, Readout r) {
        int v = params.vocabularySize(), hidden = params.hiddenSize();
        NativeBuffer.gemm(false, true, r.batch * r.steps, v, hidden, hs, 0, hidden, wY(), 0, hidden, 0, r.logits, 0, v);
    }

    /** h_T of {@code pass}, {@code [B, H]}: the last step of every stream. */
    private INDArray lastHidden(FusedLstm.Pass pass, Readout r) {
        int hidden = params.hiddenSize();
        NativeBuffer hs = NativeBuffer.of(pass.hs()); // [B, T, H]
        for (int b = 0; b < r.batch; b++) hs.get((b * r.steps + r.steps - 1) * hidden, r.h, b * hidden, hidden);
        return NativeBuffer.array(r.h, params.dataType(), r.batch, hidden);
    }

    /**
     * Rows c_t of E for every input, {@code [B, T, X]}, into {@code r}'s x: a gather of rows, no one-hot.
     *
     * @param ids B·T character ids, row-major
     */
    private INDArray gather(int[] ids, Readout r) {
        int x = params.embeddingSize();
        NativeBuffer.of(NativeBuffer.dense(params.embedding())).get(0, r.e, 0, r.e.length); // E, [V, X]
        for (int row = 0; row < ids.length; row++) System.arraycopy(r.e, ids[row] * x, r.x, row * x, x); // E[c_t]
        r.xsBuffer.put(0, r.x, 0, r.x.length);
        return r.xs;
    }

    /**
     * The mean cross-entropy of softmax(z + b_y) against the targets, and its gradient written over z:
     * row r becomes (p_r − onehot(y_r)) / N. The exponentials of a row are one vectorised loop
     * ({@link Activations#exp}).
     *
     * @param z    [N, V] scores without the bias, row-major
     * @param nats null, or [N] to receive each row's loss
     * @param s    scratch, at least V long
     * @param w    scratch, at least V long
     */
    static double softmaxCrossEntropy(
            double[] z, double[] bias, int[] targets, int n, int v, double[] nats, double[] s, double[] w) {
        double loss = 0;
        double[] row = new double[v];
        for (int r = 0; r < n; r++) {
            int o = r * v;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                row[j] = z[o + j] + bias[j]; // ŷ_t = h_t·W_yᵀ + b_y
                max = Math.max(max, row[j]);
            }
            for (int j = 0; j < v; j++) row[j] -= max; // the largest score 0: exp cannot overflow
            Activations.exp(row, row, v, s, w);
            double sum = 0;
            for (int j = 0; j < v; j++) sum += row[j];
            double nll = -Math.log(row[targets[r]] / sum); // −log p_t[y_t]
            if (nats != null) nats[r] = nll;
            loss += nll;
            double toP = 1 / (sum * n);
            for (int j = 0; j < v; j++) z[o + j] = row[j] * toP; // p_t / N
            z[o + targets[r]] -= 1.0 / n; // (p_t − onehot(y_t)) / N
        }
        return loss / n;
    }
}
