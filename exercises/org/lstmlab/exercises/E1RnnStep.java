package org.lstmlab.exercises;

import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * E1 — one step of a vanilla RNN (10 points). Notebook: {@code 01-rnn-vanishing-gradients}.
 *
 * <p>Implement {@link #rnnStep}: {@code h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)}. The concatenation puts
 * h first. Rows are examples, so in batched form {@code h_t = tanh([h_{t-1}, x_t] · W_hᵀ + b_h)}.
 * Use ND4J ({@code Nd4j.concat}, {@code mmul}, {@code Transforms.tanh}); do not call {@code RnnCell}.
 */
public final class E1RnnStep {
    private E1RnnStep() {}

    /**
     * One RNN step for a batch.
     *
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param p     W_h {@code [H, H+X]} ({@code p.wH()}) and b_h {@code [H]} ({@code p.bH()})
     * @return h_t, {@code [B, H]}
     */
    public static INDArray rnnStep(INDArray x, INDArray hPrev, RnnParams p) {
        // TODO E1: h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)
        throw new UnsupportedOperationException("E1 (RNN step) is not implemented yet: E1RnnStep.rnnStep must compute h_t = tanh(W_h · [h_{t-1}, x_t] + b_h). Notebook 01-rnn-vanishing-gradients explains it. / E1 (bước RNN) chưa làm: E1RnnStep.rnnStep phải tính h_t = tanh(W_h · [h_{t-1}, x_t] + b_h). Notebook 01-rnn-vanishing-gradients giải thích phần này.");
    }
}
