package org.lstmlab.course;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.lstmlab.data.AddingBatch;
import org.lstmlab.data.AddingProblem;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmSequence;
import org.lstmlab.plot.GateTraceChart;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Notebook 07's explorable: any unit of the LSTM trained at any length, on the held-out sequence that
 * {@link AddingExperiment#gates} shows for the memory unit — its i_t, f_t and o_t with the marked positions. Each
 * length's run is made once (through the readable {@link LstmCell}), so choosing another unit only draws.
 *
 * <pre>{@code
 * var explorer = new GateExplorer(experiment, rows);
 * explorer.chart(100, gates.memoryUnit());   // the figure of notebook 07's static cell
 * explorer.chart(100, 3);                    // another unit of the same network
 * }</pre>
 */
public final class GateExplorer {

    private final Map<Integer, AddingExperiment.Row> rows = new LinkedHashMap<>();
    private final Map<Integer, Trace> traces = new java.util.concurrent.ConcurrentHashMap<>();
    private final long seed;

    /** The gates of every unit of one trained LSTM on the first held-out sequence: {@code [T][H]} each. */
    private record Trace(
            double[][] i, double[][] f, double[][] o, int firstMark, int secondMark, double x1, double x2) {}

    /**
     * @param experiment the experiment that trained the rows (its seed draws the held-out sequences)
     * @param rows the trained lengths, at least one
     */
    public GateExplorer(AddingExperiment experiment, List<AddingExperiment.Row> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("the explorer needs at least one trained length (a row of runAll)");
        }
        rows.forEach(row -> this.rows.put(row.length(), row));
        this.seed = experiment.seed();
    }

    /** @return the trained lengths T, in the rows' order */
    public List<Integer> lengths() {
        return List.copyOf(rows.keySet());
    }

    /** @return the units 0 … H − 1 of the trained LSTMs */
    public List<Integer> units() {
        int h = rows.values().iterator().next().lstmParams().hiddenSize();
        return java.util.stream.IntStream.range(0, h).boxed().toList();
    }

    /**
     * The unit's gates over the held-out sequence of the LSTM trained at that length.
     *
     * @param length T, one of {@link #lengths()}
     * @param unit j in [0, H)
     * @return i_t, f_t and o_t of unit j, the marked positions dotted
     */
    public XYChart chart(int length, int unit) {
        AddingExperiment.Row row = rows.get(length);
        if (row == null) {
            throw new IllegalArgumentException(
                    "no LSTM was trained at T = " + length + "; the lengths are " + lengths());
        }
        int h = row.lstmParams().hiddenSize();
        if (unit < 0 || unit >= h) {
            throw new IllegalArgumentException("unit j must be in [0, H = " + h + ") but is " + unit);
        }
        Trace trace = traces.computeIfAbsent(length, k -> trace(row));
        int steps = trace.i().length;
        double[] i = new double[steps];
        double[] f = new double[steps];
        double[] o = new double[steps];
        for (int t = 0; t < steps; t++) {
            i[t] = trace.i()[t][unit];
            f[t] = trace.f()[t][unit];
            o[t] = trace.o()[t][unit];
        }
        return GateTraceChart.chart(
                Words.format(
                        "Trained LSTM, T = %d: unit %d on one held-out sequence (x₁ = %.2f, x₂ = %.2f)",
                        length, unit, trace.x1(), trace.x2()),
                i,
                f,
                o,
                trace.firstMark(),
                trace.secondMark());
    }

    /** Runs the trained cell over the held-out sequences of {@link AddingExperiment#gates} and keeps the first. */
    private Trace trace(AddingExperiment.Row row) {
        LstmParams trained = row.lstmParams();
        AddingBatch test = AddingProblem.modern(row.length()).sample(200, seed + 2);
        INDArray xs = test.xs().get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()); // [1, T, 2]
        int h = trained.hiddenSize();
        LstmSequence run = new LstmCell(trained)
                .forwardSequence(
                        xs.castTo(trained.dataType()),
                        Nd4j.zeros(trained.dataType(), 1, h),
                        Nd4j.zeros(trained.dataType(), 1, h)); // h_0 = C_0 = 0, [1, H]
        int steps = run.steps().size();
        double[][] i = new double[steps][];
        double[][] f = new double[steps][];
        double[][] o = new double[steps][];
        for (int t = 0; t < steps; t++) {
            i[t] = run.steps().get(t).i().getRow(0).toDoubleVector(); // [H]
            f[t] = run.steps().get(t).f().getRow(0).toDoubleVector();
            o[t] = run.steps().get(t).o().getRow(0).toDoubleVector();
        }
        int m1 = test.firstMarker()[0];
        int m2 = test.secondMarker()[0];
        return new Trace(i, f, o, m1 + 1, m2 + 1, xs.getDouble(0, m1, 0), xs.getDouble(0, m2, 0));
    }
}
