package org.lstmlab.nn;

import java.util.LinkedHashMap;
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
public record RnnParams(INDArray wH, INDArray bH) {

    public RnnParams {
        Shapes.require("W_h", "[H, H+X]", wH, Shapes.ANY, Shapes.ANY);
        long hidden = wH.rows();
        if (wH.columns() <= hidden) {
            throw new IllegalArgumentException(
                    "W_h must be [H, H+X] with X ≥ 1 but is " + java.util.Arrays.toString(wH.shape()));
        }
        Shapes.require("b_h", "[H]", bH, hidden);
        Shapes.requireType("b_h", bH, wH.dataType());
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
        Shapes.requirePositive("X (input size)", inputSize);
        Shapes.requirePositive("H (hidden size)", hiddenSize);
        Shapes.requireParameterType(dataType);
        if (init == null) throw new IllegalArgumentException("init must be Init.UNIFORM or Init.XAVIER but is null");
        SeededUniform draw = new SeededUniform(seed, dataType);
        double w = Initialiser.weightLimit(init, hiddenSize, inputSize);
        double b = Initialiser.biasLimit(init, hiddenSize);
        return new RnnParams(draw.next(w, hiddenSize, hiddenSize + inputSize), draw.next(b, hiddenSize));
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
        return new RnnParams(Nd4j.zerosLike(wH), Nd4j.zerosLike(bH));
    }

    /**
     * Adds {@code other} into these arrays in place; used to sum gradients over time steps.
     *
     * @return this record, whose arrays now hold the sums
     */
    public RnnParams addi(RnnParams other) {
        if (other.hiddenSize() != hiddenSize() || other.inputSize() != inputSize()) {
            throw new IllegalArgumentException("cannot add parameters of H = " + other.hiddenSize() + ", X = "
                    + other.inputSize() + " to parameters of H = " + hiddenSize() + ", X = " + inputSize());
        }
        wH.addi(other.wH);
        bH.addi(other.bH);
        return this;
    }

    /** A deep copy. */
    public RnnParams copy() {
        return new RnnParams(wH.dup(), bH.dup());
    }
}
