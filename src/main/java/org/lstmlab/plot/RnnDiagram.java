package org.lstmlab.plot;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.lstmlab.plot.Diagram.Kind;
import org.lstmlab.plot.Diagram.Label;
import org.lstmlab.plot.Diagram.Node;
import org.lstmlab.plot.Diagram.Wire;

/**
 * A plain RNN unrolled over time with the path of the gradient (notebook 01): every step is the
 * same cell h_t = tanh(W_h · [h_{t-1}, x_t] + b_h), the hidden state carries the past forward,
 * and the gradient of the loss at the end flows back through one factor diag(1 − h_s²) · W_{hh} per
 * step, drawn thinner at every step as it shrinks.
 *
 * <pre>{@code
 * BufferedImage unrolled = RnnDiagram.unrolled().image();
 * }</pre>
 */
public final class RnnDiagram {
    static {
        Headless.ensure();
    }

    static final int WIDTH = 960;
    static final int HEIGHT = 420;

    /** The steps drawn: 1, 2, 3, then a gap, then T. */
    static final List<String> STEPS = List.of("1", "2", "3", "T");

    private static final double ROW = 230;
    private static final double[] XS = {170, 340, 510, 760};

    private RnnDiagram() {}

    /** The unrolled RNN x_1 … x_T → h_1 … h_T → L with the backward path from L to h_1. */
    public static Diagram unrolled() {
        List<Node> nodes = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int k = 0; k < STEPS.size(); k++) {
            String t = STEPS.get(k);
            double x = XS[k];
            nodes.add(new Node("step " + t, Kind.LAYER, "tanh", x - 45, ROW - 30, 90, 60, true));
            wires.add(new Wire("x_" + t, List.of(p(x, 372), p(x, ROW + 31)), false, false, 2f, true));
            labels.add(new Label(sub("x", t), x + 8, 388, false, false, true));
        }
        nodes.add(new Node("L", Kind.POINTWISE, "L", 880, ROW - 22, 44, 44, true));
        // the forward path of the hidden state
        wires.add(new Wire("h_0", List.of(p(40, ROW), p(XS[0] - 46, ROW)), true, false, 2.5f, true));
        labels.add(new Label("h_0", 45, ROW - 12, true, false, true));
        for (int k = 0; k + 1 < STEPS.size(); k++) {
            String t = STEPS.get(k);
            double from = XS[k] + 46;
            double to = XS[k + 1] - 46;
            if (k == 2) { // 3 … T: the gap
                wires.add(new Wire("h_3", List.of(p(from, ROW), p(from + 55, ROW)), true, false, 2.5f, false));
                labels.add(new Label("…", from + 70, ROW + 6, true, false, false));
                wires.add(new Wire("h_{T-1}", List.of(p(to - 55, ROW), p(to, ROW)), true, false, 2.5f, true));
            } else {
                wires.add(new Wire(sub("h", t), List.of(p(from, ROW), p(to, ROW)), true, false, 2.5f, true));
                labels.add(new Label(sub("h", t), from + 12, ROW - 12, true, false, true));
            }
        }
        labels.add(new Label("h_{T-1}", XS[3] - 118, ROW - 12, true, false, true));
        wires.add(new Wire("h_T", List.of(p(XS[3] + 46, ROW), p(878, ROW)), true, false, 2.5f, true));
        labels.add(new Label("h_T", XS[3] + 58, ROW - 12, true, false, true));
        // the backward path, thinner at every step back
        double y = ROW - 75;
        float width = 5f;
        wires.add(new Wire(
                "∂L/∂h_T",
                List.of(p(900, ROW - 24), p(900, y), p(XS[3], y), p(XS[3], ROW - 32)),
                false,
                true,
                width,
                true));
        labels.add(new Label("∂L/∂h_T", 812, y - 10, false, true, true));
        double[] back = {XS[3], XS[2], XS[1], XS[0]};
        String[] names = {"∂L/∂h_3", "∂L/∂h_2", "∂L/∂h_1"};
        for (int k = 0; k < 3; k++) {
            width = Math.max(1f, width * 0.55f);
            double from = back[k];
            double to = back[k + 1];
            wires.add(
                    new Wire(names[k], List.of(p(from - 14, y), p(to, y), p(to, ROW - 32)), false, true, width, true));
            labels.add(new Label(names[k], to + 8, y - 10, false, true, true));
        }
        labels.add(new Label(
                "each step back multiplies by ∂h_s/∂h_{s-1} = diag(1 − h_s^2) · W_{hh}", 40, 72, false, true, true));
        labels.add(new Label(
                "‖∂h_T/∂h_t‖_2 ≤ (γ ‖W_{hh}‖_2)^{T-t}: it shrinks geometrically when γ ‖W_{hh}‖_2 < 1",
                40,
                104,
                false,
                true,
                true));
        labels.add(new Label(
                "the same W_h and b_h at every step: h_t = tanh(W_h · [h_{t-1}, x_t] + b_h)",
                40,
                414,
                false,
                false,
                false));
        return new Diagram(
                "A plain RNN unrolled over time, and the gradient's path back", WIDTH, HEIGHT, nodes, wires, labels);
    }

    private static String sub(String symbol, String t) {
        return t.length() == 1 ? symbol + "_" + t : symbol + "_{" + t + "}";
    }

    private static Point2D.Double p(double x, double y) {
        return new Point2D.Double(x, y);
    }
}
