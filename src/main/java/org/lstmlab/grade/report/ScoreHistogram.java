package org.lstmlab.grade.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The class's score distribution: how many students scored in each tenth of the points, as an XChart bar chart. */
public final class ScoreHistogram {
    /** How many bars: tenths of the points. */
    public static final int BINS = 10;

    private ScoreHistogram() {}

    /**
     * How many scores fall in each tenth of {@code [0, max]}; full marks count in the last.
     *
     * @return {@value #BINS} counts
     */
    public static int[] counts(List<Double> scores, double max) {
        int[] n = new int[BINS];
        for (double s : scores) {
            int k = max <= 0 ? 0 : (int) Math.floor(s / max * BINS);
            n[Math.max(0, Math.min(BINS - 1, k))]++;
        }
        return n;
    }

    /** The bars' labels, e.g. {@code 0–10}, …, {@code 90–100} for 100 points. */
    public static List<String> labels(double max) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < BINS; k++) {
            labels.add(Report.points(round(max * k / BINS)) + "–" + Report.points(round(max * (k + 1) / BINS)));
        }
        return labels;
    }

    /** The chart: students per tenth of the points. */
    public static CategoryChart chart(List<Double> scores, double max, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(640)
                .height(300)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<Integer> counts = new ArrayList<>();
        for (int c : counts(scores, max)) counts.add(c);
        chart.addSeries("students", labels(max), counts);
        return chart;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
