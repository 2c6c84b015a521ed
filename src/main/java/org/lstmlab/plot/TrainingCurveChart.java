package org.lstmlab.plot;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Loss against training step on a log y axis for several runs (e.g. RNN against LSTM): each run
 * has one colour, training loss solid, validation loss dashed, and a {@link Baseline} may be drawn
 * dotted across. The y axis is a {@link LogAxis} (series hold log₁₀ of the losses); losses ≤ 0
 * follow the {@link LogScale} rule.
 *
 * <pre>{@code
 * XYChart chart = TrainingCurveChart.chart(List.of(TrainingRun.of("RNN", rnnLoss), TrainingRun.of("LSTM", lstmLoss)));
 * }</pre>
 */
public final class TrainingCurveChart {
    static {
        Headless.ensure();
    }

    /** Default title. */
    public static final String TITLE = "Training loss";
    /** Default y label. */
    public static final String Y_LABEL = "loss (MSE, log scale)";

    private TrainingCurveChart() {}

    /** The figure with the default title and y label. */
    public static XYChart chart(List<TrainingRun> runs) {
        return chart(TITLE, Y_LABEL, runs);
    }

    /**
     * The figure with its own title and y label.
     *
     * @param runs at least one run
     */
    public static XYChart chart(String title, String yLabel, List<TrainingRun> runs) {
        return chart(title, yLabel, runs, null);
    }

    /**
     * The figure with a baseline drawn across it: a black dotted line at the loss a trivial
     * predictor gets (the best constant on the adding problem, persistence for a forecast), so
     * that a curve can be read as "learned something" only where it falls below the line.
     *
     * @param runs     at least one run
     * @param baseline the line to draw, or null for none
     */
    public static XYChart chart(String title, String yLabel, List<TrainingRun> runs, Baseline baseline) {
        if (runs == null || runs.isEmpty())
            throw new IllegalArgumentException("runs must hold at least one training run but is empty");
        XYChart chart = Figures.lineChart(title, "training step", yLabel, true);
        // below the plot, in a row: long names (a baseline's value, "validation") leave the plot its width
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < runs.size(); k++) {
            TrainingRun run = runs.get(k);
            LogAxis.line(chart, run.train(), Figures.color(k), Figures.SOLID);
            if (run.validation() != null) {
                LogAxis.line(chart, run.validation(), Figures.color(k), Figures.DASHED);
            }
            for (double x : run.train().x()) {
                first = Math.min(first, x);
                last = Math.max(last, x);
            }
        }
        if (baseline != null) {
            LogAxis.line(
                    chart,
                    new Curve(baseline.name(), new double[] {first, last}, new double[] {
                        baseline.value(), baseline.value()
                    }),
                    Color.BLACK,
                    Figures.DOTTED);
        }
        LogAxis.label(chart);
        Figures.padAxes(chart, true);
        return chart;
    }

    /**
     * A horizontal reference line on a training-curve figure.
     *
     * @param name  its legend entry, e.g. {@code "constant prediction (MSE 0.167)"}
     * @param value the loss it marks, &gt; 0 (the axis is logarithmic)
     */
    public record Baseline(String name, double value) {
        public Baseline {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a baseline needs a name");
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(
                        "baseline \"" + name + "\" must be a loss > 0 to be drawn on a log axis but is " + value);
            }
        }
    }
}
