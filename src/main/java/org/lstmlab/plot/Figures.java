package org.lstmlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Shared look of the course's line figures: size, palette, legend, solid and dashed lines. */
final class Figures {
    static {
        Headless.ensure();
    }

    /** Default width and height in pixels. */
    static final int WIDTH = 800;

    static final int HEIGHT = 500;

    /** A colour-blind-safe palette (Okabe & Ito 2008), in order. */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)
    };

    static final BasicStroke SOLID = new BasicStroke(2f);
    static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

    private Figures() {}

    static XYChart lineChart(String title, String xLabel, String yLabel, boolean logY) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.6f));
        chart.getStyler().setXAxisMaxLabelCount(MAX_X_LABELS);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /**
     * Keeps a log y axis readable however many decades the data span. XChart labels every decade
     * (a custom label function would switch it to a linear tick calculator, which is wrong for a log
     * axis), so beyond {@value #CROWDED_DECADES} decades the labels get a smaller font and beyond
     * {@value #MAX_DECADE_GRID} decades the horizontal grid lines are dropped so that they do not
     * merge into a grey block.
     */
    static void tidyLogAxis(XYChart chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max > 0)) return;
        int decades = (int) Math.ceil(Math.log10(max)) - (int) Math.floor(Math.log10(min));
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setPlotGridHorizontalLinesVisible(decades <= MAX_DECADE_GRID);
        if (decades > CROWDED_DECADES) {
            java.awt.Font font = chart.getStyler().getAxisTickLabelsFont();
            chart.getStyler()
                    .setAxisTickLabelsFont(font.deriveFont(Math.max(7f, font.getSize2D() * CROWDED_DECADES / decades)));
        }
    }

    /** At most this many x tick labels, so that long runs stay readable. */
    static final int MAX_X_LABELS = 12;

    static final int CROWDED_DECADES = 24;
    static final int MAX_DECADE_GRID = 40;

    static XYSeries line(XYChart chart, Curve c, Color color, BasicStroke stroke) {
        requireUniqueName(chart, c.name());
        XYSeries s = chart.addSeries(c.name(), c.x(), c.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** A line chart whose x axis shows calendar dates (UTC, yyyy-MM-dd), not day numbers. */
    static XYChart datedChart(String title, String yLabel) {
        XYChart chart = lineChart(title, "date", yLabel, false);
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        return chart;
    }

    /** The start of each day in UTC, as XChart's date axis wants it. */
    static List<Date> instants(List<LocalDate> dates) {
        return dates.stream()
                .map(d -> Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .toList();
    }

    /** One line over dates; {@code y} needs one value per date. */
    static XYSeries datedLine(
            XYChart chart, String name, List<Date> when, double[] y, Color color, BasicStroke stroke) {
        requireUniqueName(chart, name);
        if (y == null || y.length != when.size()) {
            throw new IllegalArgumentException("\"" + name + "\" must have one value per date (" + when.size()
                    + ") but has " + (y == null ? "none" : y.length));
        }
        List<Double> values = new ArrayList<>(y.length);
        for (double v : y) values.add(v);
        XYSeries s = chart.addSeries(name, when, values);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    static Color color(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    static void requireNonEmpty(String what, List<?> items) {
        if (items == null || items.isEmpty())
            throw new IllegalArgumentException(what + " must hold at least one curve but is empty");
    }

    private static void requireUniqueName(XYChart chart, String name) {
        if (chart.getSeriesMap().containsKey(name)) {
            throw new IllegalArgumentException("two curves are named \"" + name + "\"; legend names must differ");
        }
    }
}
