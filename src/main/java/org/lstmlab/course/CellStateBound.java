package org.lstmlab.course;

import org.lstmlab.nn.LstmSequence;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Notebook 05's bounds on the cell state of one run, next to what the run reached. Each step adds
 * |i_t * C̃_t| &lt; 1, so |C_t| ≤ |C_0| + t; and a unit whose forget gate stays at or below f_max &lt; 1 keeps
 * |C_t| ≤ max(|C_0|, 1/(1 − f_max)), since |C_t| ≤ f_max |C_{t−1}| + 1. On the gradient side,
 * ∂h_t/∂C_t = o_t (1 − tanh² C_t): a large |C_t| saturates tanh and closes the path from C_t to h_t.
 *
 * <pre>{@code
 * LstmSequence run = cell.forwardSequence(xs, h0, c0);   // one example, B = 1
 * System.out.println(CellStateBound.of(run, c0));
 * }</pre>
 *
 * @param steps        T
 * @param largestC     max |C_t| over every unit and step
 * @param largestUnit  the unit of that largest |C_t|
 * @param largestStep  its step t (1 … T)
 * @param startBound   max |C_0| + T, the bound that holds for any forget gate
 * @param forgetBound  max over units of max(|C_0|, 1/(1 − f_max)), f_max the unit's largest f_t over the run
 * @param slopeAtLargest o_t (1 − tanh² C_t) at the largest |C_t|: ∂h_t/∂C_t there
 * @param largestSlope the largest o_t (1 − tanh² C_t) over every unit and step
 */
public record CellStateBound(
        int steps,
        double largestC,
        int largestUnit,
        int largestStep,
        double startBound,
        double forgetBound,
        double slopeAtLargest,
        double largestSlope) {

    /**
     * The bounds and the reached values of one example's run.
     *
     * @param run the forward pass of one example ({@code B = 1})
     * @param c0  C_0, {@code [1, H]}
     */
    public static CellStateBound of(LstmSequence run, INDArray c0) {
        if (run.steps().isEmpty()) throw new IllegalArgumentException("the run must have at least one step");
        if (run.steps().get(0).c().size(0) != 1) {
            throw new IllegalArgumentException("give the run of one example, B = 1, but B is "
                    + run.steps().get(0).c().size(0));
        }
        double[] start = doubles(c0); // C_0, [H]
        int units = start.length;
        double[] fMax = new double[units];
        double largest = -1;
        int unit = -1;
        int step = -1;
        double slopeThere = Double.NaN;
        double largestSlope = 0;
        for (int t = 0; t < run.steps().size(); t++) {
            LstmStep s = run.steps().get(t);
            double[] f = doubles(s.f());
            double[] c = doubles(s.c());
            double[] o = doubles(s.o());
            double[] tanhC = doubles(s.tanhC());
            for (int a = 0; a < units; a++) {
                fMax[a] = Math.max(fMax[a], f[a]);
                double slope = o[a] * (1 - tanhC[a] * tanhC[a]); // ∂h_t/∂C_t = o_t (1 − tanh² C_t)
                largestSlope = Math.max(largestSlope, slope);
                if (Math.abs(c[a]) > largest) {
                    largest = Math.abs(c[a]);
                    unit = a;
                    step = t + 1;
                    slopeThere = slope;
                }
            }
        }
        double c0Max = 0;
        double forgetBound = 0;
        for (int a = 0; a < units; a++) {
            c0Max = Math.max(c0Max, Math.abs(start[a]));
            forgetBound = Math.max(forgetBound, Math.max(Math.abs(start[a]), 1 / (1 - fMax[a])));
        }
        int big = run.steps().size();
        return new CellStateBound(big, largest, unit, step, c0Max + big, forgetBound, slopeThere, largestSlope);
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Override
    public String toString() {
        return Words.format(
                "over %d steps: largest |C_t| = %.3f (unit %d, step %d)%n"
                        + "  bound for any forget gate, max |C_0| + T = %.1f%n"
                        + "  bound from each unit's largest forget gate, max(|C_0|, 1/(1 − f_max)) = %.3f%n"
                        + "  ∂h_t/∂C_t = o_t(1 − tanh² C_t) at that largest |C_t|: %.3e (largest over the run: %.3f)",
                steps, largestC, largestUnit, largestStep, startBound, forgetBound, slopeAtLargest, largestSlope);
    }
}
