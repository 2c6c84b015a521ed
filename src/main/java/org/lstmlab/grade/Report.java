package org.lstmlab.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The grade of one submission: a console table ({@link #toString()}), an HTML table for the
 * notebook ({@link #toHtml()}) and Gradescope's {@code results.json} ({@link #toResultsJson()}).
 *
 * @param student   who submitted (a folder or zip name), or {@code "exercises"} for a self-check
 * @param seed      the seed of the randomised cases, to reproduce them
 * @param exercises one result per graded exercise
 * @param seconds   the wall time grading took
 */
public record Report(String student, long seed, List<ExerciseResult> exercises, double seconds) {

    public double score() {
        return exercises.stream().mapToDouble(ExerciseResult::score).sum();
    }

    public int maxScore() {
        return exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
    }

    /** The result of one exercise, or null when it was not graded. */
    public ExerciseResult exercise(String id) {
        return exercises.stream()
                .filter(e -> e.exercise().id().equalsIgnoreCase(id))
                .findFirst()
                .orElse(null);
    }

    /** The console table: exercise, points, feedback. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-40s %9s  %s%n", "exercise", "points", "feedback"));
        for (ExerciseResult r : exercises) {
            String name = r.exercise().id() + " " + r.exercise().title();
            String[] lines = r.feedback().split("\n");
            s.append(String.format(
                    Locale.ROOT, "%-40s %9s  %s%n", name, points(r.score()) + "/" + r.maxScore(), lines[0]));
            for (int k = 1; k < lines.length; k++)
                s.append(String.format(Locale.ROOT, "%-40s %9s  %s%n", "", "", lines[k]));
        }
        s.append(String.format(
                Locale.ROOT,
                "%-40s %9s  randomised cases used seed %d%n",
                "total",
                points(score()) + "/" + maxScore(),
                seed));
        return s.toString();
    }

    /** The same table as HTML, which the course kernel displays for any object with a public {@code toHtml()}. */
    public String toHtml() {
        StringBuilder s = new StringBuilder(
                "<table class=\"lstmlab-grade\">\n<thead><tr><th>exercise</th><th>points</th><th>feedback</th></tr></thead>\n<tbody>\n");
        for (ExerciseResult r : exercises) {
            String colour = r.score() >= r.maxScore() ? "#e6f4ea" : r.score() > 0 ? "#fff4e5" : "#fdecea";
            s.append("<tr style=\"background:")
                    .append(colour)
                    .append("\"><td>")
                    .append(html(r.exercise().id() + " " + r.exercise().title()))
                    .append("</td><td>")
                    .append(points(r.score()))
                    .append('/')
                    .append(r.maxScore())
                    .append("</td><td>")
                    .append(html(r.feedback()).replace("\n", "<br>"))
                    .append("</td></tr>\n");
        }
        s.append("</tbody>\n<tfoot><tr><th>total</th><th>")
                .append(points(score()))
                .append('/')
                .append(maxScore())
                .append("</th><th>randomised cases used seed ")
                .append(seed)
                .append("</th></tr></tfoot>\n</table>");
        return s.toString();
    }

    /**
     * Gradescope's {@code results.json}: top-level score and max_score, and one test per graded test
     * with name, number, score, max_score, output and visibility.
     */
    public String toResultsJson() {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"score\": ").append(points(score())).append(",\n");
        s.append("  \"max_score\": ").append(maxScore()).append(",\n");
        s.append("  \"execution_time\": ").append(Math.round(seconds)).append(",\n");
        s.append("  \"visibility\": \"visible\",\n");
        s.append("  \"stdout_visibility\": \"hidden\",\n");
        s.append("  \"output\": ")
                .append(json("LSTM Lab grader: " + points(score()) + "/" + maxScore() + ". Randomised cases used seed "
                        + seed + "."))
                .append(",\n");
        s.append("  \"tests\": [");
        List<String> tests = new ArrayList<>();
        for (ExerciseResult r : exercises) {
            int k = 1;
            for (TestResult t : r.tests()) {
                tests.add("\n    {\"name\": " + json(t.name()) + ", \"number\": "
                        + json(r.exercise().id().substring(1) + "." + k++)
                        + ", \"score\": " + points(t.score()) + ", \"max_score\": " + points(t.maxScore())
                        + ", \"output\": " + json(t.output()) + ", \"visibility\": " + json(t.visibility()) + "}");
            }
        }
        s.append(String.join(",", tests)).append("\n  ]\n}\n");
        return s.toString();
    }

    static String points(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
