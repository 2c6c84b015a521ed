package org.lstmlab.course;

import java.util.List;
import org.lstmlab.data.AddingBatch;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a trained LSTM's gates do on the adding problem, measured on held-out sequences (notebook
 * 07): for every hidden unit the mean input gate i_t at the two marked positions and elsewhere, the
 * mean forget gate f_t from just after the first mark to the second, and the mean output gate o_t at
 * the last step; the unit that carries the sum is the one whose input gate opens most at the marks
 * compared with the rest of the sequence. {@link #example()} holds that unit's gates over one
 * sequence for the figure.
 *
 * <pre>{@code
 * TrainedGates gates = TrainedGates.measure(row.lstmParams(), AddingProblem.modern(20).sample(200, 7));
 * gates.memoryUnit();               // e.g. 4
 * gates.opensOnlyAtTheMarks();      // i_t below 0.1 away from the marks, ten times that at them
 * }</pre>
 *
 * @param length              T
 * @param memoryUnit          j, the unit whose i_t at the marks exceeds its i_t elsewhere the most
 * @param inputAtMarks        {@code [H]}: mean i_t at the two marked positions
 * @param inputElsewhere      {@code [H]}: mean i_t at every other position
 * @param forgetBetweenMarks  {@code [H]}: mean f_t after the first mark up to and including the second
 * @param outputAtLastStep    {@code [H]}: mean o_t at t = T, where the readout reads h_T
 * @param example             the memory unit over the first test sequence
 */
public record TrainedGates(
        int length,
        int memoryUnit,
        double[] inputAtMarks,
        double[] inputElsewhere,
        double[] forgetBetweenMarks,
        double[] outputAtLastStep,
        Example example) {

    /**
     * One sequence through the trained cell: the gates and cell state of the memory unit.
     *
     * @param i           i_t, t = 1 … T
     * @param f           f_t
     * @param o           o_t
     * @param c           C_t
     * @param firstMark   the step t (from 1) of the first marked value x₁
     * @param secondMark  the step of x₂
     * @param x1          the first marked value
     * @param x2          the second
     */
    public record Example(
            double[] i, double[] f, double[] o, double[] c, int firstMark, int secondMark, double x1, double x2) {}

    /**
     * Runs the trained parameters (through the readable {@link LstmCell}, which computes what the
     * fused path trained) over held-out sequences and measures every unit's gates.
     *
     * @param trained the LSTM's parameters after training, X = 2
     * @param test    held-out sequences of the modern adding problem
     */
    public static TrainedGates measure(LstmParams trained, AddingBatch test) {
        if (trained == null || test == null)
            throw new IllegalArgumentException("measure needs the trained parameters and test sequences");
        int b = test.size();
        int steps = test.length();
        int h = trained.hiddenSize();
        LstmSequence run = new LstmCell(trained)
                .forwardSequence(
                        test.xs(),
                        Nd4j.zeros(trained.dataType(), b, h),
                        Nd4j.zeros(trained.dataType(), b, h)); // h_0 = C_0 = 0, [B, H]
        List<LstmStep> s = run.steps();
        double[][][] i = new double[steps][][]; // [T][B][H]
        double[][][] f = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            i[t] = s.get(t).i().toDoubleMatrix();
            f[t] = s.get(t).f().toDoubleMatrix();
        }
        double[][] oLast = s.get(steps - 1).o().toDoubleMatrix(); // [B, H]
        double[] atMarks = new double[h];
        double[] elsewhere = new double[h];
        double[] between = new double[h];
        double[] output = new double[h];
        int betweenCount = 0;
        for (int e = 0; e < b; e++) {
            int m1 = test.firstMarker()[e];
            int m2 = test.secondMarker()[e];
            betweenCount += m2 - m1;
            for (int j = 0; j < h; j++) {
                for (int t = 0; t < steps; t++) {
                    if (t == m1 || t == m2) atMarks[j] += i[t][e][j];
                    else elsewhere[j] += i[t][e][j];
                    if (t > m1 && t <= m2) between[j] += f[t][e][j];
                }
                output[j] += oLast[e][j];
            }
        }
        int memory = 0;
        for (int j = 0; j < h; j++) {
            atMarks[j] /= 2.0 * b;
            elsewhere[j] /= (double) (steps - 2) * b;
            between[j] /= betweenCount;
            output[j] /= b;
            if (atMarks[j] - elsewhere[j] > atMarks[memory] - elsewhere[memory]) memory = j;
        }
        double[] ei = new double[steps];
        double[] ef = new double[steps];
        double[] eo = new double[steps];
        double[] ec = new double[steps];
        for (int t = 0; t < steps; t++) {
            ei[t] = i[t][0][memory];
            ef[t] = f[t][0][memory];
            eo[t] = s.get(t).o().getDouble(0, memory);
            ec[t] = s.get(t).c().getDouble(0, memory);
        }
        int m1 = test.firstMarker()[0];
        int m2 = test.secondMarker()[0];
        Example example = new Example(
                ei,
                ef,
                eo,
                ec,
                m1 + 1,
                m2 + 1,
                test.xs().getDouble(0, m1, 0),
                test.xs().getDouble(0, m2, 0));
        return new TrainedGates(steps, memory, atMarks, elsewhere, between, output, example);
    }

    /**
     * The property notebook 07 states: the memory unit's input gate is nearly shut away from the
     * marked positions (mean below 0.1) and opens at them (mean at least ten times that). It need not
     * open all the way: the readout can scale what the cell holds (at T = 100 it was measured at
     * about 0.4 at the marks and 0.004 elsewhere).
     */
    public boolean opensOnlyAtTheMarks() {
        double elsewhere = inputElsewhere[memoryUnit];
        return elsewhere < 0.1 && inputAtMarks[memoryUnit] >= 10 * elsewhere;
    }

    /** The property notebook 07 states: the memory unit's forget gate stays above 0.95 between the marks. */
    public boolean holdsBetweenTheMarks() {
        return forgetBetweenMarks[memoryUnit] > 0.95;
    }

    /** The memory unit's measurements, a few short lines for the notebook to print. */
    @Override
    public String toString() {
        int j = memoryUnit;
        return Words.format(
                "T = %d: unit %d carries the sum (measured on held-out sequences)%n"
                        + "  input gate i_t:  %.3f at the two marked positions, %.3f elsewhere%n"
                        + "  forget gate f_t: %.5f between the marks (1 − f_t = %.1e)%n"
                        + "  output gate o_t: %.3f at the last step%n"
                        + "opens only at the marks: %s; holds between them: %s",
                length,
                j,
                inputAtMarks[j],
                inputElsewhere[j],
                forgetBetweenMarks[j],
                1 - forgetBetweenMarks[j],
                outputAtLastStep[j],
                Words.yes(opensOnlyAtTheMarks()),
                Words.yes(holdsBetweenTheMarks()));
    }
}
