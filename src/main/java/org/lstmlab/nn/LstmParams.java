package org.lstmlab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The parameters of an LSTM cell in the course notation, one weight matrix and bias per gate; the
 * same record holds their gradients. Every {@code W_g} is {@code [H, H+X]} acting on
 * {@code [h_{t-1}, x_t]} (h first) and every {@code b_g} is {@code [H]}.
 *
 * @param wF W_f, forget gate   @param bF b_f
 * @param wI W_i, input gate    @param bI b_i
 * @param wC W_C, candidate     @param bC b_C
 * @param wO W_o, output gate   @param bO b_o
 */
public record LstmParams(
        INDArray wF, INDArray bF, INDArray wI, INDArray bI, INDArray wC, INDArray bC, INDArray wO, INDArray bO)
        implements CellParams<LstmParams> {

    public LstmParams {
        ParameterArrays.require(
                List.of("W_f", "b_f", "W_i", "b_i", "W_C", "b_C", "W_o", "b_o"), wF, bF, wI, bI, wC, bC, wO, bO);
    }

    private static LstmParams of(INDArray[] a) {
        return new LstmParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }

    /**
     * Seeded parameters for input size X and hidden size H.
     *
     * @param inputSize  X
     * @param hiddenSize H
     * @param init       how to draw the weights
     * @param forgetBias added to b_f after drawing; 1.0 follows Jozefowicz, Zaremba &amp; Sutskever (2015), 0 keeps the draw
     * @param seed       the same seed gives the same parameters
     * @param dataType   DOUBLE (the course default) or FLOAT
     */
    public static LstmParams init(
            int inputSize, int hiddenSize, Init init, double forgetBias, long seed, DataType dataType) {
        INDArray[] a = ParameterArrays.draw(inputSize, hiddenSize, init, seed, dataType, 4, 0);
        if (!Double.isFinite(forgetBias))
            throw new IllegalArgumentException("the forget bias must be finite but is " + forgetBias);
        a[1].addi(forgetBias); // b_f
        return of(a);
    }

    /** Float64 parameters drawn uniformly in ±1/√H, no forget-gate bias offset. */
    public static LstmParams init(int inputSize, int hiddenSize, long seed) {
        return init(inputSize, hiddenSize, Init.UNIFORM, 0.0, seed, DataType.DOUBLE);
    }

    /** H. */
    public int hiddenSize() {
        return (int) wF.rows();
    }

    /** X. */
    public int inputSize() {
        return (int) (wF.columns() - wF.rows());
    }

    public DataType dataType() {
        return wF.dataType();
    }

    /** The arrays by their course symbols, in the order of the equations. */
    public Map<String, INDArray> named() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("W_f", wF);
        m.put("b_f", bF);
        m.put("W_i", wI);
        m.put("b_i", bI);
        m.put("W_C", wC);
        m.put("b_C", bC);
        m.put("W_o", wO);
        m.put("b_o", bO);
        return m;
    }

    /** Zeros of the same shapes and type, for accumulating gradients. */
    public LstmParams zerosLike() {
        return of(ParameterArrays.each(named(), Nd4j::zerosLike));
    }

    /**
     * Adds {@code other} into these arrays in place, gate by gate; used to sum gradients over time steps.
     *
     * @return this record, whose arrays now hold the sums
     */
    public LstmParams addi(LstmParams other) {
        ParameterArrays.addInto(named(), other.named());
        return this;
    }

    /** A deep copy. */
    public LstmParams copy() {
        return of(ParameterArrays.each(named(), INDArray::dup));
    }

    /** These parameters in PyTorch's {@code nn.LSTM} layout (gate rows i, f, g, o); the bias goes to bias_ih. */
    public PyTorchLstm toPyTorch() {
        return PyTorchLstm.from(this);
    }
}
