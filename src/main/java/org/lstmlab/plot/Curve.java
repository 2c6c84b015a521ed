package org.lstmlab.plot;

import java.util.Arrays;

/**
 * One named line of a figure: x and y values of equal, non-zero length, all finite except that y
 * may hold NaN for a gap.
 *
 * @param name the legend entry, e.g. {@code "‖W_hh‖₂ = 0.5"}
 * @param x    {@code [n]}
 * @param y    {@code [n]}
 */
public record Curve(String name, double[] x, double[] y) {
    public Curve {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a curve needs a name for the legend");
        if (x == null || y == null)
            throw new IllegalArgumentException("curve \"" + name + "\" needs x and y values, got null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve \"" + name + "\" needs as many x as y values but has x ["
                    + x.length + "] and y [" + y.length + "]");
        }
        if (x.length == 0) throw new IllegalArgumentException("curve \"" + name + "\" has no points");
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k]))
                throw new IllegalArgumentException("curve \"" + name + "\" has x[" + k + "] = " + x[k]);
            if (Double.isInfinite(y[k]))
                throw new IllegalArgumentException("curve \"" + name + "\" has y[" + k + "] = " + y[k]);
        }
        x = x.clone();
        y = y.clone();
    }

    /** A curve over x = 0, 1, …, n−1 (e.g. lag 0 … n−1, or training steps). */
    public static Curve indexed(String name, double[] y) {
        double[] x = new double[y == null ? 0 : y.length];
        Arrays.setAll(x, k -> k);
        return new Curve(name, x, y);
    }

    /** x values (a copy). */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** y values (a copy). */
    @Override
    public double[] y() {
        return y.clone();
    }
}
