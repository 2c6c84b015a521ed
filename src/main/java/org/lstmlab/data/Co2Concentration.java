package org.lstmlab.data;

import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Scripps' monthly CO2 at Mauna Loa 1958–2020 ({@code datasets/co2-concentration.csv}, CC BY 4.0).
 * Months without a valid reading are absent, so a few steps span two months or more.
 *
 * <pre>{@code
 * Table co2 = Co2Concentration.load();
 * double[] ppm = co2.doubleColumn(Co2Concentration.CO2).asDoubleArray();   // [N] ppm
 * }</pre>
 */
public final class Co2Concentration {
    /** The file name inside {@code datasets/}. */
    public static final String FILE = "co2-concentration.csv";
    /** First day of the month of the reading (LOCAL_DATE). */
    public static final String DATE = "Date";
    /** Monthly mean CO2 in ppm (DOUBLE). */
    public static final String CO2 = "CO2";
    /** Seasonally adjusted CO2 in ppm (DOUBLE). */
    public static final String ADJUSTED_CO2 = "adjusted CO2";

    /** The declared columns, in file order. */
    public static final List<CsvColumn> COLUMNS = List.of(
            new CsvColumn(DATE, ColumnType.LOCAL_DATE, "month"),
            new CsvColumn(CO2, ColumnType.DOUBLE, "ppm"),
            new CsvColumn(ADJUSTED_CO2, ColumnType.DOUBLE, "ppm"));

    private Co2Concentration() {}

    /** Loads {@code co2-concentration.csv} from {@link Datasets#directory()}. */
    public static Table load() {
        return load(Datasets.file(FILE));
    }

    /**
     * Loads a file laid out like {@code co2-concentration.csv}.
     *
     * @throws CsvFormatException naming the file, line and column of a malformed value
     */
    public static Table load(Path file) {
        return TypedCsv.read(file, COLUMNS);
    }
}
