package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The cell diagrams hold the boxes, wires and labels each notebook teaches, highlighted as it says. */
class DiagramsTest {

    static final List<String> COURSE_SYMBOLS =
            List.of("C_{t-1}", "C_t", "h_{t-1}", "x_t", "h_t", "f_t", "i_t", "C̃_t", "o_t");

    /** Draws the diagram, keeps a copy in target/figures to look at, and checks its size. */
    static BufferedImage render(Diagram d, String name) {
        BufferedImage image = d.image();
        assertEquals(d.width(), image.getWidth());
        assertEquals(d.height(), image.getHeight());
        assertTrue(RenderedChart.hasContent(image));
        try {
            Path file = Path.of("target", "figures", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return image;
    }

    /** The colour drawn just inside the top edge of a box, away from its text. */
    static int fillAt(BufferedImage image, Diagram d, String node) {
        Diagram.Node n = d.node(node);
        return image.getRGB((int) (n.x() + n.w() / 2), (int) (n.y() + 5));
    }

    @Test
    void notebookTwoHighlightsTheForgetGateAndItsProductWithTheOldCellState() {
        Diagram d = LstmDiagram.forgetGate();
        assertEquals(List.of("sigma_f", "times_f"), d.highlightedNodes());
        assertTrue(
                d.highlightedWires().containsAll(List.of("to f", "f_t")),
                d.highlightedWires().toString());
        assertTrue(d.highlightedLabels().contains("f_t"));
        assertTrue(
                !d.highlightedLabels().contains("i_t") && !d.highlightedLabels().contains("o_t"));
        BufferedImage image = render(d, "diagram-02-forget-gate");
        assertNotEquals(fillAt(image, d, "sigma_f"), fillAt(image, d, "sigma_i"), "f's layer is drawn highlighted");
        assertEquals(fillAt(image, d, "sigma_i"), fillAt(image, d, "sigma_o"), "the other layers look alike");
    }

    @Test
    void notebookThreeHighlightsTheInputGateTheCandidateAndWhereTheyAreAdded() {
        Diagram d = LstmDiagram.inputGateAndCandidate();
        assertEquals(List.of("sigma_i", "tanh_C", "plus", "times_i"), d.highlightedNodes());
        assertTrue(d.highlightedLabels().containsAll(List.of("i_t", "C̃_t")));
        assertTrue(d.highlightedWires().contains("i_t * C̃_t"));
        render(d, "diagram-03-input-gate-and-candidate");
    }

    @Test
    void notebookFourHighlightsTheCellStateLineOnly() {
        Diagram d = LstmDiagram.cellState();
        assertEquals(List.of("times_f", "plus"), d.highlightedNodes());
        assertEquals(List.of("C_{t-1}", "f_t * C_{t-1}", "C_t"), d.highlightedWires());
        assertEquals(List.of("C_{t-1}", "C_t"), d.highlightedLabels());
        render(d, "diagram-04-cell-state");
    }

    @Test
    void notebookFiveHighlightsTheOutputGateTanhOfTheCellStateAndH() {
        Diagram d = LstmDiagram.outputGate();
        assertEquals(List.of("sigma_o", "tanh_c", "times_o"), d.highlightedNodes());
        assertTrue(d.highlightedLabels().containsAll(List.of("o_t", "h_t")));
        assertTrue(d.highlightedWires().containsAll(List.of("o_t", "tanh(C_t)", "h_t", "h_t up")));
        render(d, "diagram-05-output-gate");
    }

    @Test
    void notebookSixHighlightsTheWholeCellAndDrawsTheBackwardPass() {
        Diagram d = LstmDiagram.wholeCellAndBackwardPass();
        assertEquals(d.nodes().size(), d.highlightedNodes().size(), "every box is highlighted");
        assertEquals(List.of("∂L/∂C", "∂L/∂h"), d.backwardWires());
        assertTrue(d.labelTexts().contains("∂L/∂C_{t-1} = ∂L/∂C_t * f_t"));
        assertTrue(LstmDiagram.forgetGate().backwardWires().isEmpty(), "only notebook 06 draws gradients");
        render(d, "diagram-06-whole-cell-and-backward-pass");
    }

    @Test
    void everyLstmDiagramIsLabelledInTheCoursesSymbols() {
        for (Diagram d : List.of(
                LstmDiagram.forgetGate(),
                LstmDiagram.inputGateAndCandidate(),
                LstmDiagram.cellState(),
                LstmDiagram.outputGate(),
                LstmDiagram.wholeCellAndBackwardPass())) {
            assertTrue(d.labelTexts().containsAll(COURSE_SYMBOLS), d.title() + ": " + d.labelTexts());
        }
        assertEquals(
                List.of(),
                LstmDiagram.of("nothing", EnumSet.noneOf(LstmDiagram.Part.class))
                        .highlightedNodes());
        assertThrows(IllegalArgumentException.class, () -> LstmDiagram.of("t", null));
    }

    @Test
    void theUnrolledRnnCarriesTheHiddenStateForwardAndAShrinkingGradientBack() {
        Diagram d = RnnDiagram.unrolled();
        assertEquals(List.of("step 1", "step 2", "step 3", "step T", "L"), d.highlightedNodes());
        List<Diagram.Wire> back =
                d.wires().stream().filter(Diagram.Wire::backward).toList();
        assertEquals(List.of("∂L/∂h_T", "∂L/∂h_3", "∂L/∂h_2", "∂L/∂h_1"), d.backwardWires());
        for (int k = 1; k < back.size(); k++) {
            assertTrue(back.get(k).width() < back.get(k - 1).width(), "each step back is drawn thinner: " + back);
        }
        assertTrue(
                d.labelTexts().stream().anyMatch(l -> l.contains("diag(1 − h_s^2) · W_{hh}")),
                d.labelTexts().toString());
        assertTrue(
                d.labelTexts().containsAll(List.of("h_0", "h_1", "h_T", "x_1", "x_T")),
                d.labelTexts().toString());
        render(d, "diagram-01-rnn-unrolled");
    }

    @Test
    void subscriptsAndSuperscriptsAreReadAsTheCourseWritesThem() {
        List<String[]> p = Diagram.pieces("h_{t-1}");
        assertArrayEquals(new String[] {"base", "h"}, p.get(0));
        assertArrayEquals(new String[] {"sub", "t−1"}, p.get(1));
        List<String[]> q = Diagram.pieces("(γ‖W_{hh}‖_2)^{T-t}");
        assertArrayEquals(new String[] {"sup", "T−t"}, q.get(q.size() - 1));
        assertEquals(1, Diagram.pieces("σ").size());
    }
}
