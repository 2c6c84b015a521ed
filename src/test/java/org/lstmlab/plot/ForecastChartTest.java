package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ForecastChartTest {

    @Test
    void truthAndForecastsShareTheTimeAxis() {
        double[] day = new double[60];
        double[] truth = new double[60];
        double[] lstm = new double[60];
        double[] persistence = new double[60];
        for (int k = 0; k < 60; k++) {
            day[k] = 1000 + k;
            truth[k] = 12 + 6 * Math.sin(k / 9.0);
            lstm[k] = truth[k] + 0.5 * Math.cos(k);
            persistence[k] = k == 0 ? truth[0] : truth[k - 1];
        }
        XYChart chart = ForecastChart.chart(
                "Seattle daily maximum, test part",
                "day",
                "°C",
                new Curve("truth", day, truth),
                List.of(new Curve("LSTM", day, lstm), new Curve("persistence", day, persistence)));
        assertEquals("Seattle daily maximum, test part", chart.getTitle());
        assertEquals("day", chart.getXAxisTitle());
        assertEquals("°C", chart.getYAxisTitle());
        assertEquals(
                List.of("truth", "LSTM", "persistence"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(truth, chart.getSeriesMap().get("truth").getYData());
        assertArrayEquals(persistence, chart.getSeriesMap().get("persistence").getYData());
        assertArrayEquals(day, chart.getSeriesMap().get("LSTM").getXData());
        assertTrue(
                chart.getSeriesMap().get("persistence").getLineStyle().getDashArray() != null, "baselines are dashed");
        assertTrue(RenderedChart.hasContent(RenderedChart.renderAndDecode(chart, "forecast")));
    }

    @Test
    void datesBecomeTheTimeAxis() {
        List<LocalDate> dates = new ArrayList<>();
        double[] truth = new double[40];
        double[] model = new double[40];
        for (int k = 0; k < 40; k++) {
            dates.add(LocalDate.of(2015, 3, 1).plusDays(k));
            truth[k] = 10 + k * 0.1;
            model[k] = 10.2 + k * 0.1;
        }
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        forecasts.put("LSTM", model);
        XYChart chart = ForecastChart.chart("Test part", "°C", dates, truth, forecasts);
        XYSeries s = chart.getSeriesMap().get("LSTM");
        assertEquals(XYSeries.class, s.getClass());
        assertEquals(
                Date.from(dates.get(5).atStartOfDay().toInstant(ZoneOffset.UTC)).getTime(), (long) s.getXData()[5]);
        assertArrayEquals(model, s.getYData());
        assertArrayEquals(truth, chart.getSeriesMap().get("truth").getYData());
        RenderedChart.renderAndDecode(chart, "forecast-dates");
    }

    @Test
    void forecastsAtOtherTimesOrOfOtherLengthsAreRefused() {
        Curve truth = new Curve("truth", new double[] {1, 2, 3}, new double[] {5, 6, 7});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ForecastChart.chart(
                        "t", "x", "y", truth, List.of(new Curve("LSTM", new double[] {1, 2}, new double[] {5, 6}))));
        assertEquals("forecast \"LSTM\" must be given at the truth's 3 time points but has 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForecastChart.chart("t", "x", "y", truth, List.of()));
        IllegalArgumentException dates = assertThrows(
                IllegalArgumentException.class,
                () -> ForecastChart.chart(
                        "t", "y", List.of(LocalDate.of(2015, 1, 1)), new double[] {1, 2}, Map.of("LSTM", new double[] {
                            1, 2
                        })));
        assertTrue(dates.getMessage().contains("x [1] and y [2]"), dates.getMessage());
    }
}
