package org.lstmlab.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;

/**
 * A trained unit's gates over one sequence (notebook 07): i_t, f_t and o_t as lines from 0 to 1
 * against the time step, with the positions a task marks drawn as dotted vertical lines — on the
 * adding problem, where the two values to add sit.
 *
 * <pre>{@code
 * var e = gates.example();
 * XYChart chart = GateTraceChart.chart("Unit 4 of the trained LSTM", e.i(), e.f(), e.o(), e.firstMark(), e.secondMark());
 * }</pre>
 */
public final class GateTraceChart {
    static {
        Headless.ensure();
    }

    private GateTraceChart() {}

    /**
     * The figure.
     *
     * @param title the figure's title
     * @param i     i_t for t = 1 … T, in [0, 1]
     * @param f     f_t, same length
     * @param o     o_t, same length
     * @param marks the marked steps t (from 1), each drawn as a vertical line
     */
    public static XYChart chart(String title, double[] i, double[] f, double[] o, int... marks) {
        if (i == null || f == null || o == null || i.length == 0)
            throw new IllegalArgumentException("i_t, f_t and o_t must each hold one value per step");
        if (f.length != i.length || o.length != i.length) {
            throw new IllegalArgumentException("i_t, f_t and o_t must have the same length T but have " + i.length
                    + ", " + f.length + " and " + o.length);
        }
        double[] t = new double[i.length];
        for (int k = 0; k < t.length; k++) t[k] = k + 1;
        XYChart chart = Figures.lineChart(title, "time step t", "gate value", false);
        Figures.line(chart, new Curve("input gate i_t", t, requireGate("i_t", i)), Figures.color(1), Figures.SOLID);
        Figures.line(chart, new Curve("forget gate f_t", t, requireGate("f_t", f)), Figures.color(0), Figures.SOLID);
        Figures.line(chart, new Curve("output gate o_t", t, requireGate("o_t", o)), Figures.color(2), Figures.DASHED);
        for (int m : marks == null ? new int[0] : marks) {
            if (m < 1 || m > i.length) {
                throw new IllegalArgumentException("a marked step must be in [1, T = " + i.length + "] but is " + m);
            }
            Figures.line(
                    chart,
                    new Curve("marked t = " + m, new double[] {m, m}, new double[] {0, 1}),
                    Color.BLACK,
                    Figures.DOTTED);
        }
        Figures.padAxes(chart, true);
        return chart;
    }

    private static double[] requireGate(String symbol, double[] v) {
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] >= 0 && v[k] <= 1)) {
                throw new IllegalArgumentException(symbol + " at t = " + (k + 1) + " is " + v[k]
                        + " but a gate lies in [0, 1]: was a pre-activation or C_t passed?");
            }
        }
        return v;
    }
}
