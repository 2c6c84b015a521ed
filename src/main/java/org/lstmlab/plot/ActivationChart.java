package org.lstmlab.plot;

import org.knowm.xchart.XYChart;

/**
 * The course's two non-linearities over their pre-activation z (notebook 00): σ(z) = 1 / (1 + e^{−z}),
 * range (0, 1), which the gates use, and tanh(z), range (−1, 1), which the candidate and the states use.
 *
 * <pre>{@code
 * XYChart chart = ActivationChart.chart();           // z from −6 to 6
 * XYChart wide = ActivationChart.chart(-10, 10, 201); // another range
 * }</pre>
 */
public final class ActivationChart {
    static {
        Headless.ensure();
    }

    private ActivationChart() {}

    /** σ and tanh on 121 points from z = −6 to 6. */
    public static XYChart chart() {
        return chart(-6, 6, 121);
    }

    /**
     * σ and tanh on evenly spaced points.
     *
     * @param from   the first z
     * @param to     the last z, greater than {@code from}
     * @param points how many points, at least 2
     */
    public static XYChart chart(double from, double to, int points) {
        if (points < 2) throw new IllegalArgumentException("points must be ≥ 2 but is " + points);
        if (!(to > from))
            throw new IllegalArgumentException("the range must run from low to high but is " + from + " to " + to);
        double[] z = new double[points];
        double[] sigma = new double[points];
        double[] tanh = new double[points];
        for (int k = 0; k < points; k++) {
            z[k] = from + (to - from) * k / (points - 1);
            sigma[k] = 1 / (1 + Math.exp(-z[k])); // σ(z)
            tanh[k] = Math.tanh(z[k]);
        }
        XYChart chart = Figures.lineChart("The course's two non-linearities", "pre-activation z", "activation", false);
        Figures.line(chart, new Curve("σ(z)", z, sigma), Figures.color(0), Figures.SOLID);
        Figures.line(chart, new Curve("tanh(z)", z, tanh), Figures.color(1), Figures.SOLID);
        Figures.padAxes(chart, false);
        return AltText.attach(
                chart,
                Words.format(
                        "The course's two non-linearities: activation against pre-activation z from %s to %s. σ(z)"
                                + " (solid, circle markers) rises from %s to %s and is 0.5 at z = 0, always between 0"
                                + " and 1; tanh(z) (solid, square markers) rises from %s to %s through 0 at z = 0,"
                                + " between −1 and 1, four times as steep as σ there.",
                        AltText.number(from),
                        AltText.number(to),
                        AltText.number(sigma[0]),
                        AltText.number(sigma[points - 1]),
                        AltText.number(tanh[0]),
                        AltText.number(tanh[points - 1])));
    }
}
