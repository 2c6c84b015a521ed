package org.lstmlab.data;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cuts a series into overlapping windows {@code [B, T, X]} and next-value targets {@code [B, Y]}
 * (stride 1), each window and its target taken from one contiguous range of rows, so a window never
 * straddles a train/validation/test boundary.
 *
 * <pre>{@code
 * Windows w = Windowing.windows(new double[] {1, 2, 3, 4, 5}, 3, 1);
 * // inputs [2, 3, 1]: (1,2,3), (2,3,4); targets [2, 1]: 4, 5
 * }</pre>
 */
public final class Windowing {
    private Windowing() {}

    /**
     * Windows of a single series over all its rows, float64, the target being the series itself.
     *
     * @param series  {@code [N]}
     * @param window  T ≥ 1
     * @param horizon h ≥ 1
     * @return inputs {@code [N-T-h+1, T, 1]}, targets {@code [N-T-h+1, 1]}
     */
    public static Windows windows(double[] series, int window, int horizon) {
        double[][] rows = new double[series.length][1]; // [N, 1]
        for (int n = 0; n < series.length; n++) rows[n][0] = series[n];
        return windows(rows, List.of("x"), List.of("x"), window, horizon, 0, series.length, DataType.DOUBLE);
    }

    /**
     * Windows of rows {@code [from, to)} of a multi-column series; both inputs and targets come from
     * inside that range.
     *
     * @param series        {@code [N, C]}, one row per time step, columns named by {@code columns}
     * @param columns       the C column names
     * @param targetColumns the Y columns to predict (a subset of {@code columns}); the inputs are all C
     *                      columns, so X = C
     * @param window        T ≥ 1
     * @param horizon       h ≥ 1
     * @param from          first row of the range (inclusive)
     * @param to            end of the range (exclusive)
     * @param dataType      {@link DataType#DOUBLE} (the course default) or {@link DataType#FLOAT}
     * @return inputs {@code [B, T, C]}, targets {@code [B, Y]} with B = to − from − T − h + 1
     * @throws IllegalArgumentException if the range is too short for one window, a name is unknown,
     *                                  or the rows are ragged
     */
    public static Windows windows(
            double[][] series,
            List<String> columns,
            List<String> targetColumns,
            int window,
            int horizon,
            int from,
            int to,
            DataType dataType) {
        int c = columns.size();
        if (window < 1) throw new IllegalArgumentException("the window length T must be ≥ 1 but is " + window);
        if (horizon < 1) throw new IllegalArgumentException("the horizon h must be ≥ 1 but is " + horizon);
        if (from < 0 || to > series.length || from >= to) {
            throw new IllegalArgumentException("the row range must satisfy 0 ≤ from < to ≤ N = " + series.length
                    + " but is [" + from + ", " + to + ")");
        }
        for (int n = from; n < to; n++) {
            if (series[n].length != c) {
                throw new IllegalArgumentException(
                        "series must be [N, C] = [" + series.length + ", " + c + "] (one value per column " + columns
                                + ") but row " + n + " has " + series[n].length + " values");
            }
        }
        int[] targetIndex = indicesOf(targetColumns, columns);
        int b = (to - from) - window - horizon + 1;
        if (b < 1) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") hold " + (to - from)
                    + " time steps but one window needs T + h = " + window + " + " + horizon + " = "
                    + (window + horizon)
                    + ": shorten the window T or give this part more rows");
        }
        double[][][] x = new double[b][window][c]; // [B, T, X]
        double[][] y = new double[b][targetIndex.length]; // [B, Y]
        int[] rows = new int[b];
        for (int s = 0; s < b; s++) {
            int start = from + s;
            for (int t = 0; t < window; t++) {
                System.arraycopy(series[start + t], 0, x[s][t], 0, c);
            }
            rows[s] = start + window - 1 + horizon; // the value h steps after the window's last row
            for (int k = 0; k < targetIndex.length; k++) {
                y[s][k] = series[rows[s]][targetIndex[k]];
            }
        }
        INDArray inputs = Nd4j.create(x).castTo(dataType); // [B, T, X]
        INDArray targets = Nd4j.create(y).castTo(dataType); // [B, Y]
        return new Windows(inputs, targets, rows, columns, targetColumns, horizon);
    }

    static int[] indicesOf(List<String> wanted, List<String> columns) {
        if (wanted.isEmpty())
            throw new IllegalArgumentException("at least one target column is needed; columns are " + columns);
        List<Integer> out = new ArrayList<>();
        for (String name : wanted) {
            int k = columns.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException(
                        "column \"" + name + "\" is not among the series columns " + columns);
            }
            out.add(k);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
