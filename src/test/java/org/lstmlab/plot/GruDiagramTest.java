package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GRU diagram of notebook 09 holds its gates, candidate and state line in the course's symbols. */
class GruDiagramTest {

    @Test
    void notebookNineShowsTheWholeCellWithEverySymbolOfItsEquations() {
        Diagram d = GruDiagram.wholeCell();
        assertTrue(
                d.labelTexts().containsAll(List.of("h_{t-1}", "h_t", "x_t", "z_t", "1 − z_t", "r_t", "n_t")),
                d.labelTexts().toString());
        assertTrue(d.highlightedNodes().containsAll(List.of("sigma_z", "sigma_r", "tanh_n", "times_r", "plus")));
        DiagramsTest.render(d, "diagram-09-gru");
    }

    @Test
    void theResetGateAloneHighlightsItsLayerAndItsProductNotTheUpdateGate() {
        Diagram d = GruDiagram.of("reset", EnumSet.of(GruDiagram.Part.RESET_GATE));
        assertEquals(List.of("sigma_r", "times_r"), d.highlightedNodes());
        BufferedImage image = DiagramsTest.render(d, "diagram-09-gru-reset");
        assertNotEquals(DiagramsTest.fillAt(image, d, "sigma_r"), DiagramsTest.fillAt(image, d, "sigma_z"));
    }
}
