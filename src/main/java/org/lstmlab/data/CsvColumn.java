package org.lstmlab.data;

import tech.tablesaw.api.ColumnType;

/**
 * One declared column of a dataset CSV: its exact header name, its Tablesaw type and its unit.
 *
 * @param name the header name, exactly as in the file
 * @param type {@link ColumnType#LOCAL_DATE} (ISO {@code yyyy-MM-dd}), {@link ColumnType#DOUBLE} or
 *             {@link ColumnType#STRING}
 * @param unit the unit of the values, e.g. {@code "°C"}; {@code "—"} when there is none
 */
public record CsvColumn(String name, ColumnType type, String unit) {
    public CsvColumn {
        if (!(type.equals(ColumnType.LOCAL_DATE) || type.equals(ColumnType.DOUBLE) || type.equals(ColumnType.STRING))) {
            throw new IllegalArgumentException(
                    "column " + name + " must be LOCAL_DATE, DOUBLE or STRING but is " + type);
        }
    }
}
