package org.lstmlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One LSTM layer in PyTorch's {@code nn.LSTM} layout: gate rows stacked in the order i, f, g, o (g is the
 * course's candidate C̃), the weight split into an input part and a recurrent part, and two biases that
 * PyTorch adds together.
 *
 * <p>The course's {@code W_g = [W_g^h | W_g^x]} (h first) maps to {@code weight_hh} rows (the h columns)
 * and {@code weight_ih} rows (the x columns); {@code b_g = bias_ih + bias_hh}.
 *
 * @param weightIh weight_ih_l0, {@code [4H, X]}
 * @param weightHh weight_hh_l0, {@code [4H, H]}
 * @param biasIh   bias_ih_l0, {@code [4H]}
 * @param biasHh   bias_hh_l0, {@code [4H]}
 */
public record PyTorchLstm(INDArray weightIh, INDArray weightHh, INDArray biasIh, INDArray biasHh) {

    public PyTorchLstm {
        Shapes.require("weight_hh", "[4H, H]", weightHh, Shapes.ANY, Shapes.ANY);
        long h = weightHh.columns();
        if (weightHh.rows() != 4 * h) {
            throw new IllegalArgumentException("weight_hh must be [4H, H] = [" + 4 * h + ", " + h + "] but is "
                    + java.util.Arrays.toString(weightHh.shape()));
        }
        Shapes.require("weight_ih", "[4H, X]", weightIh, 4 * h, Shapes.ANY);
        Shapes.require("bias_ih", "[4H]", biasIh, 4 * h);
        Shapes.require("bias_hh", "[4H]", biasHh, 4 * h);
        Shapes.requireType("weight_ih", weightIh, weightHh.dataType());
        Shapes.requireType("bias_ih", biasIh, weightHh.dataType());
        Shapes.requireType("bias_hh", biasHh, weightHh.dataType());
    }

    /** PyTorch's layout of the course parameters; bias_hh is zero. */
    static PyTorchLstm from(LstmParams p) {
        int h = p.hiddenSize();
        INDArray[] gates = {p.wI(), p.wF(), p.wC(), p.wO()}; // PyTorch's order: i, f, g, o
        INDArray[] biases = {p.bI(), p.bF(), p.bC(), p.bO()};
        INDArray hh = Nd4j.vstack(
                java.util.Arrays.stream(gates).map(w -> hBlock(w, h)).toArray(INDArray[]::new));
        INDArray ih = Nd4j.vstack(
                java.util.Arrays.stream(gates).map(w -> xBlock(w, h)).toArray(INDArray[]::new));
        INDArray bias = Nd4j.concat(0, biases);
        return new PyTorchLstm(ih, hh, bias, Nd4j.zerosLike(bias));
    }

    /** The course parameters of this layer: {@code W_g = [weight_hh_g | weight_ih_g]}, {@code b_g = bias_ih_g + bias_hh_g}. */
    public LstmParams toCourse() {
        long h = hiddenSize();
        INDArray[] w = new INDArray[4];
        INDArray[] b = new INDArray[4];
        for (int g = 0; g < 4; g++) {
            var r = NDArrayIndex.interval(g * h, (g + 1) * h);
            w[g] = Nd4j.hstack(weightHh.get(r, NDArrayIndex.all()), weightIh.get(r, NDArrayIndex.all()))
                    .dup();
            b[g] = biasIh.get(r).add(biasHh.get(r));
        }
        // PyTorch's order i, f, g, o back to the course's f, i, C, o
        return new LstmParams(w[1], b[1], w[0], b[0], w[2], b[2], w[3], b[3]);
    }

    /** H. */
    public int hiddenSize() {
        return (int) weightHh.columns();
    }

    private static INDArray hBlock(INDArray w, int h) {
        return w.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h));
    }

    private static INDArray xBlock(INDArray w, int h) {
        return w.get(NDArrayIndex.all(), NDArrayIndex.interval(h, w.columns()));
    }
}
