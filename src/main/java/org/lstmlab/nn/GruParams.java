package org.lstmlab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a GRU cell in the course notation; the same record holds their gradients. The gates
 * act on {@code [h_{t-1}, x_t]} (h first) like the LSTM's; the candidate's matrix W_n has the same shape, but
 * the reset gate multiplies only its h block's output, so its two biases stay apart (PyTorch's convention):
 * {@code n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn))} with {@code W_n = [W_hn | W_xn]}.
 *
 * @param wZ  W_z, update gate, {@code [H, H+X]}   @param bZ  b_z, {@code [H]}
 * @param wR  W_r, reset gate, {@code [H, H+X]}    @param bR  b_r, {@code [H]}
 * @param wN  W_n = [W_hn | W_xn], candidate, {@code [H, H+X]}: the first H columns act on h_{t-1}, the last X on x_t
 * @param bN  b_n, the candidate's bias outside the reset gate, {@code [H]}
 * @param bHn b_hn, the bias of W_hn·h_{t-1}, inside the reset gate, {@code [H]}
 */
public record GruParams(INDArray wZ, INDArray bZ, INDArray wR, INDArray bR, INDArray wN, INDArray bN, INDArray bHn)
        implements CellParams<GruParams> {

    public GruParams {
        ParameterArrays.require(List.of("W_z", "b_z", "W_r", "b_r", "W_n", "b_n", "b_hn"), wZ, bZ, wR, bR, wN, bN, bHn);
    }

    private static GruParams of(INDArray[] a) {
        return new GruParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    }

    /**
     * Seeded parameters for input size X and hidden size H, every array drawn in the range {@link Init} gives.
     *
     * @param inputSize  X
     * @param hiddenSize H
     * @param init       how to draw the weights
     * @param seed       the same seed gives the same parameters
     * @param dataType   DOUBLE (the course default) or FLOAT
     */
    public static GruParams init(int inputSize, int hiddenSize, Init init, long seed, DataType dataType) {
        return of(ParameterArrays.draw(inputSize, hiddenSize, init, seed, dataType, 3, 1)); // W_z … b_n, then b_hn
    }

    /** Float64 parameters drawn uniformly in ±1/√H, PyTorch's default for {@code nn.GRU}. */
    public static GruParams init(int inputSize, int hiddenSize, long seed) {
        return init(inputSize, hiddenSize, Init.UNIFORM, seed, DataType.DOUBLE);
    }

    /** H. */
    public int hiddenSize() {
        return (int) wZ.rows();
    }

    /** X. */
    public int inputSize() {
        return (int) (wZ.columns() - wZ.rows());
    }

    public DataType dataType() {
        return wZ.dataType();
    }

    /** W_hn = W_n[:, :H], the block the reset gate scales, a view. */
    public INDArray wHn() {
        return wN.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hiddenSize()));
    }

    /** W_xn = W_n[:, H:], a view. */
    public INDArray wXn() {
        return wN.get(NDArrayIndex.all(), NDArrayIndex.interval(hiddenSize(), wN.columns()));
    }

    /** The arrays by their course symbols, in the order of the equations. */
    public Map<String, INDArray> named() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("W_z", wZ);
        m.put("b_z", bZ);
        m.put("W_r", wR);
        m.put("b_r", bR);
        m.put("W_n", wN);
        m.put("b_n", bN);
        m.put("b_hn", bHn);
        return m;
    }

    /** Zeros of the same shapes and type, for accumulating gradients. */
    public GruParams zerosLike() {
        return of(ParameterArrays.each(named(), Nd4j::zerosLike));
    }

    /**
     * Adds {@code other} into these arrays in place; used to sum gradients over time steps.
     *
     * @return this record, whose arrays now hold the sums
     */
    public GruParams addi(GruParams other) {
        ParameterArrays.addInto(named(), other.named());
        return this;
    }

    /** A deep copy. */
    public GruParams copy() {
        return of(ParameterArrays.each(named(), INDArray::dup));
    }
}
