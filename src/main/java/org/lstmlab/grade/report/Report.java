package org.lstmlab.grade.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grade of one submission, the one report behind every output: the console table
 * ({@link #toString()}), the notebook's HTML table ({@link #toHtml()}), Gradescope's results.json
 * ({@link ResultsJson}) and a row of the gradebook ({@link Gradebook}).
 *
 * @param student who submitted (a folder or zip name), or {@code "exercises"} for a self-check
 * @param seed the seed of the randomised cases, to reproduce them
 * @param exercises one result per graded exercise, E1 first
 * @param seconds the wall time grading took
 * @param childJvms how many child JVMs ran the submission: one, unless one died or broke a rule
 * @param notChecked by exercise in course order, the points of the tests this run left to grading at submission
 *     (hidden ones): a student's own check says so under its table; empty when every test ran
 */
public record Report(
        String student,
        long seed,
        List<ExerciseResult> exercises,
        double seconds,
        int childJvms,
        Map<String, Integer> notChecked) {

    public Report {
        notChecked = Collections.unmodifiableMap(new LinkedHashMap<>(notChecked));
    }

    /** The report of a run of every test. */
    public Report(String student, long seed, List<ExerciseResult> exercises, double seconds, int childJvms) {
        this(student, seed, exercises, seconds, childJvms, Map.of());
    }

    public double score() {
        return exercises.stream().mapToDouble(ExerciseResult::score).sum();
    }

    public double maxScore() {
        return exercises.stream().mapToDouble(ExerciseResult::maxScore).sum();
    }

    /** The result of one exercise, or null when it was not graded. */
    public ExerciseResult exercise(String id) {
        return exercises.stream()
                .filter(e -> e.id().equalsIgnoreCase(id))
                .findFirst()
                .orElse(null);
    }

    /** The console table: exercise, points, feedback, in the student's language ({@link Messages}). */
    @Override
    public String toString() {
        return table(Messages.current());
    }

    String table(Messages m) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%-40s %9s  %s%n",
                m.text("report.exercise"),
                m.text("report.points"),
                m.text("report.feedback")));
        for (ExerciseResult r : exercises) {
            String[] lines = r.feedback().split("\n");
            s.append(String.format(
                    Locale.ROOT,
                    "%-40s %9s  %s%n",
                    r.id() + " " + m.title(r.id(), r.title()),
                    points(r.score()) + "/" + points(r.maxScore()),
                    lines[0]));
            for (int k = 1; k < lines.length; k++) {
                s.append(String.format(Locale.ROOT, "%-40s %9s  %s%n", "", "", lines[k]));
            }
        }
        s.append(String.format(
                Locale.ROOT,
                "%-40s %9s  %s%n",
                m.text("report.total"),
                points(score()) + "/" + points(maxScore()),
                m.text("report.seed", Long.toString(seed))));
        String hidden = hiddenLine(m);
        if (hidden != null) {
            s.append(hidden).append(System.lineSeparator());
        }
        return s.toString();
    }

    /**
     * The line under a student's check: how many points of hidden tests are graded at submission, or null when
     * every test ran.
     */
    public String hiddenLine() {
        return hiddenLine(Messages.current());
    }

    String hiddenLine(Messages m) {
        int total = notChecked.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return null;
        }
        StringBuilder parts = new StringBuilder();
        notChecked.forEach((id, p) -> parts.append(parts.length() == 0 ? "" : ", ")
                .append(id)
                .append(' ')
                .append(p));
        return m.text("report.hidden", total, parts);
    }

    /**
     * The same table as HTML, which the course kernel displays for any object with a public {@code toHtml()};
     * in the student's language ({@link Messages}).
     */
    public String toHtml() {
        return html(Messages.current());
    }

    /**
     * The text colour of a coloured row: the rows' light backgrounds need dark text whatever the page's theme
     * (JupyterLab Dark writes white), so a row says both.
     */
    static final String ROW_TEXT = "#1f1f1f";

    private static final String LEFT = " style=\"text-align:left\"";

    String html(Messages m) {
        // Jupyter's and nbconvert's style sheets right-align table cells: names and feedback read from the left
        StringBuilder s = new StringBuilder("<table class=\"lstmlab-grade\">\n<thead><tr><th" + LEFT + ">"
                + html(m.text("report.exercise")) + "</th><th>" + html(m.text("report.points")) + "</th><th" + LEFT
                + ">" + html(m.text("report.feedback")) + "</th></tr></thead>\n<tbody>\n");
        for (ExerciseResult r : exercises) {
            String colour = r.score() >= r.maxScore() ? "#e6f4ea" : r.score() > 0 ? "#fff4e5" : "#fdecea";
            s.append("<tr style=\"background:")
                    .append(colour)
                    .append(";color:" + ROW_TEXT + "\"><td" + LEFT + ">")
                    .append(html(r.id() + " " + m.title(r.id(), r.title())))
                    .append("</td><td>")
                    .append(points(r.score()))
                    .append('/')
                    .append(points(r.maxScore()))
                    .append("</td><td" + LEFT + ">")
                    .append(html(r.feedback()).replace("\n", "<br>"))
                    .append("</td></tr>\n");
        }
        s.append("</tbody>\n<tfoot><tr><th" + LEFT + ">")
                .append(html(m.text("report.total")))
                .append("</th><th>")
                .append(points(score()))
                .append('/')
                .append(points(maxScore()))
                .append("</th><th" + LEFT + ">")
                .append(html(m.text("report.seed", Long.toString(seed))))
                .append("</th></tr></tfoot>\n</table>");
        String hidden = hiddenLine(m);
        if (hidden != null) {
            s.append("\n<p class=\"lstmlab-hidden\">").append(html(hidden)).append("</p>");
        }
        return s.toString();
    }

    /** Points as the reports write them: {@code 8}, or {@code 2.50}. */
    public static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
