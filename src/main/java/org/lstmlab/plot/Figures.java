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
import org.knowm.xchart.style.markers.Marker;
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

    /**
     * One marker shape per palette colour, so curves differ without colour too (WCAG 2.1, 1.4.1 Use of Color): a
     * curve of at most {@value #MARKED_POINTS} points carries the marker of its colour on every point.
     */
    static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS, SeriesMarkers.OVAL
    };

    private static final String[] MARKER_NAMES = {
        "circle", "square", "diamond", "triangle", "downward triangle", "cross", "plus", "oval"
    };

    /** Curves with more points than this carry no markers: they would hide the line. */
    static final int MARKED_POINTS = 150;

    /** Marker size in pixels. */
    static final int MARKER_SIZE = 6;

    static final BasicStroke SOLID = new BasicStroke(2f);
    static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);

    /**
     * A dashed curve of one point per lag (notebook 01's bounds, 61 lags): short dashes, since XChart starts the
     * pattern afresh at every point and {@link #DASHED}'s 7 px dash fills a segment of about 8 px, drawing it solid.
     */
    static final BasicStroke DASHED_SHORT =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f);

    /**
     * A dashed curve drawn over solid ones that it may run beside (notebook 04's cell path near 1): wider than
     * {@link #SOLID}, in {@link #INK}, with short dashes — XChart starts the pattern afresh at every point, and a
     * curve of 61 lags has segments of about 7 px, under which a longer dash looks solid.
     */
    static final BasicStroke DASHED_OVER =
            new BasicStroke(2.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);

    /** The colour of {@link #DASHED_OVER} curves: the palette's black, darker than all its other colours. */
    static final Color INK = PALETTE[6];

    static final BasicStroke DOTTED =
            new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f);

    private Figures() {}

    /**
     * An empty line chart in the course's look. With {@code logY} the y axis is left linear for
     * {@link LogAxis}, which draws the curves in log₁₀ space and labels the decades.
     */
    static XYChart lineChart(String title, String xLabel, String yLabel, boolean logY) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(Words.t(title));
        chart.setXAxisTitle(Words.t(xLabel));
        chart.setYAxisTitle(Words.t(yLabel));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.6f));
        chart.getStyler().setMarkerSize(MARKER_SIZE);
        chart.getStyler().setPlotContentSize(1.0); // the figures pad their ranges themselves: see padAxes
        return chart;
    }

    /** Room left beyond the data at each end of an axis, as a fraction of the data's range. */
    static final double PAD = 0.0234; // not a round fraction: see padAxes

    /**
     * Round ticks (0, 10, 20 … or 0, 500, 1000 …) and a little room around the curves: both axes
     * run {@value #PAD} of the data's range beyond it (the y axis only when linear: a
     * {@link LogAxis} pads itself), x labels are plain integers without a thousands separator
     * when {@code integers} (steps, lags, time steps). XChart puts ticks at every n-th x value when
     * the x values are equally spaced, which gives ticks such as 1, 11, 21 or crowds them; axis
     * ends that do not continue that spacing (hence the odd fraction) turn this off.
     */
    static void padAxes(XYChart chart, boolean integers) {
        double[] x = range(chart, true);
        if (x[1] > x[0]) {
            chart.getStyler().setXAxisMin(x[0] - (x[1] - x[0]) * PAD);
            chart.getStyler().setXAxisMax(x[1] + (x[1] - x[0]) * PAD);
        }
        if (integers) chart.getStyler().setXAxisDecimalPattern("#");
        if (chart.getStyler().getyAxisTickLabelsFormattingFunction() == null) {
            double[] y = range(chart, false);
            if (y[1] > y[0]) {
                chart.getStyler().setYAxisMin(y[0] - (y[1] - y[0]) * PAD);
                chart.getStyler().setYAxisMax(y[1] + (y[1] - y[0]) * PAD);
            }
        }
    }

    /** {min, max} of the finite x (or y) values of every series. */
    private static double[] range(XYChart chart, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : x ? s.getXData() : s.getYData()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    static XYSeries line(XYChart chart, Curve c, Color color, BasicStroke stroke) {
        requireUniqueName(chart, c.name());
        XYSeries s = chart.addSeries(Words.t(c.name()), c.x(), c.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        mark(s, color, c.x().length);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** A line chart whose x axis shows calendar dates (UTC, yyyy-MM-dd), not day numbers. */
    static XYChart datedChart(String title, String yLabel) {
        XYChart chart = lineChart(title, "date", yLabel, false);
        chart.getStyler().setPlotContentSize(0.92); // XChart's own margins: its date axis picks the ticks
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
        XYSeries s = chart.addSeries(Words.t(name), when, values);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        mark(s, color, y.length);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** The marker of a colour of the palette (the circle for any other) on a curve short enough to carry one. */
    static void mark(XYSeries s, Color color, int points) {
        if (points > MARKED_POINTS) {
            s.setMarker(SeriesMarkers.NONE);
            return;
        }
        int k = java.util.Arrays.asList(PALETTE).indexOf(color);
        s.setMarker(MARKERS[Math.max(k, 0)]);
        s.setMarkerColor(color);
    }

    /** The name of one of {@link #MARKERS}, or null for none. */
    static String markerName(Marker marker) {
        for (int k = 0; k < MARKERS.length; k++) if (MARKERS[k] == marker) return MARKER_NAMES[k];
        return null;
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
