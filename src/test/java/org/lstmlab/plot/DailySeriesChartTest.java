package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lstmlab.data.SeattleWeather;
import tech.tablesaw.api.Table;

class DailySeriesChartTest {

    @Test
    void eachSeriesIsALineOverTheCalendarDates() {
        List<LocalDate> dates = new ArrayList<>();
        double[] max = new double[30];
        double[] min = new double[30];
        for (int k = 0; k < 30; k++) {
            dates.add(LocalDate.of(2012, 1, 1).plusDays(k));
            max[k] = 10 + Math.sin(k);
            min[k] = 2 + Math.cos(k);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("maximum", max);
        series.put("minimum", min);
        XYChart chart = DailySeriesChart.chart("Temperatures", "°C", dates, series);
        assertEquals(
                List.of("maximum", "minimum"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries s = chart.getSeriesMap().get("minimum");
        assertArrayEquals(min, s.getYData());
        assertEquals(dates.get(29).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(), (long) s.getXData()[29]);
        assertEquals("date", chart.getXAxisTitle());
        assertEquals("yyyy-MM-dd", chart.getStyler().getDatePattern());
    }

    @Test
    void drawsTheSeattleTemperaturesOfNotebookEight() {
        Table weather = SeattleWeather.load();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("maximum", weather.doubleColumn(SeattleWeather.TEMP_MAX).asDoubleArray());
        series.put("minimum", weather.doubleColumn(SeattleWeather.TEMP_MIN).asDoubleArray());
        XYChart chart = DailySeriesChart.chart(
                "Seattle daily temperatures",
                "°C",
                weather.dateColumn(SeattleWeather.DATE).asList(),
                series);
        assertEquals(weather.rowCount(), chart.getSeriesMap().get("maximum").getXData().length);
        RenderedChart.renderAndDecode(chart, "seattle-temperatures");
    }

    @Test
    void aSeriesOfAnotherLengthThanTheDatesIsRefusedWithBothLengths() {
        List<LocalDate> dates = List.of(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 2));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DailySeriesChart.chart("t", "°C", dates, Map.of("maximum", new double[] {1, 2, 3})));
        assertEquals("\"maximum\" must have one value per date (2) but has 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DailySeriesChart.chart("t", "°C", dates, Map.of()));
    }
}
