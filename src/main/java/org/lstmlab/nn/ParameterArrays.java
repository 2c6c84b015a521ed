package org.lstmlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the cells' parameter records ({@link RnnParams}, {@link LstmParams}, {@link GruParams}) share: every weight
 * {@code W_g} is {@code [H, H+X]}, acting on {@code [h_{t-1}, x_t]} (h first), and every bias {@code b_g} is
 * {@code [H]}. Each record lists its arrays in the order of its components, the order of its {@code named()}.
 */
final class ParameterArrays {
    private ParameterArrays() {}

    /**
     * Fails unless the first array, a weight, is {@code [H, H+X]} with X ≥ 1, every other weight ({@code W_…}) has
     * its shape, every bias ({@code b_…}) is {@code [H]}, and all hold the first weight's data type.
     *
     * @param symbols the course symbols, in the order of the arrays
     * @param arrays  the record's arrays
     */
    static void require(List<String> symbols, INDArray... arrays) {
        String first = symbols.get(0);
        INDArray w = arrays[0];
        Shapes.require(first, "[H, H+X]", w, Shapes.ANY, Shapes.ANY);
        long h = w.rows();
        long hx = w.columns();
        if (hx <= h) {
            throw new IllegalArgumentException(
                    first + " must be [H, H+X] with X ≥ 1 but is " + Arrays.toString(w.shape()));
        }
        for (int k = 1; k < arrays.length; k++) {
            if (isWeight(symbols.get(k))) Shapes.require(symbols.get(k), "[H, H+X]", arrays[k], h, hx);
        }
        for (int k = 1; k < arrays.length; k++) {
            if (!isWeight(symbols.get(k))) Shapes.require(symbols.get(k), "[H]", arrays[k], h);
        }
        for (int k = 1; k < arrays.length; k++) Shapes.requireType(symbols.get(k), arrays[k], w.dataType());
    }

    private static boolean isWeight(String symbol) {
        return symbol.startsWith("W_");
    }

    /**
     * Seeded arrays for input size X and hidden size H, in the order of a record's components: for each of
     * {@code gates} a weight {@code [H, H+X]} and its bias {@code [H]}, then {@code extraBiases} biases
     * {@code [H]}, each drawn in the range {@link Init} gives.
     *
     * @param init     how to draw the weights
     * @param seed     the same seed gives the same arrays
     * @param dataType DOUBLE (the course default) or FLOAT
     */
    static INDArray[] draw(
            int inputSize, int hiddenSize, Init init, long seed, DataType dataType, int gates, int extraBiases) {
        Shapes.requirePositive("X (input size)", inputSize);
        Shapes.requirePositive("H (hidden size)", hiddenSize);
        Shapes.requireParameterType(dataType);
        if (init == null) throw new IllegalArgumentException("init must be Init.UNIFORM or Init.XAVIER but is null");
        SeededUniform draw = new SeededUniform(seed, dataType);
        double w = Initialiser.weightLimit(init, hiddenSize, inputSize);
        double b = Initialiser.biasLimit(init, hiddenSize);
        List<INDArray> arrays = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            arrays.add(draw.next(w, hiddenSize, hiddenSize + inputSize)); // W_g, [H, H+X]
            arrays.add(draw.next(b, hiddenSize)); // b_g, [H]
        }
        for (int k = 0; k < extraBiases; k++) arrays.add(draw.next(b, hiddenSize));
        return arrays.toArray(INDArray[]::new);
    }

    /** Each array of {@code named} turned by {@code f} (a copy, zeros like it), in the same order. */
    static INDArray[] each(Map<String, INDArray> named, UnaryOperator<INDArray> f) {
        return named.values().stream().map(f).toArray(INDArray[]::new);
    }

    /**
     * Adds {@code other}'s arrays into {@code sum}'s in place, array by array; used to sum gradients over time
     * steps.
     *
     * @throws IllegalArgumentException when the two were made for different H or X
     */
    static void addInto(Map<String, INDArray> sum, Map<String, INDArray> other) {
        INDArray w = sum.values().iterator().next();
        INDArray v = other.values().iterator().next();
        if (v.rows() != w.rows() || v.columns() != w.columns()) {
            throw new IllegalArgumentException("cannot add parameters of H = " + v.rows() + ", X = "
                    + (v.columns() - v.rows()) + " to parameters of H = " + w.rows() + ", X = "
                    + (w.columns() - w.rows()));
        }
        Iterator<INDArray> from = other.values().iterator();
        for (INDArray into : sum.values()) into.addi(from.next());
    }
}
