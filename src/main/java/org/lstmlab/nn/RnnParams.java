package org.lstmlab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a vanilla RNN cell, {@code h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)}; the same record
 * holds their gradients.
 *
 * @param wH W_h, {@code [H, H+X]}: the first H columns act on h_{t-1}, the last X on x_t
 * @param bH b_h, {@code [H]}
 */
public record RnnParams(INDArray wH, INDArray bH) implements CellParams<RnnParams> {

    public RnnParams {
        ParameterArrays.require(List.of("W_h", "b_h"), wH, bH);
    }

    private static RnnParams of(INDArray[] a) {
        return new RnnParams(a[0], a[1]);
    }

    /**
     * Seeded parameters for input size X and hidden size H.
     *
     * @param inputSize  X
     * @param hiddenSize H
     * @param init       how to draw the weights
     * @param seed       the same seed gives the same parameters
     * @param dataType   DOUBLE (the course default) or FLOAT
     */
    public static RnnParams init(int inputSize, int hiddenSize, Init init, long seed, DataType dataType) {
        return of(ParameterArrays.draw(inputSize, hiddenSize, init, seed, dataType, 1, 0));
    }

    /** Float64 parameters drawn uniformly in ±1/√H. */
    public static RnnParams init(int inputSize, int hiddenSize, long seed) {
        return init(inputSize, hiddenSize, Init.UNIFORM, seed, DataType.DOUBLE);
    }

    /** H. */
    public int hiddenSize() {
        return (int) wH.rows();
    }

    /** X. */
    public int inputSize() {
        return (int) (wH.columns() - wH.rows());
    }

    public DataType dataType() {
        return wH.dataType();
    }

    /** The recurrent block W_hh = W_h[:, :H], a view. */
    public INDArray recurrentBlock() {
        return wH.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize()));
    }

    /** The input block W_xh = W_h[:, H:], a view. */
    public INDArray inputBlock() {
        return wH.get(NDArrayIndex.all(), NDArrayIndex.interval(hiddenSize(), wH.columns()));
    }

    /** The arrays by their course symbols, in a fixed order. */
    public Map<String, INDArray> named() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("W_h", wH);
        m.put("b_h", bH);
        return m;
    }

    /** Zeros of the same shapes and type, for accumulating gradients. */
    public RnnParams zerosLike() {
        return of(ParameterArrays.each(named(), Nd4j::zerosLike));
    }

    /**
     * Adds {@code other} into these arrays in place; used to sum gradients over time steps.
     *
     * @return this record, whose arrays now hold the sums
     */
    public RnnParams addi(RnnParams other) {
        ParameterArrays.addInto(named(), other.named());
        return this;
    }

    /** A deep copy. */
    public RnnParams copy() {
        return of(ParameterArrays.each(named(), INDArray::dup));
    }
}
