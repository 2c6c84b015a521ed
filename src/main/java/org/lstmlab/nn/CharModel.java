package org.lstmlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A character-level language model, written the readable way: each character a one-hot x_t times the
 * embedding E, the {@link LstmCell} over the chunk, the readout ŷ_t = h_t·W_yᵀ + b_y, the softmax
 * p_t = softmax(ŷ_t) and the cross-entropy −log p_t[next character], each a step of its own (Karpathy's
 * char-rnn; Graves 2013). {@link org.lstmlab.nn.fused.FusedCharModel} computes the same numbers fast; the
 * tests hold the two equal.
 *
 * <pre>{@code
 * var model = new CharModel(CharModelParams.init(v, 16, 64, 42, DataType.DOUBLE));
 * CharModelStep s = model.lossAndGradients(chunk.inputs(), chunk.targets(), b, t, h0, c0);
 * }</pre>
 */
public final class CharModel {
    private final CharModelParams params;
    private final LstmCell cell;

    public CharModel(CharModelParams params) {
        if (params == null) throw new IllegalArgumentException("params must be CharModelParams but is null");
        this.params = params;
        this.cell = new LstmCell(params.lstm());
    }

    public CharModelParams params() {
        return params;
    }

    /**
     * The loss of one chunk and its gradient by backpropagation through the chunk's T steps.
     *
     * @param inputs  character ids read, {@code [B, T]} row-major
     * @param targets the next character of each, {@code [B, T]} row-major
     * @param h0      h_0, {@code [B, H]}
     * @param c0      C_0, {@code [B, H]}
     */
    public CharModelStep lossAndGradients(int[] inputs, int[] targets, int batch, int steps, INDArray h0, INDArray c0) {
        int v = params.vocabularySize(), x = params.embeddingSize(), hidden = params.hiddenSize();
        int n = batch * steps;
        requireIds("inputs", inputs, n, v);
        requireIds("targets", targets, n, v);
        DataType type = params.dataType();
        INDArray oneHotIn = oneHot(inputs, n, v, type); // [BT, V]
        INDArray xs = oneHotIn.mmul(params.embedding()).reshape('c', batch, steps, x); // x_t = onehot(c_t)·E
        LstmSequence run = cell.forwardSequence(xs, h0, c0);
        INDArray hs = run.hs().reshape('c', n, hidden); // [BT, H]
        INDArray logits = hs.mmul(params.wY().transpose()).addiRowVector(params.bY()); // ŷ_t = h_t·W_yᵀ + b_y
        INDArray shifted = logits.subColumnVector(logits.max(1)); // the largest score 0: exp cannot overflow
        INDArray e = Transforms.exp(shifted, true);
        INDArray p = e.divColumnVector(e.sum(1)); // p_t = softmax(ŷ_t), [BT, V]
        INDArray oneHotTarget = oneHot(targets, n, v, type);
        double loss = -Transforms.log(p, true).mul(oneHotTarget).sumNumber().doubleValue() / n; // −mean log p_t[y]
        INDArray dLogits = p.sub(oneHotTarget).divi(n); // ∂loss/∂ŷ_t = (p_t − onehot(y_t)) / BT
        INDArray dWy = dLogits.transpose().mmul(hs); // [V, H]
        INDArray dBy = dLogits.sum(0); // [V]
        INDArray dHs = dLogits.mmul(params.wY()).reshape('c', batch, steps, hidden); // ∂loss/∂h_t
        LstmGrads g = cell.backwardSequence(run, dHs);
        INDArray dE = oneHotIn.transpose().mmul(g.dxs().reshape('c', n, x)); // ∂loss/∂E = onehotᵀ·∂loss/∂x
        INDArray hT = run.hs()
                .get(NDArrayIndex.all(), NDArrayIndex.point(steps - 1), NDArrayIndex.all())
                .dup();
        INDArray cT = run.cs()
                .get(NDArrayIndex.all(), NDArrayIndex.point(steps - 1), NDArrayIndex.all())
                .dup();
        return new CharModelStep(loss, new CharModelParams(dE, g.params(), dWy, dBy), hT, cT);
    }

    /**
     * Checks that {@code ids} holds {@code n} character ids, each in 0 … V−1.
     *
     * @param name the argument's name, for the message
     */
    public static void requireIds(String name, int[] ids, int n, int v) {
        if (ids == null || ids.length != n) {
            throw new IllegalArgumentException(name + " must hold B·T = " + n + " character ids but holds "
                    + (ids == null ? "none (null)" : ids.length));
        }
        for (int k = 0; k < n; k++) {
            if (ids[k] < 0 || ids[k] >= v) {
                throw new IllegalArgumentException(
                        name + "[" + k + "] must be a character id in 0 … V−1 = " + (v - 1) + " but is " + ids[k]);
            }
        }
    }

    /** Rows of zeros with a 1 at each id: {@code [N, V]}. */
    static INDArray oneHot(int[] ids, int n, int v, DataType type) {
        INDArray m = Nd4j.zeros(type, n, v);
        for (int r = 0; r < n; r++) m.putScalar(r, ids[r], 1.0);
        return m;
    }
}
