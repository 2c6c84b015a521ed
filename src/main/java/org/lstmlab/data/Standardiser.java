package org.lstmlab.data;

import java.util.List;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-column standardisation {@code z = (v − μ) / σ} whose μ and σ come from the training rows
 * only (population σ), kept so that predictions can be mapped back to the data's units.
 * Computing μ and σ on the whole series would let the test part leak into training.
 *
 * @param columns the column names, in order
 * @param mean    μ per column, {@code [C]}
 * @param std     σ per column, {@code [C]}, all &gt; 0
 */
public record Standardiser(List<String> columns, double[] mean, double[] std) {
    public Standardiser {
        columns = List.copyOf(columns);
        if (mean.length != columns.size() || std.length != columns.size()) {
            throw new IllegalArgumentException("mean and std must be [C] = [" + columns.size() + "] but are ["
                    + mean.length + "] and [" + std.length + "]");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** μ per column, {@code [C]} (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** σ per column, {@code [C]} (a copy). */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * Fits μ and σ on rows {@code [0, trainEnd)} of {@code series}.
     *
     * @param series   {@code [N, C]}
     * @param columns  the C column names
     * @param trainEnd the number of training rows; the rows after it are not looked at
     * @throws IllegalArgumentException if a column is constant over the training rows (σ = 0)
     */
    public static Standardiser fit(double[][] series, List<String> columns, int trainEnd) {
        int c = columns.size();
        if (trainEnd < 1 || trainEnd > series.length) {
            throw new IllegalArgumentException("trainEnd must be in [1, N = " + series.length + "] but is " + trainEnd);
        }
        double[] mu = new double[c];
        double[] sigma = new double[c];
        for (int k = 0; k < c; k++) {
            double sum = 0;
            for (int n = 0; n < trainEnd; n++) sum += series[n][k];
            mu[k] = sum / trainEnd; // μ = mean of the training rows
            double squares = 0;
            for (int n = 0; n < trainEnd; n++) squares += (series[n][k] - mu[k]) * (series[n][k] - mu[k]);
            sigma[k] = Math.sqrt(squares / trainEnd); // σ = population standard deviation
            if (!(sigma[k] > 0)) {
                throw new IllegalArgumentException("column \"" + columns.get(k) + "\" is constant (σ = 0) over the "
                        + trainEnd + " training rows: it cannot be standardised; drop it from the inputs");
            }
        }
        return new Standardiser(columns, mu, sigma);
    }

    /** z = (v − μ) / σ for every row; {@code series} is {@code [N, C]}, the result is a new {@code [N, C]}. */
    public double[][] transform(double[][] series) {
        double[][] out = new double[series.length][];
        for (int n = 0; n < series.length; n++) {
            requireRow(series[n], n);
            out[n] = new double[mean.length];
            for (int k = 0; k < mean.length; k++) out[n][k] = (series[n][k] - mean[k]) / std[k]; // z = (v − μ) / σ
        }
        return out;
    }

    /** v = z·σ + μ for every row; {@code standardised} is {@code [N, C]}, the result a new {@code [N, C]}. */
    public double[][] inverse(double[][] standardised) {
        double[][] out = new double[standardised.length][];
        for (int n = 0; n < standardised.length; n++) {
            requireRow(standardised[n], n);
            out[n] = new double[mean.length];
            for (int k = 0; k < mean.length; k++) out[n][k] = standardised[n][k] * std[k] + mean[k]; // v = z·σ + μ
        }
        return out;
    }

    /**
     * Maps standardised predictions of some columns back to the data's units.
     *
     * @param standardised {@code [B, Y]}, column y holding {@code targetColumns.get(y)}
     * @param targetColumns the Y column names
     * @return {@code [B, Y]} in the data's units, same data type
     */
    public INDArray inverse(INDArray standardised, List<String> targetColumns) {
        int[] index = Windowing.indicesOf(targetColumns, columns);
        Shapes.require("y", "[B, Y]", standardised, Shapes.ANY, index.length);
        INDArray mu =
                Nd4j.create(pick(mean, index)).castTo(standardised.dataType()).reshape(1, index.length); // [1, Y]
        INDArray sigma =
                Nd4j.create(pick(std, index)).castTo(standardised.dataType()).reshape(1, index.length); // [1, Y]
        return standardised.mulRowVector(sigma).addiRowVector(mu); // [B, Y], v = z·σ + μ
    }

    private static double[] pick(double[] values, int[] index) {
        double[] out = new double[index.length];
        for (int k = 0; k < index.length; k++) out[k] = values[index[k]];
        return out;
    }

    private void requireRow(double[] row, int n) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("rows must have C = " + mean.length + " values " + columns + " but row "
                    + n + " has " + row.length);
        }
    }
}
