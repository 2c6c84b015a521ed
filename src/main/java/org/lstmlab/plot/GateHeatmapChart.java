package org.lstmlab.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.style.Styler;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.nn.LstmStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gate's activations as a heatmap, time step on x and hidden unit on y, with the colour scale
 * fixed to the activation's range — (0, 1) for σ, (−1, 1) for tanh — so heatmaps of different runs
 * compare by eye.
 *
 * <pre>{@code
 * HeatMapChart f = GateHeatmapChart.chart(Gate.FORGET, sequence, 0);   // f_t of example 0
 * }</pre>
 */
public final class GateHeatmapChart {
    static {
        Headless.ensure();
    }

    /** At most this many time steps are labelled, to keep the axis readable. */
    static final int MAX_LABELS = 15;

    /** Steps between labelled time steps, in order of preference. */
    private static final int[] LABEL_STEPS = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000};

    private static final Color[] SIGMOID_COLORS = {
        new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)
    };
    /**
     * Viridis (van der Walt &amp; Smith 2015), dark to light from −1 to 1: readable with any colour vision and in grey,
     * where a blue–white–red scale shows −1 and 1 alike.
     */
    private static final Color[] TANH_COLORS = {
        new Color(68, 1, 84),
        new Color(59, 82, 139),
        new Color(33, 145, 140),
        new Color(94, 201, 98),
        new Color(253, 231, 37)
    };

    private GateHeatmapChart() {}

    /**
     * The heatmap of one gate.
     *
     * @param gate   which gate; sets title, symbol and colour range
     * @param values {@code [T][H]}: values[t−1][j] is the gate of unit j at step t
     * @throws IllegalArgumentException if values is empty or ragged, or a value lies outside the
     *                                  gate's range (a pre-activation passed by mistake)
     */
    public static HeatMapChart chart(Gate gate, double[][] values) {
        if (gate == null)
            throw new IllegalArgumentException("gate must be one of " + List.of(Gate.values()) + " but is null");
        requireGrid(gate, values);
        int steps = values.length;
        int units = values[0].length;
        HeatMapChart chart = new HeatMapChart(
                Figures.WIDTH,
                Figures.HEIGHT,
                Styler.ChartTheme.XChart); // the (w, h) constructor leaves fonts and locale unset in 3.8.8
        chart.setTitle(
                Words.t(gate.title() + " " + gate.symbol() + " = " + gate.activation() + "(…) per unit and time step"));
        chart.setXAxisTitle(Words.t("time step t"));
        chart.setYAxisTitle(Words.t("hidden unit j"));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setRangeColors(gate.min() < 0 ? TANH_COLORS : SIGMOID_COLORS);
        chart.getStyler().setMin(gate.min());
        chart.getStyler().setMax(gate.max());
        List<String> xLabels = timeLabels(steps);
        List<Integer> yLabels = new ArrayList<>();
        for (int j = 0; j < units; j++) yLabels.add(j);
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < units; j++) heat.add(new Number[] {t, j, values[t][j]});
        }
        HeatMapSeries series = chart.addSeries(gate.symbol(), xLabels, yLabels, heat);
        series.setMin(gate.min()); // fixed range: the colours mean the same in every figure
        series.setMax(gate.max());
        return AltText.attach(chart, altText(gate, values, chart.getTitle()));
    }

    /**
     * The heatmap of one gate of one example of an LSTM run.
     *
     * @param gate     which gate
     * @param sequence the run; each step's gate is {@code [B, H]}
     * @param example  b, the row of the batch to show
     */
    public static HeatMapChart chart(Gate gate, LstmSequence sequence, int example) {
        List<LstmStep> steps = sequence.steps();
        double[][] values = new double[steps.size()][]; // [T][H]
        for (int t = 0; t < steps.size(); t++) {
            INDArray g = switch (gate) {
                case FORGET -> steps.get(t).f();
                case INPUT -> steps.get(t).i();
                case CANDIDATE -> steps.get(t).cTilde();
                case OUTPUT -> steps.get(t).o();
            }; // [B, H]
            if (example < 0 || example >= g.size(0)) {
                throw new IllegalArgumentException("example b must be in [0, B = " + g.size(0) + ") but is " + example);
            }
            values[t] = g.getRow(example).toDoubleVector();
        }
        return chart(gate, values);
    }

    /** The heatmap's text alternative: what it maps, the colour scale, the mean and where the extremes are. */
    static String altText(Gate gate, double[][] values, String title) {
        int lowT = 0, lowJ = 0, highT = 0, highJ = 0;
        double sum = 0;
        for (int t = 0; t < values.length; t++) {
            for (int j = 0; j < values[t].length; j++) {
                sum += values[t][j];
                if (values[t][j] < values[lowT][lowJ]) {
                    lowT = t;
                    lowJ = j;
                }
                if (values[t][j] > values[highT][highJ]) {
                    highT = t;
                    highJ = j;
                }
            }
        }
        int units = values[0].length;
        String scale =
                Words.t(gate.min() < 0 ? "dark purple (−1) through green to yellow (1)" : "light (0) to dark blue (1)");
        return Words.format(
                "%s: a heatmap of H = %d hidden units (rows) over T = %d time steps (columns), coloured from %s."
                        + " Mean %s = %s; smallest %s (unit %d, t = %d), largest %s (unit %d, t = %d).",
                title,
                units,
                values.length,
                scale,
                gate.symbol(),
                AltText.number(sum / (values.length * units)),
                AltText.number(values[lowT][lowJ]),
                lowJ,
                lowT + 1,
                AltText.number(values[highT][highJ]),
                highJ,
                highT + 1);
    }

    /**
     * The x axis's category per time step t = 1 … T: t itself where it is labelled — every multiple
     * of the smallest step of 1, 2, 5, 10, 20, 25, 50 … that keeps at most {@value #MAX_LABELS}
     * labels, and t = 1 when the step is 5 or more — otherwise a blank. XChart's own thinning of a
     * category axis (setXAxisMaxLabelCount) labels irregular steps and repeats the last one
     * ("1 2 4 5 7 … 26 28 28"). Blanks are spaces of different lengths: XChart needs distinct
     * categories and cannot draw an empty label.
     */
    static List<String> timeLabels(int steps) {
        int step = LABEL_STEPS[LABEL_STEPS.length - 1];
        for (int s : LABEL_STEPS) {
            if (steps / s + (s >= 5 ? 1 : 0) <= MAX_LABELS) {
                step = s;
                break;
            }
        }
        List<String> labels = new ArrayList<>(steps);
        for (int t = 1; t <= steps; t++) {
            boolean labelled = t % step == 0 || (t == 1 && step >= 5);
            labels.add(labelled ? Integer.toString(t) : " ".repeat(t));
        }
        return labels;
    }

    private static void requireGrid(Gate gate, double[][] values) {
        if (values == null || values.length == 0 || values[0] == null || values[0].length == 0) {
            throw new IllegalArgumentException(gate.symbol() + " must be [T][H] with T, H ≥ 1 but is empty");
        }
        int units = values[0].length;
        for (int t = 0; t < values.length; t++) {
            if (values[t] == null || values[t].length != units) {
                throw new IllegalArgumentException(
                        gate.symbol() + " must be [T][H] = [" + values.length + "][" + units + "] but step t = "
                                + (t + 1) + " has " + (values[t] == null ? 0 : values[t].length) + " units");
            }
            for (int j = 0; j < units; j++) {
                double v = values[t][j];
                if (!(v >= gate.min() && v <= gate.max())) {
                    throw new IllegalArgumentException(gate.symbol() + " at t = " + (t + 1) + ", unit " + j + " is " + v
                            + " but " + gate.activation() + " gives values in [" + gate.min() + ", " + gate.max()
                            + "]: was the pre-activation passed instead of the gate?");
                }
            }
        }
    }
}
