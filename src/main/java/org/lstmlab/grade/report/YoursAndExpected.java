package org.lstmlab.grade.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Coursera's "expected output" cell: your output on a published input next to the expected output, one
 * row per value, with the largest |yours − expected| and, where they differ, the grader's words for the
 * first difference. Shown as an HTML table in the notebook ({@link #toHtml()}) and as text elsewhere.
 *
 * @param title e.g. {@code E3 forget gate}
 * @param input what the published input is, e.g. {@code fixed case (seed 7, B=2, X=3, H=4): ...}
 * @param rows one per value, in the exercise's order
 */
public record YoursAndExpected(String title, String input, List<Row> rows) {
    private static final int MAX_ROWS_SHOWN = 4;
    private static final int MAX_COLUMNS_SHOWN = 8;

    /**
     * One value.
     *
     * @param symbol in the course's notation, e.g. {@code f_t}
     * @param yours your value, or null when your code gave none
     * @param failure why your code gave none (the grader's feedback), or null
     * @param expected the library's value
     */
    public record Row(String symbol, INDArray yours, String failure, INDArray expected) {
        /** The largest |yours − expected|, or NaN when there is no value of yours or the shapes differ. */
        public double maxDifference() {
            if (yours == null || !Arrays.equals(yours.shape(), expected.shape())) {
                return Double.NaN;
            }
            double[] y = Expect.doubles(yours);
            double[] e = Expect.doubles(expected);
            double max = 0;
            for (int k = 0; k < e.length; k++) {
                max = Math.max(max, Math.abs(y[k] - e[k]));
            }
            return max;
        }

        /** {@code ✓ close} at the grader's tolerance, or the grader's words for the first difference. */
        public String verdict() {
            if (yours == null) {
                return Say.say("expected.noOutput");
            }
            String difference = Expect.difference(symbol, expected, yours);
            return difference == null ? Say.say("expected.close") : difference;
        }
    }

    /** Whether every value of yours is close to the expected one, at the grader's tolerance. */
    public boolean allClose() {
        return rows.stream().allMatch(r -> r.yours() != null && Expect.isClose(r.expected(), r.yours()));
    }

    /** A table being built: each row asks your code for its value when it is added. */
    public static final class Builder {
        private final String title;
        private final String input;
        private final List<Row> rows = new ArrayList<>();

        public Builder(String title, String input) {
            this.title = title;
            this.input = input;
        }

        /** Adds the row of {@code symbol}: {@code yours} is called now; what it throws is the grader's feedback. */
        public Builder row(String symbol, Supplier<INDArray> yours, INDArray expected) {
            try {
                rows.add(new Row(symbol, yours.get(), null, expected));
            } catch (StudentCodeFailed f) {
                rows.add(new Row(symbol, null, f.getMessage(), expected));
            }
            return this;
        }

        public YoursAndExpected build() {
            return new YoursAndExpected(title, input, List.copyOf(rows));
        }
    }

    /** A supplier that calls {@code s} once, for rows that share one call of your code; a failure repeats. */
    public static <T> Supplier<T> once(Supplier<T> s) {
        return new Supplier<>() {
            private T value;
            private StudentCodeFailed failed;

            @Override
            public T get() {
                if (failed != null) {
                    throw failed;
                }
                if (value == null) {
                    try {
                        value = s.get();
                    } catch (StudentCodeFailed f) {
                        failed = f;
                        throw f;
                    }
                }
                return value;
            }
        };
    }

    /** The table as text: value, yours, expected, max |yours − expected|, verdict. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Say.say("expected.heading", title, input) + "\n");
        String yours = Say.say("expected.yours");
        String expected = Say.say("expected.expected");
        int width = Math.max(yours.length(), expected.length()) + 2;
        String indent = "\n" + " ".repeat(width + 2);
        for (Row r : rows) {
            s.append(String.format(
                            Locale.ROOT, "%s%n  %-" + width + "s%s%n", r.symbol(), yours + ":", yoursText(r, indent)))
                    .append(String.format(
                            Locale.ROOT, "  %-" + width + "s%s%n", expected + ":", values(r.expected(), indent)))
                    .append(String.format(
                            Locale.ROOT,
                            "  %s = %s   %s%n",
                            Say.say("expected.maxDifference"),
                            difference(r),
                            r.verdict()));
        }
        return s.toString();
    }

    /**
     * The table as HTML, which the course kernel shows for any object with a public {@code toHtml()}: a row per value,
     * its symbol beside a block where yours stands above the expected output, each labelled with its shape, and the
     * largest difference (where there is one) and the verdict under them. Side by side, two matrices of eight values reach past
     * JupyterLab's output area at 1280 px; one above the other, the widest line is one matrix row.
     */
    public String toHtml() {
        StringBuilder s = new StringBuilder("<div class=\"lstmlab-expected\"><p><b>")
                .append(Report.html(title))
                .append("</b>")
                .append(Report.html(Say.say("expected.heading", "", input)))
                .append("</p>\n<table>\n<tbody>\n");
        for (Row r : rows) {
            boolean close = r.yours() != null && Expect.isClose(r.expected(), r.yours());
            s.append("<tr style=\"background:")
                    .append(close ? "#e6f4ea" : "#fdecea")
                    .append(";color:" + Report.ROW_TEXT + "\">")
                    .append("<td style=\"text-align:left; vertical-align:top\"><b>")
                    .append(Report.html(r.symbol()))
                    .append("</b></td><td style=\"text-align:left\">")
                    .append(label(Say.say("expected.yours"), r.yours()));
            if (r.yours() == null) {
                s.append("<div>").append(Report.html(failure(r))).append("</div>");
            } else {
                s.append(VALUES).append(Report.html(matrix(r.yours(), "\n"))).append("</div>");
            }
            s.append(label(Say.say("expected.expectedOutput"), r.expected()))
                    .append(VALUES)
                    .append(Report.html(matrix(r.expected(), "\n")))
                    .append("</div><div style=\"margin-top:0.3em\">");
            if (!Double.isNaN(r.maxDifference())) {
                s.append(Report.html(Say.say("expected.maxDifference")))
                        .append(" = ")
                        .append(difference(r))
                        .append(" · ");
            }
            s.append(Report.html(r.verdict())).append("</div></td></tr>\n");
        }
        return s.append("</tbody>\n</table></div>").toString();
    }

    /** A block's label, {@code yours [2, 4]}: the shape beside it, so a wrong shape shows at a glance. */
    private static String label(String name, INDArray a) {
        return "<div style=\"margin-top:0.3em\"><i>" + Report.html(name) + "</i>"
                + (a == null ? "" : " <code>" + Arrays.toString(a.shape()) + "</code>") + "</div>";
    }

    /** Values keep their lines and never wrap inside a number. */
    private static final String VALUES = "<div style=\"white-space:pre; font-family:monospace\">";

    /** Your values, or why there are none. */
    private String yoursText(Row r, String newline) {
        return r.yours() != null ? values(r.yours(), newline) : failure(r);
    }

    /** Why your code gave no value: once, then {@code (as above)} for the rows the same failure left empty. */
    private String failure(Row r) {
        int k = rows.indexOf(r);
        return k > 0 && r.failure().equals(rows.get(k - 1).failure()) ? Say.say("expected.asAbove") : r.failure();
    }

    private static String difference(Row r) {
        double d = r.maxDifference();
        return Double.isNaN(d) ? "—" : String.format(Locale.ROOT, "%.1e", d);
    }

    /** The values then the shape, e.g. {@code [0.569430, 0.771589]  [1, 2]}: see {@link #matrix}. */
    static String values(INDArray a, String newline) {
        return matrix(a, newline) + "  " + Arrays.toString(a.shape());
    }

    /**
     * The values with six significant digits, a matrix's rows on lines of their own, at most four rows of
     * eight shown, e.g. {@code [0.569430, 0.771589]}.
     */
    static String matrix(INDArray a, String newline) {
        long[] shape = a.shape();
        double[] v = Expect.doubles(a);
        long columns = shape.length == 0 ? 1 : shape[shape.length - 1];
        long lines = columns == 0 ? 0 : v.length / columns;
        StringBuilder s = new StringBuilder();
        for (long row = 0; row < Math.min(lines, MAX_ROWS_SHOWN); row++) {
            if (row > 0) {
                s.append(newline);
            }
            s.append('[');
            for (long col = 0; col < Math.min(columns, MAX_COLUMNS_SHOWN); col++) {
                s.append(col > 0 ? ", " : "").append(Expect.fmt(v[(int) (row * columns + col)]));
            }
            s.append(columns > MAX_COLUMNS_SHOWN ? ", …]" : "]");
        }
        if (lines > MAX_ROWS_SHOWN) {
            s.append(newline).append('…');
        }
        return s.toString();
    }
}
