package org.lstmlab.plot;

import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * A character model's held-out loss at each position of a chunk, one line per way of reading the text:
 * with the state carried from chunk to chunk every position has its context; reset to zeros, the first
 * characters of every chunk are guessed blind.
 */
public final class LossByPositionChart {
    /** The figure's title. */
    public static final String TITLE = "Held-out loss by position in the chunk";

    private LossByPositionChart() {}

    /**
     * @param curves bits per character over position 0 … T−1, at least one
     */
    public static XYChart chart(List<Curve> curves) {
        Figures.requireNonEmpty("curves", curves);
        XYChart chart = Figures.lineChart(TITLE, "position t in the chunk", "bits per character", false);
        for (int k = 0; k < curves.size(); k++) {
            Figures.line(chart, curves.get(k), Figures.color(k), k == 0 ? Figures.SOLID : Figures.DASHED);
        }
        Figures.padAxes(chart, true);
        return chart;
    }
}
