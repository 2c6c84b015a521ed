package org.lstmlab.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * A forecasting problem ready for training: a series split in time order, standardised with
 * training statistics, and cut into windows inside each part.
 *
 * <pre>{@code
 * ForecastData data = ForecastData.builder(SeattleWeather.load())
 *         .inputs(SeattleWeather.TEMP_MAX).targets(SeattleWeather.TEMP_MAX)
 *         .window(30).horizon(1).split(0.7, 0.15)
 *         .build();
 * INDArray xs = data.train().inputs();               // [B, T, X], standardised
 * INDArray ys = data.inverseTargets(prediction);     // [B, Y], back in °C
 * }</pre>
 *
 * @param train        windows whose inputs and targets lie in the training rows
 * @param validation   windows inside the validation rows
 * @param test         windows inside the test rows
 * @param split        where the parts begin and end
 * @param standardiser μ and σ of every column, from the training rows only
 */
public record ForecastData(
        Windows train, Windows validation, Windows test, SeriesSplit split, Standardiser standardiser) {

    /**
     * Cuts a standardised copy of {@code series} into windows, part by part.
     *
     * @param series        {@code [N, C]} raw values, one row per time step
     * @param columns       the C column names; all are inputs, X = C
     * @param targetColumns the Y columns to predict
     * @param window        T
     * @param horizon       h
     * @param split         the time-ordered split of the N rows
     * @param dataType      DOUBLE (default) or FLOAT
     */
    public static ForecastData of(
            double[][] series,
            List<String> columns,
            List<String> targetColumns,
            int window,
            int horizon,
            SeriesSplit split,
            DataType dataType) {
        if (split.length() != series.length) {
            throw new IllegalArgumentException(
                    "the split is for N = " + split.length() + " rows but the series has " + series.length);
        }
        Standardiser standardiser = Standardiser.fit(series, columns, split.trainEnd());
        double[][] z = standardiser.transform(series); // [N, C]
        Windows train = Windowing.windows(z, columns, targetColumns, window, horizon, 0, split.trainEnd(), dataType);
        Windows validation = Windowing.windows(
                z, columns, targetColumns, window, horizon, split.trainEnd(), split.validationEnd(), dataType);
        Windows test = Windowing.windows(
                z, columns, targetColumns, window, horizon, split.validationEnd(), split.length(), dataType);
        return new ForecastData(train, validation, test, split, standardiser);
    }

    /** Starts a problem on numeric columns of a Tablesaw table (rows in time order). */
    public static Builder builder(Table table) {
        return new Builder(table);
    }

    /**
     * Maps standardised values of the target columns (a prediction or {@code test().targets()}) back
     * to the data's units.
     *
     * @param standardised {@code [B, Y]}
     * @return {@code [B, Y]} in the data's units
     */
    public INDArray inverseTargets(INDArray standardised) {
        return standardiser.inverse(standardised, train.targetColumns());
    }

    /** Choices for {@link ForecastData#builder(Table)}; defaults T = 30, h = 1, split 0.7 / 0.15 / 0.15, DOUBLE. */
    public static final class Builder {
        private final Table table;
        private List<String> inputs = List.of();
        private List<String> targets = List.of();
        private int window = 30;
        private int horizon = 1;
        private double trainFraction = 0.7;
        private double validationFraction = 0.15;
        private DataType dataType = DataType.DOUBLE;

        private Builder(Table table) {
            this.table = table;
        }

        /** The input columns (X of them); the targets are added to them if missing. */
        public Builder inputs(String... columns) {
            this.inputs = List.of(columns);
            return this;
        }

        /** The target columns (Y of them). */
        public Builder targets(String... columns) {
            this.targets = List.of(columns);
            return this;
        }

        /** T, the window length. */
        public Builder window(int steps) {
            this.window = steps;
            return this;
        }

        /** h, how many steps ahead of the window's last row the target lies. */
        public Builder horizon(int steps) {
            this.horizon = steps;
            return this;
        }

        /** Train and validation fractions of the rows, in time order; the rest is test. */
        public Builder split(double train, double validation) {
            this.trainFraction = train;
            this.validationFraction = validation;
            return this;
        }

        /** DOUBLE (default) or FLOAT. */
        public Builder dataType(DataType type) {
            this.dataType = type;
            return this;
        }

        /** Extracts the columns, splits, standardises and windows. */
        public ForecastData build() {
            if (targets.isEmpty())
                throw new IllegalArgumentException("name the column(s) to predict with targets(...)");
            LinkedHashSet<String> all = new LinkedHashSet<>(inputs);
            all.addAll(targets);
            List<String> columns = new ArrayList<>(all);
            double[][] series = new double[table.rowCount()][columns.size()]; // [N, C]
            for (int k = 0; k < columns.size(); k++) {
                String name = columns.get(k);
                if (!table.columnNames().contains(name)) {
                    throw new IllegalArgumentException("column \"" + name + "\" is not in " + table.name()
                            + "; its columns are " + table.columnNames());
                }
                if (!table.column(name).type().equals(ColumnType.DOUBLE)) {
                    throw new IllegalArgumentException("column \"" + name + "\" of " + table.name() + " is "
                            + table.column(name).type() + ", not a number column (DOUBLE)");
                }
                double[] values = table.doubleColumn(name).asDoubleArray();
                for (int n = 0; n < values.length; n++) series[n][k] = values[n];
            }
            SeriesSplit split = SeriesSplit.chronological(series.length, trainFraction, validationFraction);
            return of(series, columns, targets, window, horizon, split, dataType);
        }
    }
}
