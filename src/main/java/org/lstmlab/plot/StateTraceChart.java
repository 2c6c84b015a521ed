package org.lstmlab.plot;

import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.lstmlab.nn.LstmSequence;

/**
 * Traces of the cell state C_t (solid) and the hidden state h_t = o_t * tanh(C_t) (dashed, same
 * colour) over time for a few hidden units: C_t may grow beyond ±1 while h_t stays inside.
 *
 * <pre>{@code
 * XYChart traces = StateTraceChart.chart(sequence, 0, 0, 1, 2);   // units 0, 1, 2 of example 0
 * }</pre>
 */
public final class StateTraceChart {
    static {
        Headless.ensure();
    }

    /** Default title. */
    public static final String TITLE = "Cell state C_t and hidden state h_t over time";

    private StateTraceChart() {}

    /**
     * C_t and h_t of the chosen units.
     *
     * @param cellStates   {@code [T][H]}: C_t of every unit, t = 1 … T
     * @param hiddenStates {@code [T][H]}: h_t of every unit
     * @param units        at least one unit index j in [0, H)
     */
    public static XYChart chart(double[][] cellStates, double[][] hiddenStates, int... units) {
        XYChart chart = Figures.lineChart(TITLE, "time step t", "value", false);
        addTraces(chart, "C_t", cellStates, Figures.SOLID, units);
        if (hiddenStates.length != cellStates.length) {
            throw new IllegalArgumentException("h_t must be [T][H] with T = " + cellStates.length
                    + " like C_t but has T = " + hiddenStates.length);
        }
        addTraces(chart, "h_t", hiddenStates, Figures.DASHED, units);
        Figures.padAxes(chart, true);
        return chart;
    }

    /**
     * Traces of one kind of state, e.g. an RNN's h_t.
     *
     * @param symbol the state's symbol for title and legend, e.g. {@code "h_t"}
     * @param states {@code [T][H]}
     * @param units  at least one unit index j in [0, H)
     */
    public static XYChart chart(String symbol, double[][] states, int... units) {
        XYChart chart = Figures.lineChart(symbol + " over time", "time step t", symbol, false);
        addTraces(chart, symbol, states, Figures.SOLID, units);
        Figures.padAxes(chart, true);
        return chart;
    }

    /**
     * C_t and h_t of one example of an LSTM run.
     *
     * @param sequence the run ({@code cs} and {@code hs} are {@code [B, T, H]})
     * @param example  b, the row of the batch
     * @param units    at least one unit index j in [0, H)
     */
    public static XYChart chart(LstmSequence sequence, int example, int... units) {
        long b = sequence.cs().size(0);
        if (example < 0 || example >= b)
            throw new IllegalArgumentException("example b must be in [0, B = " + b + ") but is " + example);
        return chart(
                sequence.cs().slice(example).toDoubleMatrix(),
                sequence.hs().slice(example).toDoubleMatrix(),
                units); // [T, H] each
    }

    private static void addTraces(
            XYChart chart, String symbol, double[][] states, java.awt.BasicStroke stroke, int... units) {
        if (states == null || states.length == 0 || states[0] == null || states[0].length == 0) {
            throw new IllegalArgumentException(symbol + " must be [T][H] with T, H ≥ 1 but is empty");
        }
        if (units == null || units.length == 0)
            throw new IllegalArgumentException("name at least one hidden unit j to trace");
        int h = states[0].length;
        for (int t = 0; t < states.length; t++) {
            if (states[t] == null || states[t].length != h) {
                throw new IllegalArgumentException(
                        symbol + " must be [T][H] = [" + states.length + "][" + h + "] but step t = " + (t + 1)
                                + " has " + (states[t] == null ? 0 : states[t].length) + " units");
            }
        }
        double[] time = new double[states.length];
        Arrays.setAll(time, t -> t + 1);
        for (int k = 0; k < units.length; k++) {
            int j = units[k];
            if (j < 0 || j >= h) throw new IllegalArgumentException("unit j must be in [0, H = " + h + ") but is " + j);
            double[] trace = new double[states.length];
            for (int t = 0; t < states.length; t++) trace[t] = states[t][j];
            Figures.line(chart, new Curve(symbol + " unit " + j, time, trace), Figures.color(k), stroke);
        }
    }
}
