package org.lstmlab.data;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Input windows of a series and the value each must predict: sample b sees rows
 * {@code s … s+T-1} and its target is row {@code s+T-1+h}, where h is the horizon.
 *
 * @param inputs        {@code [B, T, X]}, X = number of input columns
 * @param targets       {@code [B, Y]}, Y = number of target columns
 * @param targetRows    {@code [B]}, the row of the series each target comes from (for dates on a plot)
 * @param inputColumns  names of the X input columns, in order
 * @param targetColumns names of the Y target columns, in order
 * @param horizon       h ≥ 1: how many steps after the window's last row the target lies
 */
public record Windows(INDArray inputs, INDArray targets, int[] targetRows,
                      List<String> inputColumns, List<String> targetColumns, int horizon) {
    public Windows {
        inputColumns = List.copyOf(inputColumns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** B, the number of windows. */
    public int size() {
        return (int) inputs.size(0);
    }

    /** T, the window length. */
    public int length() {
        return (int) inputs.size(1);
    }
}
