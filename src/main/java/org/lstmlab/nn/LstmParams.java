package org.lstmlab.nn;

import java.util.LinkedHashMap;
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
        INDArray wF, INDArray bF, INDArray wI, INDArray bI, INDArray wC, INDArray bC, INDArray wO, INDArray bO) {

    public LstmParams {
        Shapes.require("W_f", "[H, H+X]", wF, Shapes.ANY, Shapes.ANY);
        long h = wF.rows();
        long hx = wF.columns();
        if (hx <= h) {
            throw new IllegalArgumentException(
                    "W_f must be [H, H+X] with X ≥ 1 but is " + java.util.Arrays.toString(wF.shape()));
        }
        String sym = "[H, H+X]";
        Shapes.require("W_i", sym, wI, h, hx);
        Shapes.require("W_C", sym, wC, h, hx);
        Shapes.require("W_o", sym, wO, h, hx);
        Shapes.require("b_f", "[H]", bF, h);
        Shapes.require("b_i", "[H]", bI, h);
        Shapes.require("b_C", "[H]", bC, h);
        Shapes.require("b_o", "[H]", bO, h);
        DataType t = wF.dataType();
        for (var e : Map.of("W_i", wI, "W_C", wC, "W_o", wO, "b_f", bF, "b_i", bI, "b_C", bC, "b_o", bO)
                .entrySet()) {
            Shapes.requireType(e.getKey(), e.getValue(), t);
        }
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
        Shapes.requirePositive("X (input size)", inputSize);
        Shapes.requirePositive("H (hidden size)", hiddenSize);
        Shapes.requireParameterType(dataType);
        if (init == null) throw new IllegalArgumentException("init must be Init.UNIFORM or Init.XAVIER but is null");
        if (!Double.isFinite(forgetBias))
            throw new IllegalArgumentException("the forget bias must be finite but is " + forgetBias);
        SeededUniform draw = new SeededUniform(seed, dataType);
        double w = Initialiser.weightLimit(init, hiddenSize, inputSize);
        double b = Initialiser.biasLimit(init, hiddenSize);
        int cols = hiddenSize + inputSize;
        INDArray[] a = new INDArray[8];
        for (int g = 0; g < 4; g++) {
            a[2 * g] = draw.next(w, hiddenSize, cols);
            a[2 * g + 1] = draw.next(b, hiddenSize);
        }
        a[1].addi(forgetBias);
        return new LstmParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
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
        return new LstmParams(
                Nd4j.zerosLike(wF),
                Nd4j.zerosLike(bF),
                Nd4j.zerosLike(wI),
                Nd4j.zerosLike(bI),
                Nd4j.zerosLike(wC),
                Nd4j.zerosLike(bC),
                Nd4j.zerosLike(wO),
                Nd4j.zerosLike(bO));
    }

    /**
     * Adds {@code other} into these arrays in place, gate by gate; used to sum gradients over time steps.
     *
     * @return this record, whose arrays now hold the sums
     */
    public LstmParams addi(LstmParams other) {
        if (other.hiddenSize() != hiddenSize() || other.inputSize() != inputSize()) {
            throw new IllegalArgumentException("cannot add parameters of H = " + other.hiddenSize() + ", X = "
                    + other.inputSize() + " to parameters of H = " + hiddenSize() + ", X = " + inputSize());
        }
        wF.addi(other.wF);
        bF.addi(other.bF);
        wI.addi(other.wI);
        bI.addi(other.bI);
        wC.addi(other.wC);
        bC.addi(other.bC);
        wO.addi(other.wO);
        bO.addi(other.bO);
        return this;
    }

    /** A deep copy. */
    public LstmParams copy() {
        return new LstmParams(wF.dup(), bF.dup(), wI.dup(), bI.dup(), wC.dup(), bC.dup(), wO.dup(), bO.dup());
    }

    /** These parameters in PyTorch's {@code nn.LSTM} layout (gate rows i, f, g, o); the bias goes to bias_ih. */
    public PyTorchLstm toPyTorch() {
        return PyTorchLstm.from(this);
    }
}
