package org.lstmlab.plot;

/**
 * The one rule for values a logarithmic axis cannot show: a y value ≤ 0 (an underflowed gradient
 * norm, a loss of exactly 0) is replaced by NaN, which XChart draws as a gap in the line, and the
 * legend says how many points were left out, e.g. {@code "RNN train (2 values ≤ 0 not shown)"}. A
 * curve without any positive value is an error, since nothing of it could be drawn.
 */
final class LogScale {
    private LogScale() {}

    /** The curve as drawn on a log y axis: values ≤ 0 become NaN and the name says how many. */
    static Curve positiveOnly(Curve c) {
        double[] y = c.y();
        int dropped = 0;
        int positive = 0;
        for (int k = 0; k < y.length; k++) {
            if (y[k] > 0) {
                positive++;
            } else if (!Double.isNaN(y[k])) {
                y[k] = Double.NaN;
                dropped++;
            }
        }
        if (positive == 0) {
            throw new IllegalArgumentException(
                    "curve \"" + c.name() + "\" has no value > 0, so nothing of it can be drawn on a log axis");
        }
        String name = dropped == 0
                ? c.name()
                : c.name() + " (" + dropped + (dropped == 1 ? " value" : " values") + " ≤ 0 not shown)";
        return new Curve(name, c.x(), y);
    }
}
