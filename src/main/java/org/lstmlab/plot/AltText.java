package org.lstmlab.plot;

import java.awt.BasicStroke;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.WeakHashMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

/**
 * The short text alternative of a figure, written from its data: title, axes, what each curve does and a key
 * number ("‖W_hh‖₂ = 0.5: from 1 at lag 0 to 3.1e-19 at lag 60, under its dashed bound"). A Jupyter kernel shows it
 * as the {@code alt} of the figure's image, so a screen reader and the course's website can say what the figure
 * shows (WCAG 2.1, 1.1.1 Non-text Content).
 *
 * <pre>{@code
 * XYChart chart = ActivationChart.chart();
 * String alt = AltText.of(chart);   // "The course's two non-linearities: activation against pre-activation z …"
 * }</pre>
 *
 * <p>The course's figure classes write their own text when they build a chart or draw a diagram; any other XChart
 * line chart gets one from its title, axes and curves.
 */
public final class AltText {
    /** Texts the figure classes wrote, by figure (the chart or the image), as long as the figure lives. */
    private static final Map<Object, String> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

    /** At most this many curves are described one by one. */
    static final int MAX_CURVES = 8;

    private AltText() {}

    /**
     * The text alternative of a figure.
     *
     * @param figure an XChart chart or an image a figure class drew
     * @return the text its figure class wrote, else one written from an XY chart's title, axes and curves, else
     *     the title of any other chart; null for an image no figure class drew, or null
     */
    public static String of(Object figure) {
        if (figure == null) return null;
        String written = WRITTEN.get(figure);
        if (written != null) return written;
        if (figure instanceof XYChart xy) return describe(xy);
        if (figure instanceof Chart<?, ?> chart) return title(chart) + ".";
        return null;
    }

    /** Gives a figure its text and returns the figure. */
    static <T> T attach(T figure, String text) {
        WRITTEN.put(figure, text);
        return figure;
    }

    /**
     * An XY chart's title, axes and curves: for each curve its line style, where it starts and ends, and its lowest
     * and highest value when they lie between (on a log axis the values, not their logarithms).
     */
    static String describe(XYChart chart) {
        boolean log = chart.getStyler().getyAxisTickLabelsFormattingFunction() != null;
        StringBuilder s = new StringBuilder(Words.format(
                "%s: %s against %s", title(chart), axis(chart.getYAxisTitle(), "y"), axis(chart.getXAxisTitle(), "x")));
        if (log && !chart.getYAxisTitle().contains("log")) s.append(Words.t(", on a log scale"));
        List<XYSeries> curves = new ArrayList<>(chart.getSeriesMap().values());
        s.append(Words.format(curves.size() == 1 ? ". %d curve: " : ". %d curves: ", curves.size()));
        List<String> parts = new ArrayList<>();
        for (XYSeries c : curves.subList(0, Math.min(MAX_CURVES, curves.size()))) parts.add(curve(c, log));
        s.append(String.join("; ", parts));
        if (curves.size() > MAX_CURVES) s.append(Words.format("; and %d more", curves.size() - MAX_CURVES));
        return s.append('.').toString();
    }

    /** One curve: "name (dashed) from a at x₀ to b at xₙ", and its lowest and highest value where they lie between. */
    static String curve(XYSeries c, boolean log) {
        double[] x = c.getXData();
        double[] y = values(c, log);
        int first = -1;
        int last = -1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < y.length; k++) {
            if (!Double.isFinite(y[k])) continue;
            if (first < 0) first = k;
            last = k;
            lo = Math.min(lo, y[k]);
            hi = Math.max(hi, y[k]);
        }
        StringBuilder s =
                new StringBuilder(c.getName()).append(" (").append(style(c)).append(')');
        if (first < 0) return s.append(Words.t(" has no value to draw")).toString();
        boolean dates = c.getxAxisDataType() == Series.DataType.Date;
        s.append(Words.format(
                " from %s at %s to %s at %s",
                number(y[first]), x(x[first], dates), number(y[last]), x(x[last], dates)));
        if (lo < Math.min(y[first], y[last])) s.append(Words.format(", lowest %s", number(lo)));
        if (hi > Math.max(y[first], y[last])) s.append(Words.format(", highest %s", number(hi)));
        return s.toString();
    }

    /** The values a curve shows: its y data, or 10^y on a {@link LogAxis}, which stores log₁₀. */
    static double[] values(XYSeries c, boolean log) {
        double[] y = c.getYData().clone();
        if (log) for (int k = 0; k < y.length; k++) y[k] = Math.pow(10, y[k]);
        return y;
    }

    static String style(XYSeries c) {
        BasicStroke stroke = c.getLineStyle();
        String line = Words.term(
                "line", stroke == Figures.DOTTED ? "dotted" : stroke.getDashArray() != null ? "dashed" : "solid");
        String marker = Figures.markerName(c.getMarker());
        return marker == null ? line : Words.format("%s, %s markers", line, Words.term("marker", marker));
    }

    /** A number in three significant digits, in scientific notation when it is very small or large. */
    static String number(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.2e", v)
                .replace("e-0", "e-")
                .replace("e+0", "e+")
                .replace("e+", "e");
    }

    private static String x(double x, boolean dates) {
        if (!dates) return number(x);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date((long) x));
    }

    static String title(Chart<?, ?> chart) {
        String t = chart.getTitle();
        return t == null || t.isBlank() ? Words.t("A chart") : t;
    }

    private static String axis(String title, String fallback) {
        return title == null || title.isBlank() ? fallback : title;
    }
}
