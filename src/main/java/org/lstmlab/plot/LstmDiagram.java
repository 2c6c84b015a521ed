package org.lstmlab.plot;

import static org.lstmlab.plot.CellSketch.BUS;
import static org.lstmlab.plot.CellSketch.LAYERS;
import static org.lstmlab.plot.CellSketch.STATE;
import static org.lstmlab.plot.CellSketch.layer;
import static org.lstmlab.plot.CellSketch.p;
import static org.lstmlab.plot.CellSketch.pointwise;
import static org.lstmlab.plot.CellSketch.wire;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lstmlab.plot.Diagram.Kind;
import org.lstmlab.plot.Diagram.Label;
import org.lstmlab.plot.Diagram.Node;
import org.lstmlab.plot.Diagram.Wire;

/**
 * The LSTM cell as a picture in the course's symbols, with the part a notebook teaches highlighted
 * (after colah's "Understanding LSTM Networks", 2015): the cell state C runs along the top through
 * the forget gate's × and the input's +, the concatenation [h_{t-1}, x_t] runs along the bottom
 * into the four layers σ (f_t), σ (i_t), tanh (C̃_t) and σ (o_t), and h_t = o_t * tanh(C_t) leaves
 * on the right and at the top.
 *
 * <pre>{@code
 * BufferedImage forget = LstmDiagram.forgetGate().image();          // notebook 02
 * Diagram custom = LstmDiagram.of("Gates", EnumSet.of(Part.FORGET_GATE, Part.INPUT_GATE));
 * }</pre>
 */
public final class LstmDiagram {
    static {
        Headless.ensure();
    }

    /** The parts of the cell a diagram can highlight. */
    public enum Part {
        /** σ layer f_t = σ(W_f · [h_{t-1}, x_t] + b_f) and its × on the cell line. */
        FORGET_GATE,
        /** σ layer i_t and the × that scales the candidate. */
        INPUT_GATE,
        /** tanh layer C̃_t = tanh(W_C · [h_{t-1}, x_t] + b_C). */
        CANDIDATE,
        /** The cell line C_{t-1} → × → + → C_t. */
        CELL_STATE,
        /** σ layer o_t. */
        OUTPUT_GATE,
        /** tanh(C_t), the × with o_t and the outputs h_t. */
        HIDDEN_STATE,
        /** The gradients flowing back: ∂L/∂C along the cell line, ∂L/∂h along the bottom. */
        BACKWARD
    }

    /** y of the cell line. */
    private static final double CELL = STATE;

    /** x of the four layers: f, i, C̃, o. */
    private static final double XF = 290;

    private static final double XI = 390;
    private static final double XC = 480;
    private static final double XO = 610;
    /** x of tanh(C_t) and of the × that makes h_t. */
    private static final double XH = 720;

    private LstmDiagram() {}

    /** Notebook 02: the forget gate. */
    public static Diagram forgetGate() {
        return of("The forget gate f_t decides what the cell state keeps", EnumSet.of(Part.FORGET_GATE));
    }

    /** Notebook 03: the input gate and the candidate. */
    public static Diagram inputGateAndCandidate() {
        return of(
                "The input gate i_t and the candidate C̃_t write new content",
                EnumSet.of(Part.INPUT_GATE, Part.CANDIDATE));
    }

    /** Notebook 04: the cell-state line. */
    public static Diagram cellState() {
        return of("The cell state C_t: scaled by f_t, added to, passed on", EnumSet.of(Part.CELL_STATE));
    }

    /** Notebook 05: the output gate and the hidden state. */
    public static Diagram outputGate() {
        return of(
                "The output gate o_t decides what h_t shows of tanh(C_t)",
                EnumSet.of(Part.OUTPUT_GATE, Part.HIDDEN_STATE));
    }

    /** Notebook 06: the whole cell, and the backward pass through it. */
    public static Diagram wholeCellAndBackwardPass() {
        return of("The whole cell, and the gradients of the backward pass", EnumSet.allOf(Part.class));
    }

    /**
     * The cell with the given parts highlighted.
     *
     * @param title       the figure's title; subscripts as in {@code f_t}
     * @param highlighted the parts to highlight; {@link Part#BACKWARD} also draws the gradients
     */
    public static Diagram of(String title, Set<Part> highlighted) {
        Set<Part> on = CellSketch.parts(highlighted, Part.class);
        boolean f = on.contains(Part.FORGET_GATE);
        boolean i = on.contains(Part.INPUT_GATE);
        boolean cTilde = on.contains(Part.CANDIDATE);
        boolean cell = on.contains(Part.CELL_STATE);
        boolean o = on.contains(Part.OUTPUT_GATE);
        boolean h = on.contains(Part.HIDDEN_STATE);
        boolean all = on.containsAll(EnumSet.range(Part.FORGET_GATE, Part.HIDDEN_STATE));

        CellSketch sketch = new CellSketch(all);
        List<Node> nodes = sketch.nodes;
        List<Wire> wires = sketch.wires;
        nodes.add(layer("sigma_f", "σ", XF, f));
        nodes.add(layer("sigma_i", "σ", XI, i));
        nodes.add(layer("tanh_C", "tanh", XC, cTilde));
        nodes.add(layer("sigma_o", "σ", XO, o));
        nodes.add(pointwise("times_f", "×", XF, CELL, 19, f || cell));
        nodes.add(pointwise("plus", "+", XC, CELL, 19, cell || i || cTilde));
        nodes.add(pointwise("times_i", "×", XC, 205, 19, i || cTilde));
        nodes.add(new Node("tanh_c", Kind.POINTWISE, "tanh", XH - 30, 190 - 17, 60, 34, h));
        nodes.add(pointwise("times_o", "×", XH, LAYERS, 19, o || h));

        // the cell line along the top
        sketch.stateLine("C_{t-1}", "f_t * C_{t-1}", "C_t", XF, XC, cell);
        wires.add(wire("C_t to tanh", h, 2f, true, p(XH, CELL), p(XH, 190 - 17)));
        // the concatenation [h_{t-1}, x_t] along the bottom
        boolean anyLayer = f || i || cTilde || o;
        wires.add(wire("h_{t-1}", anyLayer, 2f, false, p(30, BUS), p(200, BUS)));
        sketch.input(anyLayer);
        wires.add(wire("[h_{t-1}, x_t]", anyLayer, 2f, false, p(200, BUS), p(XO, BUS)));
        sketch.intoLayer("to f", XF, f);
        sketch.intoLayer("to i", XI, i);
        sketch.intoLayer("to C̃", XC, cTilde);
        sketch.intoLayer("to o", XO, o);
        // the layers' outputs
        sketch.outOfLayer("f_t", XF, CELL + 19, f);
        wires.add(wire("i_t", i, 2f, true, p(XI, LAYERS - 21), p(XI, 205), p(XC - 19, 205)));
        sketch.outOfLayer("C̃_t", XC, 205 + 19, cTilde);
        wires.add(wire("i_t * C̃_t", i || cTilde, 2f, true, p(XC, 205 - 19), p(XC, CELL + 19)));
        wires.add(wire("o_t", o, 2f, true, p(XO + 33, LAYERS), p(XH - 19, LAYERS)));
        wires.add(wire("tanh(C_t)", h, 2f, true, p(XH, 190 + 17), p(XH, LAYERS - 19)));
        wires.add(wire("h_t", h, 3f, true, p(XH, LAYERS + 19), p(XH, BUS), p(930, BUS)));
        wires.add(wire("h_t up", h, 3f, true, p(800, BUS), p(800, 40)));

        sketch.label("h_{t-1}", 34, BUS - 12, anyLayer);
        sketch.label("x_t", 210, 515, anyLayer);
        sketch.label("h_t", 890, BUS - 12, h);
        sketch.label("h_t", 808, 52, h);
        sketch.label("f_t", XF + 8, 205, f);
        sketch.label("i_t", XI + 8, 245, i);
        sketch.label("C̃_t", XC + 8, 252, cTilde);
        sketch.label("o_t", XO + 40, LAYERS - 8, o);
        sketch.label("[h_{t-1}, x_t]", 300, BUS + 28, false);
        if (on.contains(Part.BACKWARD)) {
            wires.add(new Wire("∂L/∂C", List.of(p(920, 88), p(40, 88)), false, true, 2f, true));
            wires.add(new Wire("∂L/∂h", List.of(p(920, 440), p(40, 440)), false, true, 2f, true));
            sketch.labels.add(new Label("∂L/∂C_{t-1} = ∂L/∂C_t * f_t", 330, 62, false, true, true));
            sketch.labels.add(new Label("∂L/∂h_{t-1}, ∂L/∂x_t = Σ_g ∂L/∂z_g · W_g", 250, 468, false, true, true));
        }
        return sketch.diagram(title);
    }
}
