package org.lstmlab.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forecasts that need no training, which a learned model has to beat to be worth anything.
 */
public final class Baselines {
    private Baselines() {}

    /**
     * The persistence forecast: the target is predicted to equal the last value seen in the window,
     * {@code ŷ = x_T} for each target column.
     *
     * @param windows windows whose target columns are also input columns
     * @return {@code [B, Y]}, in the same units as the windows (standardised or not)
     * @throws IllegalArgumentException if a target column is not among the inputs
     */
    public static INDArray persistence(Windows windows) {
        int[] index = Windowing.indicesOf(windows.targetColumns(), windows.inputColumns());
        INDArray last = windows.inputs()
                .get(NDArrayIndex.all(), NDArrayIndex.point(windows.length() - 1), NDArrayIndex.all()); // [B, X]
        INDArray out = windows.targets().ulike(); // [B, Y]
        for (int y = 0; y < index.length; y++) {
            out.putColumn(y, last.getColumn(index[y])); // ŷ = x_T of the same column
        }
        return out;
    }
}
