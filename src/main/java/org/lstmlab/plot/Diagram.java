package org.lstmlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A picture of a cell as data: boxes, wires and labels in the course's symbols, some highlighted
 * (the part a notebook teaches) and some marked as the backward pass (the gradient's path). Built
 * by {@link LstmDiagram} and {@link RnnDiagram}; {@link #image()} draws it headless with Java2D, so
 * a notebook shows it like a chart and a test reads what it holds.
 *
 * <p>Labels write subscripts as the course does: {@code h_{t-1}} draws h with the subscript t−1,
 * {@code x_t} x with t. Symbols are set in an italic serif, words and operators upright.
 *
 * @param title  drawn at the top, e.g. {@code "The forget gate f_t"}
 * @param width  in pixels
 * @param height in pixels
 * @param nodes  boxes (layers, point-wise operations, the cell's outline), drawn in order
 * @param wires  lines between them, drawn before the boxes
 * @param labels text placed on the picture
 */
public record Diagram(String title, int width, int height, List<Node> nodes, List<Wire> wires, List<Label> labels) {

    static {
        Headless.ensure();
    }

    /** What a box stands for, which sets how it is drawn. */
    public enum Kind {
        /** A learned layer (σ or tanh of a weight matrix times [h_{t-1}, x_t]): a rounded box. */
        LAYER,
        /** An element-wise operation (×, +, tanh): a circle. */
        POINTWISE,
        /** The outline of one cell or one time step: a large rounded box behind the rest. */
        OUTLINE
    }

    /**
     * One box.
     *
     * @param id          a name for tests and for wiring, e.g. {@code "sigma_f"}
     * @param kind        how it is drawn
     * @param text        what it shows, e.g. {@code "σ"}; may be empty
     * @param x           left edge
     * @param y           top edge
     * @param w           width
     * @param h           height
     * @param highlighted whether it belongs to the part being taught
     */
    public record Node(String id, Kind kind, String text, double x, double y, double w, double h, boolean highlighted) {
        /** The centre of the box. */
        public Point2D.Double centre() {
            return new Point2D.Double(x + w / 2, y + h / 2);
        }
    }

    /**
     * One line through the given points, with an arrow head at the last when {@code head}.
     *
     * @param id          a name for tests, e.g. {@code "f_t"}
     * @param points      at least two points
     * @param highlighted whether it belongs to the part being taught
     * @param backward    whether it carries a gradient backwards (drawn dashed, in the gradient colour)
     * @param width       line width in pixels
     * @param head        whether an arrow head ends it
     */
    public record Wire(
            String id, List<Point2D.Double> points, boolean highlighted, boolean backward, float width, boolean head) {
        public Wire {
            if (points == null || points.size() < 2)
                throw new IllegalArgumentException("wire " + id + " needs at least two points");
            points = List.copyOf(points);
        }
    }

    /**
     * A piece of text; subscripts written {@code h_{t-1}} or {@code x_t}.
     *
     * @param text        e.g. {@code "C_{t-1}"}
     * @param x           left end of the text's baseline
     * @param y           the baseline
     * @param highlighted whether it belongs to the part being taught
     * @param backward    whether it names a gradient
     * @param math        true for a symbol (italic serif), false for words (upright sans)
     */
    public record Label(String text, double x, double y, boolean highlighted, boolean backward, boolean math) {}

    /** Colour of what is taught. */
    public static final Color HIGHLIGHT = new Color(213, 94, 0);
    /** Colour of everything else. */
    public static final Color MUTED = new Color(150, 150, 150);
    /** Colour of the backward pass. */
    public static final Color GRADIENT = new Color(0, 114, 178);

    private static final Color INK = new Color(40, 40, 40);
    private static final Color OUTLINE_FILL = new Color(248, 248, 248);
    private static final Color LAYER_FILL = new Color(255, 236, 179);
    private static final Color HIGHLIGHT_FILL = new Color(253, 208, 162);

    public Diagram {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
        labels = List.copyOf(labels);
    }

    /** The ids of the highlighted boxes, in drawing order. */
    public List<String> highlightedNodes() {
        return nodes.stream().filter(Node::highlighted).map(Node::id).toList();
    }

    /** The ids of the highlighted wires. */
    public List<String> highlightedWires() {
        return wires.stream().filter(Wire::highlighted).map(Wire::id).toList();
    }

    /** The texts of the highlighted labels. */
    public List<String> highlightedLabels() {
        return labels.stream().filter(Label::highlighted).map(Label::text).toList();
    }

    /** The texts of every label. */
    public List<String> labelTexts() {
        return labels.stream().map(Label::text).toList();
    }

    /** The ids of the wires that carry the backward pass. */
    public List<String> backwardWires() {
        return wires.stream().filter(Wire::backward).map(Wire::id).toList();
    }

    /** The box with this id. */
    public Node node(String id) {
        return nodes.stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the diagram has no box \"" + id + "\""));
    }

    /**
     * The picture's text alternative, written from its boxes, wires and labels: the title, the boxes, the labelled
     * signals, the part highlighted and the backward pass. {@link #image()} carries it ({@link AltText#of}).
     */
    public String altText() {
        String boxes = String.join(
                ", ",
                nodes.stream()
                        .filter(n -> n.kind() != Kind.OUTLINE && !n.text().isEmpty())
                        .map(n -> plain(n.text()))
                        .toList());
        List<String> signals = new ArrayList<>();
        for (Label l : labels) if (!l.backward() && !signals.contains(shown(l))) signals.add(shown(l));
        StringBuilder s = new StringBuilder(Words.format(
                "Diagram: %s. Boxes: %s. Signals: %s.", plain(Words.t(title)), boxes, String.join(", ", signals)));
        List<String> taught = new ArrayList<>();
        for (Label l : labels) if (l.highlighted() && !l.backward() && !taught.contains(shown(l))) taught.add(shown(l));
        boolean everything = nodes.stream().allMatch(Node::highlighted);
        if (everything) s.append(Words.t(" The whole cell is highlighted."));
        else if (!taught.isEmpty()) s.append(Words.format(" Highlighted: %s.", String.join(", ", taught)));
        List<String> backward =
                labels.stream().filter(Label::backward).map(Diagram::shown).toList();
        if (!backward.isEmpty()) s.append(Words.format(" Dashed, the backward pass: %s.", String.join("; ", backward)));
        return s.toString();
    }

    /** A label as the picture shows it (in the student's language) and a screen reader reads it. */
    private static String shown(Label l) {
        return plain(Words.t(l.text()));
    }

    /** A label as plain text a screen reader reads: {@code h_{t-1}} becomes {@code h_(t−1)}. */
    static String plain(String text) {
        return text.replaceAll("_\\{([^}]*)}", "_($1)").replace("t-1", "t−1");
    }

    /** The picture, drawn headless: white background, wires, boxes, labels, title; it carries {@link #altText()}. */
    public BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (Node n : nodes) if (n.kind() == Kind.OUTLINE) drawNode(g, n);
            for (Wire w : wires) drawWire(g, w);
            for (Node n : nodes) if (n.kind() != Kind.OUTLINE) drawNode(g, n);
            for (Label l : labels) drawLabel(g, l);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            drawRich(g, Words.t(title), 16, 28, false);
        } finally {
            g.dispose();
        }
        return AltText.attach(image, altText());
    }

    private static void drawNode(Graphics2D g, Node n) {
        Color edge = n.highlighted() ? HIGHLIGHT : MUTED;
        switch (n.kind()) {
            case OUTLINE -> {
                var box = new RoundRectangle2D.Double(n.x(), n.y(), n.w(), n.h(), 28, 28);
                g.setColor(n.highlighted() ? new Color(255, 244, 235) : OUTLINE_FILL);
                g.fill(box);
                g.setColor(n.highlighted() ? HIGHLIGHT : new Color(200, 200, 200));
                g.setStroke(new BasicStroke(n.highlighted() ? 2.5f : 1.5f));
                g.draw(box);
            }
            case LAYER -> {
                var box = new RoundRectangle2D.Double(n.x(), n.y(), n.w(), n.h(), 10, 10);
                g.setColor(n.highlighted() ? HIGHLIGHT_FILL : LAYER_FILL);
                g.fill(box);
                g.setColor(edge);
                g.setStroke(new BasicStroke(n.highlighted() ? 3f : 1.5f));
                g.draw(box);
            }
            case POINTWISE -> {
                var circle = new Ellipse2D.Double(n.x(), n.y(), n.w(), n.h());
                g.setColor(n.highlighted() ? HIGHLIGHT_FILL : Color.WHITE);
                g.fill(circle);
                g.setColor(edge);
                g.setStroke(new BasicStroke(n.highlighted() ? 3f : 1.5f));
                g.draw(circle);
            }
        }
        if (!n.text().isEmpty()) {
            g.setColor(n.highlighted() ? INK : new Color(90, 90, 90));
            boolean word = n.text().length() > 1 && n.text().chars().allMatch(Character::isLetter);
            g.setFont(new Font(word ? Font.SANS_SERIF : Font.SERIF, Font.PLAIN, n.kind() == Kind.POINTWISE ? 20 : 19));
            double textWidth = richWidth(g, n.text());
            var m = g.getFontMetrics();
            double baseline = n.y() + n.h() / 2 + (m.getAscent() - m.getDescent()) / 2.0;
            if (n.kind() == Kind.OUTLINE) baseline = n.y() + n.h() - 12;
            drawRich(g, n.text(), n.x() + (n.w() - textWidth) / 2, baseline, false);
        }
    }

    private static void drawWire(Graphics2D g, Wire w) {
        Color color = w.backward() ? GRADIENT : w.highlighted() ? HIGHLIGHT : MUTED;
        float width = w.highlighted() || w.backward() ? w.width() + 1f : w.width();
        g.setColor(color);
        g.setStroke(
                w.backward()
                        ? new BasicStroke(
                                width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f)
                        : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        List<Point2D.Double> p = w.points();
        path.moveTo(p.get(0).x, p.get(0).y);
        for (int k = 1; k < p.size(); k++) path.lineTo(p.get(k).x, p.get(k).y);
        g.draw(path);
        if (w.head()) arrowHead(g, p.get(p.size() - 2), p.get(p.size() - 1), 7 + width * 1.5);
    }

    private static void arrowHead(Graphics2D g, Point2D.Double from, Point2D.Double to, double size) {
        double angle = Math.atan2(to.y - from.y, to.x - from.x);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(to.x, to.y);
        head.lineTo(to.x - size * Math.cos(angle - 0.4), to.y - size * Math.sin(angle - 0.4));
        head.lineTo(to.x - size * Math.cos(angle + 0.4), to.y - size * Math.sin(angle + 0.4));
        head.closePath();
        g.setStroke(new BasicStroke(1f));
        g.fill(head);
    }

    private static void drawLabel(Graphics2D g, Label l) {
        g.setColor(l.backward() ? GRADIENT : l.highlighted() ? HIGHLIGHT.darker() : new Color(80, 80, 80));
        int style = l.math() ? Font.ITALIC : Font.PLAIN;
        if (l.highlighted()) style |= Font.BOLD;
        g.setFont(new Font(l.math() ? Font.SERIF : Font.SANS_SERIF, style, l.math() ? 20 : 15));
        drawRich(g, Words.t(l.text()), l.x(), l.y(), l.math());
    }

    /**
     * The pieces of a label: text at the baseline, subscripts and superscripts, {@code h_{t-1}} →
     * h, sub t−1; {@code (γ‖W_hh‖₂)^{T-t}} → …, sup T−t.
     */
    static List<String[]> pieces(String text) {
        List<String[]> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c == '_' || c == '^') && k + 1 < text.length()) {
                if (plain.length() > 0) out.add(new String[] {"base", plain.toString()});
                plain.setLength(0);
                String kind = c == '_' ? "sub" : "sup";
                String sub;
                if (text.charAt(k + 1) == '{') {
                    int close = text.indexOf('}', k + 2);
                    if (close < 0) close = text.length();
                    sub = text.substring(k + 2, close);
                    k = close;
                } else {
                    sub = text.substring(k + 1, k + 2);
                    k++;
                }
                out.add(new String[] {kind, sub.replace('-', '−')});
            } else {
                plain.append(c);
            }
        }
        if (plain.length() > 0) out.add(new String[] {"base", plain.toString()});
        return out;
    }

    private static double richWidth(Graphics2D g, String text) {
        return drawRich(g, text, 0, 0, isMath(g), false);
    }

    private static boolean isMath(Graphics2D g) {
        return g.getFont().isItalic();
    }

    private static void drawRich(Graphics2D g, String text, double x, double y, boolean math) {
        drawRich(g, text, x, y, math, true);
    }

    /**
     * Draws (or only measures) text with subscripts and superscripts; returns its width. In math,
     * single letters and sub- and superscripts are italic, words (tanh, diag) and operators
     * upright, as LaTeX sets them.
     */
    private static double drawRich(Graphics2D g, String text, double x, double y, boolean math, boolean draw) {
        Font base = g.getFont();
        Font upright = base.deriveFont(base.getStyle() & ~Font.ITALIC);
        Font italic = base.deriveFont(base.getStyle() | Font.ITALIC);
        double at = x;
        for (String[] p : pieces(text)) {
            float size = p[0].equals("base") ? base.getSize2D() : base.getSize2D() * 0.68f;
            double shift = switch (p[0]) {
                case "sub" -> base.getSize2D() * 0.28;
                case "sup" -> -base.getSize2D() * 0.42;
                default -> 0;
            };
            for (String[] run : runs(p[1])) {
                boolean letterRun = run[0].equals("letters");
                boolean symbol = letterRun && (!p[0].equals("base") || letterCount(run[1]) == 1);
                Font f = (math && symbol ? italic : upright).deriveFont(size);
                if (!math) f = base.deriveFont(size);
                g.setFont(f);
                if (draw) g.drawString(run[1], (float) at, (float) (y + shift));
                at += g.getFontMetrics(f).stringWidth(run[1]);
            }
        }
        g.setFont(base);
        return at - x;
    }

    private static long letterCount(String run) {
        return run.chars().filter(Character::isLetter).count();
    }

    /** Runs of letters (with combining marks, as in C̃) and of everything else. */
    private static List<String[]> runs(String piece) {
        List<String[]> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Boolean letters = null;
        for (int k = 0; k < piece.length(); k++) {
            char c = piece.charAt(k);
            boolean isLetter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            if (letters != null && isLetter != letters) {
                out.add(new String[] {letters ? "letters" : "other", run.toString()});
                run.setLength(0);
            }
            letters = isLetter;
            run.append(c);
        }
        if (run.length() > 0)
            out.add(new String[] {Boolean.TRUE.equals(letters) ? "letters" : "other", run.toString()});
        return out;
    }
}
