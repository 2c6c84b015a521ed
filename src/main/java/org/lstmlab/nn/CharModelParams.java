package org.lstmlab.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A character-level language model's parameters: the embedding E, whose row c is the LSTM's input x_t when
 * character c is read (the one-hot x_t times E); the LSTM's; and the readout to one score per character,
 * {@code ŷ_t = h_t·W_yᵀ + b_y}.
 *
 * @param embedding E, {@code [V, X]}
 * @param lstm      W_f … b_o, {@code [H, H+X]} and {@code [H]}
 * @param wY        W_y, {@code [V, H]}
 * @param bY        b_y, {@code [V]}
 */
public record CharModelParams(INDArray embedding, LstmParams lstm, INDArray wY, INDArray bY) {
    public CharModelParams {
        if (lstm == null) throw new IllegalArgumentException("lstm must be LstmParams but is null");
        int h = lstm.hiddenSize(), x = lstm.inputSize();
        Shapes.require("E", "[V, X]", embedding, Shapes.ANY, x);
        long v = embedding.rows();
        Shapes.require("W_y", "[V, H]", wY, v, h);
        Shapes.require("b_y", "[V]", bY, v);
        Shapes.requireType("E", embedding, lstm.dataType());
        Shapes.requireType("W_y", wY, lstm.dataType());
        Shapes.requireType("b_y", bY, lstm.dataType());
    }

    /**
     * Seeded parameters: E uniform in ±1, the LSTM uniform in ±1/√H with b_f raised by 1 (Jozefowicz,
     * Zaremba &amp; Sutskever 2015), W_y uniform in ±1/√H, b_y = 0.
     *
     * @param vocabulary V
     * @param embedding  X, the width of E's rows
     * @param hidden     H
     */
    public static CharModelParams init(int vocabulary, int embedding, int hidden, long seed, DataType dataType) {
        Shapes.requirePositive("V (vocabulary size)", vocabulary);
        SeededUniform draw = new SeededUniform(seed, dataType);
        INDArray e = draw.next(1.0, vocabulary, embedding);
        LstmParams lstm = LstmParams.init(embedding, hidden, Init.UNIFORM, 1.0, seed + 1, dataType);
        INDArray wY = draw.next(1 / Math.sqrt(hidden), vocabulary, hidden);
        return new CharModelParams(e, lstm, wY, Nd4j.zeros(dataType, vocabulary));
    }

    /** V. */
    public int vocabularySize() {
        return (int) embedding.rows();
    }

    /** X. */
    public int embeddingSize() {
        return lstm.inputSize();
    }

    /** H. */
    public int hiddenSize() {
        return lstm.hiddenSize();
    }

    public DataType dataType() {
        return lstm.dataType();
    }

    /** Every array by its course symbol: E, then W_f … b_o, then W_y, b_y. */
    public Map<String, INDArray> named() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("E", embedding);
        m.putAll(lstm.named());
        m.put("W_y", wY);
        m.put("b_y", bY);
        return m;
    }

    /** A deep copy. */
    public CharModelParams copy() {
        return new CharModelParams(embedding.dup(), lstm.copy(), wY.dup(), bY.dup());
    }
}
