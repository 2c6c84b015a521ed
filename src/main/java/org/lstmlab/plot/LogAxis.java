package org.lstmlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A logarithmic y axis that stays readable from a fraction of a decade to fifty: at most one label
 * per decade, and fewer over wide ranges (every 2nd, 5th or 10th decade), never more than
 * {@value #MAX_LABELS}; an axis around a curve that spans less than a decade is widened to the
 * decades around it, so every axis has at least two labels.
 *
 * <p>XChart's own log axis labels every decade (46 labels from 10¹⁰ to 10⁻³⁵ in notebook 01) and a
 * curve inside one decade gets a single label. So the curves are drawn in log₁₀ space on a linear
 * axis whose labels show the values: a series' y data hold log₁₀ of the values, and the labels
 * read {@code 0.01}, {@code 1}, {@code 1000} or {@code 10⁻³⁵}. Values ≤ 0 follow the
 * {@link LogScale} rule.
 */
final class LogAxis {
    /** The most labels the axis carries. */
    static final int MAX_LABELS = 8;

    /** Decade steps between labels, in order of preference. */
    private static final int[] STEPS = {1, 2, 5, 10, 20, 50, 100};

    private LogAxis() {}

    /**
     * The axis in exponents: from 10^low to 10^high, a label at every multiple of step in between.
     *
     * @param low  the exponent at the bottom of the axis
     * @param high the exponent at the top, above low
     * @param step decades between labels
     */
    record Decades(double low, double high, int step) {
        /** The exponents that carry a label, bottom to top. */
        List<Integer> labelled() {
            List<Integer> k = new ArrayList<>();
            long first = (long) Math.ceil(low / step - 1e-9) * step; // the lowest multiple of step ≥ low
            for (long e = first; e <= high + 1e-9; e += step) k.add((int) e);
            return k;
        }

        /**
         * The label at the exponent v of a tick, or null (no label) between labelled decades.
         * XChart also asks for the labels of the axis ends before it places any tick, and gives up
         * on the axis when they are equal; an end that is not a labelled decade gets its value.
         */
        String labelAt(double v) {
            long k = Math.round(v);
            if (Math.abs(v - k) <= 1e-6 && Math.floorMod(k, step) == 0) return label((int) k);
            if (v == low || v == high) return String.format(Locale.ROOT, "%.3g", Math.pow(10, v));
            return null;
        }
    }

    /**
     * The axis for values from 10^lo to 10^hi: the smallest step of 1, 2, 5, 10 … decades that
     * labels at most {@value #MAX_LABELS} decades inside the data's range, the range widened by a
     * little so that no curve touches the frame, and, when fewer than two decades fall inside it,
     * widened to the decades around it so that two are labelled.
     *
     * @param lo log₁₀ of the smallest value drawn
     * @param hi log₁₀ of the largest, ≥ lo
     */
    static Decades decades(double lo, double hi) {
        double pad = Math.max(hi - lo, 0.1) * Figures.PAD;
        double low = lo - pad;
        double high = hi + pad;
        int step = STEPS[STEPS.length - 1];
        for (int s : STEPS) {
            if (new Decades(low, high, s).labelled().size() <= MAX_LABELS) {
                step = s;
                break;
            }
        }
        Decades d = new Decades(low, high, step);
        if (d.labelled().size() >= 2) return d;
        List<Integer> inside = d.labelled();
        double room = Figures.PAD; // beyond a decade at an end of the axis, so that its label is drawn
        if (inside.isEmpty()) return new Decades(Math.floor(lo) - room, Math.floor(lo) + 1 + room, 1);
        int k = inside.get(0); // one decade inside: widen to the neighbour that costs less room
        return lo - (k - 1) <= (k + 1) - hi ? new Decades(k - 1 - room, high, 1) : new Decades(low, k + 1 + room, 1);
    }

    /** 10^k as a reader writes it: {@code 0.001} … {@code 1000} plainly, beyond that {@code 10⁻³⁵}. */
    static String label(int k) {
        if (k >= 0 && k <= 3) return "1" + "0".repeat(k);
        if (k < 0 && k >= -3) return "0." + "0".repeat(-k - 1) + "1";
        return "10" + superscript(k);
    }

    private static String superscript(int k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder(k < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) s.append(digits.charAt(c - '0'));
        return s.toString();
    }

    /** Adds the curve in log₁₀ space (values ≤ 0 left out as {@link LogScale} says). */
    static XYSeries line(XYChart chart, Curve c, Color color, BasicStroke stroke) {
        Curve shown = LogScale.positiveOnly(c);
        double[] y = shown.y();
        for (int k = 0; k < y.length; k++) y[k] = Math.log10(y[k]); // NaN stays NaN: a gap
        return Figures.line(chart, new Curve(shown.name(), shown.x(), y), color, stroke);
    }

    /** Sets the axis range and labels from the curves added with {@link #line}; returns the decades. */
    static Decades label(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double v : s.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        Decades d = decades(lo, hi);
        chart.getStyler().setYAxisMin(d.low());
        chart.getStyler().setYAxisMax(d.high());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(d::labelAt);
        return d;
    }
}
