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
import org.lstmlab.plot.Diagram.Node;
import org.lstmlab.plot.Diagram.Wire;

/**
 * The GRU cell as a picture in the style of {@link LstmDiagram}: the hidden state h runs along the top, where the
 * LSTM's cell state runs, through z_t's × and the + that adds (1 − z_t) * n_t; the concatenation
 * [h_{t-1}, x_t] runs along the bottom into σ (z_t) and σ (r_t); r_t scales W_hn·h_{t-1} + b_hn on its way into the
 * candidate's tanh (n_t), PyTorch's convention as in {@link org.lstmlab.nn.GruCell}.
 *
 * <pre>{@code
 * BufferedImage gru = GruDiagram.wholeCell().image();    // notebook 09
 * }</pre>
 */
public final class GruDiagram {
    static {
        Headless.ensure();
    }

    /** The parts of the cell a diagram can highlight. */
    public enum Part {
        /** σ layer z_t = σ(W_z · [h_{t-1}, x_t] + b_z), its × on the state line and its 1 − z_t. */
        UPDATE_GATE,
        /** σ layer r_t = σ(W_r · [h_{t-1}, x_t] + b_r) and its × with W_hn·h_{t-1} + b_hn. */
        RESET_GATE,
        /** tanh layer n_t = tanh(W_xn·x_t + b_n + r_t * (W_hn·h_{t-1} + b_hn)). */
        CANDIDATE,
        /** The state line h_{t-1} → × → + → h_t: h_t = (1 − z_t) * n_t + z_t * h_{t-1}. */
        INTERPOLATION
    }

    /** y of the row where 1 − z_t meets n_t. */
    private static final double MIX = 205;

    private static final double XZ = 300;
    private static final double XR = 420;
    private static final double XRH = 515;
    private static final double XN = 700;

    private GruDiagram() {}

    /** Notebook 09: the whole cell. */
    public static Diagram wholeCell() {
        return of("The GRU: z_t keeps h_{t-1}, 1 − z_t lets the candidate n_t in", EnumSet.allOf(Part.class));
    }

    /**
     * The cell with the given parts highlighted.
     *
     * @param title       the figure's title; subscripts as in {@code z_t}
     * @param highlighted the parts to highlight
     */
    public static Diagram of(String title, Set<Part> highlighted) {
        Set<Part> on = CellSketch.parts(highlighted, Part.class);
        boolean z = on.contains(Part.UPDATE_GATE);
        boolean r = on.contains(Part.RESET_GATE);
        boolean n = on.contains(Part.CANDIDATE);
        boolean line = on.contains(Part.INTERPOLATION);
        boolean all = on.containsAll(EnumSet.allOf(Part.class));

        CellSketch sketch = new CellSketch(all);
        List<Node> nodes = sketch.nodes;
        List<Wire> wires = sketch.wires;
        nodes.add(layer("sigma_z", "σ", XZ, z));
        nodes.add(layer("sigma_r", "σ", XR, r));
        nodes.add(layer("tanh_n", "tanh", XN, n));
        nodes.add(pointwise("times_z", "×", XZ, STATE, 19, z || line));
        nodes.add(pointwise("plus", "+", XN, STATE, 19, line));
        nodes.add(new Node("one_minus", Kind.POINTWISE, "1−", XR + 40 - 22, MIX - 17, 44, 34, z));
        nodes.add(pointwise("times_n", "×", XN, MIX, 19, z || n || line));
        nodes.add(pointwise("times_r", "×", XRH, LAYERS, 19, r));

        // the state line along the top
        sketch.stateLine("h_{t-1}", "z_t * h_{t-1}", "h_t", XZ, XN, line);
        wires.add(wire("h_t up", line, 3f, true, p(800, STATE), p(800, 40)));
        // h_{t-1} down into the concatenation along the bottom, x_t from below
        boolean anyLayer = z || r || n;
        wires.add(wire("h_{t-1} down", anyLayer, 2f, false, p(60, STATE), p(60, BUS)));
        sketch.input(anyLayer);
        wires.add(wire("[h_{t-1}, x_t]", anyLayer, 2f, false, p(60, BUS), p(XN, BUS)));
        sketch.intoLayer("to z", XZ, z);
        sketch.intoLayer("to r", XR, r);
        wires.add(wire("W_{hn}·h_{t-1} + b_{hn}", r, 2f, true, p(XRH, BUS), p(XRH, LAYERS + 19)));
        sketch.intoLayer("W_{xn}·x_t + b_n", XN, n);
        // the gates' outputs
        sketch.outOfLayer("z_t", XZ, STATE + 19, z);
        wires.add(wire("z_t to 1−", z, 2f, true, p(XZ, MIX), p(XR + 40 - 22, MIX)));
        wires.add(wire("1 − z_t", z, 2f, true, p(XR + 40 + 22, MIX), p(XN - 19, MIX)));
        wires.add(wire("r_t", r, 2f, true, p(XR + 27, LAYERS), p(XRH - 19, LAYERS)));
        wires.add(wire("r_t * (W_{hn}·h_{t-1} + b_{hn})", r || n, 2f, true, p(XRH + 19, LAYERS), p(XN - 33, LAYERS)));
        sketch.outOfLayer("n_t", XN, MIX + 19, n);
        wires.add(wire("(1 − z_t) * n_t", line, 2f, true, p(XN, MIX - 19), p(XN, STATE + 19)));

        sketch.label("h_t", 808, 52, line);
        sketch.label("x_t", 210, 515, anyLayer);
        sketch.label("z_t", XZ + 8, 250, z);
        sketch.label("1 − z_t", XR + 70, MIX - 12, z);
        sketch.label("r_t", XR + 30, LAYERS - 10, r);
        sketch.label("n_t", XN + 8, 252, n);
        sketch.label("W_{hn}·h_{t-1} + b_{hn}", XRH + 8, 365, r);
        sketch.label("W_{xn}·x_t + b_n", XN + 8, 365, n);
        sketch.label("[h_{t-1}, x_t]", 300, BUS + 28, false);
        return sketch.diagram(title);
    }
}
