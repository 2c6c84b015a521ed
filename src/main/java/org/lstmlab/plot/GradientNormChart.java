package org.lstmlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Gradient norm against lag on a log y axis: one solid curve per measured setting (e.g. one per
 * spectral norm of {@code W_hh}) and, dashed in the same colour, the bound each must stay under —
 * the picture of the vanishing gradient (Pascanu, Mikolov &amp; Bengio 2013).
 *
 * <pre>{@code
 * XYChart chart = GradientNormChart.chart(
 *         List.of(Curve.indexed("‖W_hh‖₂ = 0.5", norms05), Curve.indexed("‖W_hh‖₂ = 0.9", norms09)),
 *         List.of(Curve.indexed("bound 0.5^(T−t)", bound05), Curve.indexed("bound 0.9^(T−t)", bound09)));
 * }</pre>
 *
 * The y axis is a {@link LogAxis}: the series hold log₁₀ of the norms, the labels show the norms,
 * at most one per decade. Values ≤ 0 cannot be drawn on it: see {@link LogScale} for the rule (gap
 * plus a note in the legend).
 */
public final class GradientNormChart {
    static {
        Headless.ensure();
    }

    /** Default title. */
    public static final String TITLE = "Gradient norm against lag";
    /** Default x axis label. */
    public static final String X_LABEL = "lag T − t";
    /** Default y axis label: the RNN's Jacobian norm. */
    public static final String Y_LABEL = "‖∂h_T/∂h_t‖₂ (log scale)";

    private GradientNormChart() {}

    /** The figure with the default title and labels for the RNN's {@code ‖∂h_T/∂h_t‖₂}. */
    public static XYChart chart(List<Curve> measured, List<Curve> bounds) {
        return chart(TITLE, Y_LABEL, measured, bounds);
    }

    /**
     * The figure with its own title and y label (e.g. {@code "‖∂C_T/∂C_t‖₂"} for the LSTM's cell path).
     *
     * @param measured at least one curve, x = lag, y = norm; drawn solid
     * @param bounds   zero or more curves drawn dashed; bound k takes the colour of measured curve k
     */
    public static XYChart chart(String title, String yLabel, List<Curve> measured, List<Curve> bounds) {
        Figures.requireNonEmpty("measured", measured);
        List<Curve> dashed = bounds == null ? List.of() : bounds;
        XYChart chart = Figures.lineChart(title, X_LABEL, yLabel, true);
        for (int k = 0; k < measured.size(); k++) {
            LogAxis.line(chart, measured.get(k), Figures.color(k), Figures.SOLID);
        }
        for (int k = 0; k < dashed.size(); k++) {
            // no markers: on a bound they hid its dashes, and it read as a second measured curve
            LogAxis.line(chart, dashed.get(k), Figures.color(k), Figures.DASHED_SHORT)
                    .setMarker(SeriesMarkers.NONE);
        }
        LogAxis.label(chart);
        Figures.padAxes(chart, true);
        return AltText.attach(chart, AltText.describe(chart) + boundsSentence(measured, dashed) + vanishing(measured));
    }

    /**
     * Several gradient paths of one network on one log axis, each solid curve in its own colour, the ones named in
     * {@code dashed} dashed, wide and black — e.g. notebook 04's RNN ‖∂h_T/∂h_t‖₂, the LSTM's full ‖∂h_T/∂h_t‖₂ and
     * ‖∂C_T/∂C_t‖₂ solid, and its cell path ‖Π diag(f_s)‖₂ dashed.
     *
     * @param curves at least one curve, x = lag, y = norm
     * @param dashed legend names of the curves to dash (each must name one of {@code curves})
     */
    public static XYChart paths(String title, String yLabel, List<Curve> curves, List<String> dashed) {
        Figures.requireNonEmpty("curves", curves);
        List<String> names = curves.stream().map(Curve::name).toList();
        for (String name : dashed) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("dashed curve '" + name + "' is not one of the curves " + names);
            }
        }
        XYChart chart = Figures.lineChart(title, X_LABEL, yLabel, true);
        // the solid curves first, then the dashed over them, wide, in black and without markers: a dashed path that
        // runs along a solid one (notebook 04 at b_f = 5: the cell path beside the full ‖∂h_T/∂h_t‖₂, both near 1)
        // would otherwise vanish under the markers, and in a pale colour it was hard to see at all
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            if (!dashed.contains(c.name())) {
                LogAxis.line(chart, c, Figures.color(k), Figures.SOLID);
            }
        }
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            if (dashed.contains(c.name())) {
                LogAxis.line(chart, c, Figures.INK, Figures.DASHED_OVER).setMarker(SeriesMarkers.NONE);
            }
        }
        LogAxis.label(chart);
        Figures.padAxes(chart, true);
        return AltText.attach(chart, AltText.describe(chart) + vanishing(curves));
    }

    /**
     * The same figure from plain arrays: every curve shares the lags.
     *
     * @param lags     {@code [n]}
     * @param measured legend name → {@code [n]} norms, in the map's iteration order (use a LinkedHashMap)
     * @param bounds   legend name → {@code [n]} bound values, same order as their measured curves
     */
    public static XYChart chart(double[] lags, Map<String, double[]> measured, Map<String, double[]> bounds) {
        return chart(curves(lags, measured), bounds == null ? List.of() : curves(lags, bounds));
    }

    /** Below this a gradient has vanished for any training: the alt text names the lag where a curve gets there. */
    static final double VANISHED = 1e-10;

    /** Whether each measured curve stays under its dashed bound, for the alt text. */
    static String boundsSentence(List<Curve> measured, List<Curve> bounds) {
        if (bounds.isEmpty()) return "";
        List<String> above = new ArrayList<>();
        for (int k = 0; k < Math.min(measured.size(), bounds.size()); k++) {
            double[] m = measured.get(k).y();
            double[] b = bounds.get(k).y();
            for (int t = 0; t < Math.min(m.length, b.length); t++) {
                if (m[t] > b[t] * (1 + 1e-9)) {
                    above.add(Words.t(measured.get(k).name()));
                    break;
                }
            }
        }
        return above.isEmpty()
                ? Words.t(" Every measured curve stays under its dashed bound.")
                : Words.format(" Above its dashed bound: %s.", String.join(", ", above));
    }

    /** The lag by which each curve that vanishes falls below {@value #VANISHED}, for the alt text. */
    static String vanishing(List<Curve> curves) {
        List<String> parts = new ArrayList<>();
        for (Curve c : curves) {
            double[] x = c.x();
            double[] y = c.y();
            for (int t = 0; t < y.length; t++) {
                if (y[t] < VANISHED) {
                    parts.add(Words.format("%s falls below 1e-10 by lag %s", Words.t(c.name()), AltText.number(x[t])));
                    break;
                }
            }
        }
        return parts.isEmpty() ? Words.t(" No curve falls below 1e-10.") : " " + String.join("; ", parts) + ".";
    }

    static List<Curve> curves(double[] x, Map<String, double[]> ys) {
        List<Curve> out = new ArrayList<>();
        if (ys != null) ys.forEach((name, y) -> out.add(new Curve(name, x, y)));
        return out;
    }
}
