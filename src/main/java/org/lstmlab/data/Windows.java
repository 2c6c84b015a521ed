package org.lstmlab.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

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
public record Windows(
        INDArray inputs,
        INDArray targets,
        int[] targetRows,
        List<String> inputColumns,
        List<String> targetColumns,
        int horizon) {
    public Windows {
        inputColumns = List.copyOf(inputColumns);
        targetColumns = List.copyOf(targetColumns);
        targetRows = targetRows.clone();
        if (targetRows.length != inputs.size(0)) {
            throw new IllegalArgumentException(
                    "targetRows must be [B] = [" + inputs.size(0) + "] but is [" + targetRows.length + "]");
        }
    }

    /** The row of the series each target comes from, {@code [B]} (a copy). */
    @Override
    public int[] targetRows() {
        return targetRows.clone();
    }

    /**
     * The date of each target, for a forecast plotted over the calendar.
     *
     * @param table      the table the series was taken from, rows in the same order
     * @param dateColumn its LOCAL_DATE column, e.g. {@link SeattleWeather#DATE}
     * @return {@code [B]} dates
     */
    public List<LocalDate> targetDates(Table table, String dateColumn) {
        List<LocalDate> dates = new ArrayList<>();
        for (int row : targetRows) {
            if (row >= table.rowCount()) {
                throw new IllegalArgumentException("target row " + row + " is beyond the " + table.rowCount()
                        + " rows of " + table.name() + ": these windows were not cut from this table");
            }
            dates.add(table.dateColumn(dateColumn).get(row));
        }
        return dates;
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
