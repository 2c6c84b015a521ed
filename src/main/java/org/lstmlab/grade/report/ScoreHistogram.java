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

    /** The bars' labels, in percent of the points: {@code 0–10}, …, {@code 90–100}. */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < BINS; k++) {
            labels.add(100 * k / BINS + "–" + 100 * (k + 1) / BINS);
        }
        return labels;
    }

    /** The chart: students per tenth of the points, the bars labelled in percent of them. */
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
        chart.addSeries("students", labels(), counts);
        return chart;
    }
}
