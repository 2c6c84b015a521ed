package org.lstmlab.data;

import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * NOAA's daily weather in Seattle 2012–2015 ({@code datasets/seattle-weather.csv}, public domain),
 * one row per day, no gaps.
 *
 * <pre>{@code
 * Table weather = SeattleWeather.load();
 * double[] tMax = weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray();   // [N] °C
 * }</pre>
 */
public final class SeattleWeather {
    /** The file name inside {@code datasets/}. */
    public static final String FILE = "seattle-weather.csv";
    /** Date of the observation (LOCAL_DATE). */
    public static final String DATE = "date";
    /** Daily precipitation in mm (DOUBLE). */
    public static final String PRECIPITATION = "precipitation";
    /** Daily maximum temperature in °C (DOUBLE). */
    public static final String TEMP_MAX = "temp_max";
    /** Daily minimum temperature in °C (DOUBLE). */
    public static final String TEMP_MIN = "temp_min";
    /** Average daily wind speed in m/s (DOUBLE; see datasets/README.md on the unit). */
    public static final String WIND = "wind";
    /** drizzle, fog, rain, snow or sun (STRING). */
    public static final String WEATHER = "weather";

    /** The declared columns, in file order. */
    public static final List<CsvColumn> COLUMNS = List.of(
            new CsvColumn(DATE, ColumnType.LOCAL_DATE, "day"),
            new CsvColumn(PRECIPITATION, ColumnType.DOUBLE, "mm"),
            new CsvColumn(TEMP_MAX, ColumnType.DOUBLE, "°C"),
            new CsvColumn(TEMP_MIN, ColumnType.DOUBLE, "°C"),
            new CsvColumn(WIND, ColumnType.DOUBLE, "m/s"),
            new CsvColumn(WEATHER, ColumnType.STRING, "—"));

    private SeattleWeather() {}

    /** Loads {@code seattle-weather.csv} from {@link Datasets#directory()}. */
    public static Table load() {
        return load(Datasets.file(FILE));
    }

    /**
     * Loads a file laid out like {@code seattle-weather.csv}.
     *
     * @throws CsvFormatException naming the file, line and column of a malformed value
     */
    public static Table load(Path file) {
        return TypedCsv.read(file, COLUMNS);
    }
}
