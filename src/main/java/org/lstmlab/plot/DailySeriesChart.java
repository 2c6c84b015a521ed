package org.lstmlab.plot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Daily series over calendar dates, one solid line each (notebook 08: Seattle's daily maximum and
 * minimum temperature). The x axis shows dates, not day numbers.
 *
 * <pre>{@code
 * var series = new LinkedHashMap<String, double[]>();
 * series.put("maximum", weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray());
 * series.put("minimum", weather.doubleColumn(SeattleWeather.TEMP_MIN).asDoubleArray());
 * XYChart chart = DailySeriesChart.chart("Seattle daily temperatures", "°C", weather.dateColumn(SeattleWeather.DATE).asList(), series);
 * }</pre>
 */
public final class DailySeriesChart {
    static {
        Headless.ensure();
    }

    private DailySeriesChart() {}

    /**
     * The figure.
     *
     * @param dates  {@code [n]} the days, in order
     * @param series legend name → {@code [n]} values, in iteration order (use a LinkedHashMap); at least one
     */
    public static XYChart chart(String title, String yLabel, List<LocalDate> dates, Map<String, double[]> series) {
        if (dates == null || dates.isEmpty())
            throw new IllegalArgumentException("dates must hold at least one date but is empty");
        if (series == null || series.isEmpty())
            throw new IllegalArgumentException("series must hold at least one named series but is empty");
        XYChart chart = Figures.datedChart(title, yLabel);
        var when = Figures.instants(dates);
        int k = 0;
        for (var e : series.entrySet()) {
            Figures.datedLine(chart, e.getKey(), when, e.getValue(), Figures.color(k++), Figures.SOLID);
        }
        return chart;
    }
}
