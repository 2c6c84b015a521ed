package org.lstmlab.plot;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Forecasts against the truth on held-out time (notebook 08): the truth in black, the first
 * forecast (the model) solid, the others (baselines such as persistence) dashed.
 *
 * <pre>{@code
 * XYChart chart = ForecastChart.chart("Seattle daily maximum, test part", "day", "°C",
 *         new Curve("truth", day, truth), List.of(new Curve("LSTM", day, lstm), new Curve("persistence", day, persistence)));
 * }</pre>
 */
public final class ForecastChart {
    static {
        Headless.ensure();
    }

    private ForecastChart() {}

    /**
     * The figure over numeric time.
     *
     * @param truth     the observed values
     * @param forecasts at least one forecast; each needs the same x values as the truth
     */
    public static XYChart chart(String title, String xLabel, String yLabel, Curve truth, List<Curve> forecasts) {
        requireAligned(truth, forecasts);
        XYChart chart = Figures.lineChart(title, xLabel, yLabel, false);
        Figures.line(chart, truth, Color.BLACK, Figures.SOLID);
        for (int k = 0; k < forecasts.size(); k++) {
            Figures.line(chart, forecasts.get(k), Figures.color(k), k == 0 ? Figures.SOLID : Figures.DASHED);
        }
        return chart;
    }

    /**
     * The figure over calendar dates.
     *
     * @param dates     {@code [n]} dates of the targets (e.g. from {@code Windows.targetRows()})
     * @param truth     {@code [n]} observed values
     * @param forecasts legend name → {@code [n]} forecast, in iteration order (use a LinkedHashMap)
     */
    public static XYChart chart(
            String title, String yLabel, List<LocalDate> dates, double[] truth, Map<String, double[]> forecasts) {
        if (dates == null || dates.isEmpty())
            throw new IllegalArgumentException("dates must hold at least one date but is empty");
        double[] x = new double[dates.size()];
        for (int k = 0; k < x.length; k++) x[k] = k;
        Curve truthCurve = new Curve("truth", x, truth);
        List<Curve> curves = new ArrayList<>();
        if (forecasts != null) forecasts.forEach((name, y) -> curves.add(new Curve(name, x, y)));
        requireAligned(truthCurve, curves);
        XYChart chart = Figures.datedChart(title, yLabel);
        List<Date> when = Figures.instants(dates);
        Figures.datedLine(chart, truthCurve.name(), when, truth, Color.BLACK, Figures.SOLID);
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            Figures.datedLine(chart, c.name(), when, c.y(), Figures.color(k), k == 0 ? Figures.SOLID : Figures.DASHED);
        }
        return chart;
    }

    private static void requireAligned(Curve truth, List<Curve> forecasts) {
        if (truth == null) throw new IllegalArgumentException("the truth curve is missing");
        if (forecasts == null || forecasts.isEmpty())
            throw new IllegalArgumentException("forecasts must hold at least one forecast but is empty");
        for (Curve f : forecasts) {
            if (!java.util.Arrays.equals(f.x(), truth.x())) {
                throw new IllegalArgumentException("forecast \"" + f.name() + "\" must be given at the truth's "
                        + truth.x().length + " time points but has " + f.x().length
                        + (f.x().length == truth.x().length ? " different ones" : ""));
            }
        }
    }
}
