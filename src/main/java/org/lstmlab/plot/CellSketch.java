package org.lstmlab.plot;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lstmlab.plot.Diagram.Kind;
import org.lstmlab.plot.Diagram.Label;
import org.lstmlab.plot.Diagram.Node;
import org.lstmlab.plot.Diagram.Wire;

/**
 * The layout the gated cells' diagrams share ({@link LstmDiagram}, {@link GruDiagram}), after colah's pictures: the
 * cell's outline, a state line along the top (C for the LSTM, h for the GRU), the concatenation
 * {@code [h_{t-1}, x_t]} along the bottom, and a row of layer boxes (σ, tanh) between them; a diagram adds its
 * nodes, wires and labels here in drawing order and {@link #diagram(String)} returns it.
 */
final class CellSketch {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    /** y of the state line, of the bottom bus, of the layers' centres. */
    static final double STATE = 120;

    static final double BUS = 400;
    static final double LAYERS = 290;

    final List<Node> nodes = new ArrayList<>();
    final List<Wire> wires = new ArrayList<>();
    final List<Label> labels = new ArrayList<>();

    /** A sketch that starts with the cell's outline, highlighted when the whole cell is. */
    CellSketch(boolean wholeCell) {
        nodes.add(new Node("cell", Kind.OUTLINE, "", 140, 70, 700, 380, wholeCell));
    }

    /** The parts to highlight, checked and copied. */
    static <P extends Enum<P>> Set<P> parts(Set<P> highlighted, Class<P> type) {
        if (highlighted == null) throw new IllegalArgumentException("highlighted must be a set of parts, not null");
        return highlighted.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(highlighted);
    }

    /**
     * The state line along the top, {@code before → × → + → after}, and its two end labels.
     *
     * @param kept   the wire between the × at {@code xTimes} and the + at {@code xPlus}, e.g. {@code f_t * C_{t-1}}
     */
    void stateLine(String before, String kept, String after, double xTimes, double xPlus, boolean on) {
        wires.add(wire(before, on, 3f, true, p(30, STATE), p(xTimes - 19, STATE)));
        wires.add(wire(kept, on, 3f, true, p(xTimes + 19, STATE), p(xPlus - 19, STATE)));
        wires.add(wire(after, on, 3f, true, p(xPlus + 19, STATE), p(930, STATE)));
        labels.add(new Label(before, 34, STATE - 12, on, false, true));
        labels.add(new Label(after, 890, STATE - 12, on, false, true));
    }

    /** x_t coming up from below into the bus. */
    void input(boolean on) {
        wires.add(wire("x_t", on, 2f, false, p(200, 520), p(200, BUS)));
    }

    /** A wire from the bus up into the layer box at x. */
    void intoLayer(String id, double x, boolean on) {
        wires.add(wire(id, on, 2f, true, p(x, BUS), p(x, LAYERS + 21)));
    }

    /** A wire from the top of the layer box at x up to y. */
    void outOfLayer(String id, double x, double y, boolean on) {
        wires.add(wire(id, on, 2f, true, p(x, LAYERS - 21), p(x, y)));
    }

    /** A label in the course's symbols, drawn as maths; highlighted with its part. */
    void label(String text, double x, double y, boolean on) {
        labels.add(new Label(text, x, y, on, false, true));
    }

    /** The diagram drawn so far. */
    Diagram diagram(String title) {
        return new Diagram(title, WIDTH, HEIGHT, nodes, wires, labels);
    }

    /** A layer box (σ or tanh) centred at x on the row of layers. */
    static Node layer(String id, String text, double x, boolean on) {
        double w = text.length() > 1 ? 66 : 54;
        return new Node(id, Kind.LAYER, text, x - w / 2, LAYERS - 21, w, 42, on);
    }

    static Node pointwise(String id, String text, double x, double y, double r, boolean on) {
        return new Node(id, Kind.POINTWISE, text, x - r, y - r, 2 * r, 2 * r, on);
    }

    static Wire wire(String id, boolean on, float width, boolean head, Point2D.Double... points) {
        return new Wire(id, List.of(points), on, false, width, head);
    }

    static Point2D.Double p(double x, double y) {
        return new Point2D.Double(x, y);
    }
}
