package org.lstmlab.grad;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The result of a gradient check: one row per checked array with the largest relative error between
 * the analytic gradient (backpropagation) and the numeric one (central differences), as defined in
 * {@link GradientCheck#relativeError}. Prints as a plain-text table; {@link #toHtml()} renders the same
 * table in a notebook.
 *
 * @param stencil the central-difference formula of the numeric gradients
 * @param epsilon its step ε
 * @param rows    one row per array, in the order checked
 */
public record GradientCheckReport(Stencil stencil, double epsilon, List<Row> rows) {

    /**
     * One checked array.
     *
     * @param name               the course symbol, e.g. {@code W_f}, {@code x}, {@code h_0}
     * @param shape              its shape
     * @param maxRelativeError   the largest element-wise relative error
     */
    public record Row(String name, long[] shape, double maxRelativeError) {
        public Row {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** The shape as the course writes it, e.g. {@code [4, 7]}. */
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    public GradientCheckReport {
        rows = List.copyOf(rows);
    }

    /** The row of one array by its symbol. */
    public Row row(String name) {
        return rows.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + name + " in this check; rows are "
                        + rows.stream().map(Row::name).toList()));
    }

    /** The largest relative error over all rows (NaN if any row is NaN). */
    public double worst() {
        double worst = 0;
        for (Row r : rows) {
            if (Double.isNaN(r.maxRelativeError())) return Double.NaN;
            worst = Math.max(worst, r.maxRelativeError());
        }
        return worst;
    }

    /** Whether every row's relative error is below the tolerance (NaN never passes). */
    public boolean passes(double tolerance) {
        double w = worst();
        return !Double.isNaN(w) && w < tolerance;
    }

    @Override
    public String toString() {
        int nameWidth = Math.max(
                "array".length(),
                rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int shapeWidth = Math.max(
                "shape".length(),
                rows.stream().mapToInt(r -> r.shapeText().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + shapeWidth + "s  %s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT, "gradient check: numeric %s with ε = %s%n", stencil.formula(), number(epsilon)));
        s.append(String.format(Locale.ROOT, format, "array", "shape", "max relative error"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, format, r.name(), r.shapeText(), number(r.maxRelativeError())));
        }
        s.append(String.format(Locale.ROOT, "worst: %s", number(worst())));
        return s.toString();
    }

    /** The same table as HTML, for the notebook. */
    public String toHtml() {
        StringBuilder s = new StringBuilder();
        s.append("<table class=\"lstmlab-gradient-check\">");
        s.append("<caption>gradient check: numeric ")
                .append(stencil.formula())
                .append(" with ε = ")
                .append(number(epsilon))
                .append("</caption>");
        s.append("<thead><tr><th>array</th><th>shape</th><th>max relative error</th></tr></thead><tbody>");
        for (Row r : rows) {
            s.append("<tr><td><code>")
                    .append(escape(r.name()))
                    .append("</code></td><td>")
                    .append(r.shapeText())
                    .append("</td><td style=\"text-align:right\">")
                    .append(number(r.maxRelativeError()))
                    .append("</td></tr>");
        }
        s.append("</tbody><tfoot><tr><th colspan=\"2\">worst</th><td style=\"text-align:right\">")
                .append(number(worst()))
                .append("</td></tr></tfoot></table>");
        return s.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
