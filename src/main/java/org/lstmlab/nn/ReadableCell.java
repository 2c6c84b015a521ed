package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link RnnCell}, {@link LstmCell} and {@link GruCell} share as {@link RecurrentLayer}s: their named parameters
 * and the sizes and data type read from them. The step equations and the sequence are each cell's own.
 *
 * @param <P> the cell's parameter record
 */
abstract class ReadableCell<P extends CellParams<P>> implements RecurrentLayer {
    final P params;

    /** @param record the name of the parameter record, for the error when {@code params} is null */
    ReadableCell(P params, String record) {
        if (params == null) throw new IllegalArgumentException("params must be " + record + " but is null");
        this.params = params;
    }

    /** A zero initial state h_0 (or C_0), {@code [B, H]}, for x {@code [B, T, X]}, after checking x. */
    INDArray zeroState(INDArray xs) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, params.inputSize());
        return Nd4j.zeros(params.dataType(), xs.size(0), params.hiddenSize());
    }

    @Override
    public int inputSize() {
        return params.inputSize();
    }

    @Override
    public int hiddenSize() {
        return params.hiddenSize();
    }

    @Override
    public DataType dataType() {
        return params.dataType();
    }

    @Override
    public Map<String, INDArray> parameters() {
        return params.named();
    }
}
