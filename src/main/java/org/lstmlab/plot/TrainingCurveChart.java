package org.lstmlab.plot;

import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Loss against training step on a log y axis for several runs (e.g. RNN against LSTM): each run
 * has one colour, training loss solid, validation loss dashed. Losses ≤ 0 follow the
 * {@link LogScale} rule.
 *
 * <pre>{@code
 * XYChart chart = TrainingCurveChart.chart(List.of(TrainingRun.of("RNN", rnnLoss), TrainingRun.of("LSTM", lstmLoss)));
 * }</pre>
 */
public final class TrainingCurveChart {
    static {
        Headless.ensure();
    }

    /** Default title. */
    public static final String TITLE = "Training loss";
    /** Default y label. */
    public static final String Y_LABEL = "loss (MSE, log scale)";

    private TrainingCurveChart() {}

    /** The figure with the default title and y label. */
    public static XYChart chart(List<TrainingRun> runs) {
        return chart(TITLE, Y_LABEL, runs);
    }

    /**
     * The figure with its own title and y label.
     *
     * @param runs at least one run
     */
    public static XYChart chart(String title, String yLabel, List<TrainingRun> runs) {
        if (runs == null || runs.isEmpty())
            throw new IllegalArgumentException("runs must hold at least one training run but is empty");
        XYChart chart = Figures.lineChart(title, "training step", yLabel, true);
        for (int k = 0; k < runs.size(); k++) {
            TrainingRun run = runs.get(k);
            Figures.line(chart, LogScale.positiveOnly(run.train()), Figures.color(k), Figures.SOLID);
            if (run.validation() != null) {
                Figures.line(chart, LogScale.positiveOnly(run.validation()), Figures.color(k), Figures.DASHED);
            }
        }
        Figures.tidyLogAxis(chart);
        return chart;
    }
}
