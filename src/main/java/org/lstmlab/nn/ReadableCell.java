package org.lstmlab.nn;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@link RnnCell}, {@link LstmCell} and {@link GruCell} share as {@link RecurrentLayer}s: their named parameters
 * and the sizes and data type read from them. The step equations and the sequence are each cell's own.
 *
 * @param <P> the cell's parameter record
 */
abstract class ReadableCell<P extends ReadableCell.Params> implements RecurrentLayer {
    /** What every parameter record tells about itself. */
    interface Params {
        /** X. */
        int inputSize();

        /** H. */
        int hiddenSize();

        DataType dataType();

        /** The arrays by their course symbols, in the order of the equations. */
        Map<String, INDArray> named();
    }

    final P params;

    /** @param record the name of the parameter record, for the error when {@code params} is null */
    ReadableCell(P params, String record) {
        if (params == null) throw new IllegalArgumentException("params must be " + record + " but is null");
        this.params = params;
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
