package org.lstmlab.grade.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.lstmlab.plot.ChartImages;

/**
 * The class report as one HTML page that opens offline: its style, and the score histogram as a PNG data URI,
 * inside it; no script, no request. Every string from a submission (names, compiler messages) is escaped.
 */
public final class ClassReportHtml {
    private ClassReportHtml() {}

    /** The page in the language the instructor chose ({@link Messages}). */
    public static String of(ClassReport c) {
        return of(c, Messages.current());
    }

    /** The page in English or Vietnamese ({@code Locale.forLanguageTag("vi")}). */
    public static String of(ClassReport c, Locale locale) {
        return of(c, new Messages(locale));
    }

    /** How many similar pairs the page lists, the most similar; the JSON holds them all. */
    static final int SHOWN_PAIRS = 50;

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;"
            + "color:#222;padding:0 1em}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;"
            + "border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .6em;"
            + "text-align:left;vertical-align:top;border-bottom:1px solid #eee}th{background:#f5f5f5}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}tr.ex td{font-weight:600;background:#fafafa}"
            + ".bar{display:inline-block;height:.7em;background:#4a7bd0;vertical-align:middle}"
            + ".barbox{display:inline-block;width:8em;background:#e8e8e8;margin-right:.4em}"
            + "li{margin:.3em 0}.who{color:#555;font-size:.9em}code{white-space:pre-wrap}td.r{white-space:nowrap}";

    static String of(ClassReport c, Messages m) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"")
                .append(esc(m.text("class.lang")))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"
                        + " style-src 'unsafe-inline'\">\n<title>")
                .append(esc(m.text("class.title")))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(esc(m.text("class.title")))
                .append("</h1>\n");
        List<Double> scores =
                c.scores().stream().map(ClassReport.Student::score).toList();
        s.append("<p id=\"summary\">")
                .append(esc(m.text(
                        "class.summary",
                        c.students(),
                        Report.points(round(mean(scores))),
                        Report.points(c.maxScore()),
                        Report.points(median(scores)))))
                .append("</p>\n");
        distribution(s, c, scores, m);
        passRates(s, c, m);
        mistakes(s, c, m);
        troubles(s, "class.didNotCompile", "did-not-compile", c.didNotCompile(), m);
        troubles(s, "class.stopped", "stopped", c.stopped(), m);
        slowest(s, c, m);
        similarity(s, c, m);
        s.append("</body>\n</html>\n");
        return s.toString();
    }

    private static void distribution(StringBuilder s, ClassReport c, List<Double> scores, Messages m) {
        byte[] png = ChartImages.png(
                ScoreHistogram.chart(scores, c.maxScore(), m.text("class.scoreAxis"), m.text("class.studentsAxis")));
        s.append("<h2>")
                .append(esc(m.text("class.distribution")))
                .append("</h2>\n<img id=\"histogram\" width=\"640\" height=\"300\" alt=\"")
                .append(esc(m.text("class.distribution")))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\">\n");
    }

    private static void passRates(StringBuilder s, ClassReport c, Messages m) {
        s.append("<h2>")
                .append(esc(m.text("class.passRates")))
                .append("</h2>\n<table id=\"pass-rates\">\n<thead><tr><th>")
                .append(esc(m.text("class.exercise")))
                .append(" / ")
                .append(esc(m.text("class.test")))
                .append("</th><th>")
                .append(esc(m.text("report.points")))
                .append("</th><th>")
                .append(esc(m.text("class.passed")))
                .append("</th><th>")
                .append(esc(m.text("class.mean")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (ClassReport.ExerciseRate e : c.exercises()) {
            s.append("<tr class=\"ex\"><td>")
                    .append(esc(e.id() + " " + m.title(e.id(), e.title())))
                    .append("</td><td class=\"n\">")
                    .append(Report.points(e.maxScore()))
                    .append("</td><td class=\"r\">")
                    .append(rate(e.fullMarks(), e.graded(), m))
                    .append(' ')
                    .append(esc(m.text("class.fullMarks")))
                    .append("</td><td class=\"n\">")
                    .append(Report.points(round(e.meanScore())))
                    .append("</td></tr>\n");
            for (ClassReport.TestRate t : e.tests()) {
                s.append("<tr><td>&nbsp;&nbsp;")
                        .append(esc(t.number() + " " + t.name()))
                        .append("</td><td class=\"n\">")
                        .append(Report.points(t.points()))
                        .append("</td><td class=\"r\">")
                        .append(rate(t.passed(), t.graded(), m))
                        .append("</td><td></td></tr>\n");
            }
        }
        s.append("</tbody>\n</table>\n");
    }

    private static String rate(int k, int n, Messages m) {
        int width = n == 0 ? 0 : (int) Math.round(100.0 * k / n);
        return "<span class=\"barbox\"><span class=\"bar\" style=\"width:" + width + "%\"></span></span>"
                + esc(m.text("class.ofStudents", k, n));
    }

    private static void mistakes(StringBuilder s, ClassReport c, Messages m) {
        s.append("<h2>")
                .append(esc(m.text("class.mistakes")))
                .append("</h2>\n<p>")
                .append(esc(m.text("class.mistakesNote")))
                .append("</p>\n");
        findings(s, "mistakes", c, Diagnosis.Kind.MISTAKE, m);
        s.append("<h3>").append(esc(m.text("class.notImplemented"))).append("</h3>\n");
        findings(s, "not-implemented", c, Diagnosis.Kind.NOT_IMPLEMENTED, m);
    }

    /** The findings of one kind, most frequent first: "E3: 12 of 30 — the hint", then who. */
    private static void findings(StringBuilder s, String id, ClassReport c, Diagnosis.Kind kind, Messages m) {
        List<ClassReport.Finding> found =
                c.mistakes().stream().filter(f -> f.kind() == kind).toList();
        if (found.isEmpty()) {
            s.append("<p>").append(esc(m.text("class.none"))).append("</p>\n");
            return;
        }
        s.append("<ol id=\"").append(id).append("\">\n");
        for (ClassReport.Finding f : found) {
            s.append("<li><b>")
                    .append(esc(f.exercise()))
                    .append(": ")
                    .append(esc(m.text("class.ofStudents", f.count(), c.students())))
                    .append("</b>")
                    .append(kind == Diagnosis.Kind.MISTAKE ? " — " + esc(f.text()) : "")
                    .append("<br><span class=\"who\">")
                    .append(esc(String.join(", ", f.students())))
                    .append("</span></li>\n");
        }
        s.append("</ol>\n");
    }

    private static void troubles(StringBuilder s, String title, String id, List<ClassReport.Trouble> rows, Messages m) {
        s.append("<h2>").append(esc(m.text(title))).append("</h2>\n");
        if (rows.isEmpty()) {
            s.append("<p>").append(esc(m.text("class.none"))).append("</p>\n");
            return;
        }
        s.append("<table id=\"")
                .append(id)
                .append("\">\n<thead><tr><th>")
                .append(esc(m.text("class.student")))
                .append("</th><th>")
                .append(esc(m.text("class.exercise")))
                .append("</th><th>")
                .append(esc(m.text("class.message")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (ClassReport.Trouble t : rows) {
            String kind = switch (t.kind()) {
                case TIMED_OUT -> m.text("class.timedOut") + ": ";
                case BROKE_RULE -> m.text("class.brokeRule") + ": ";
                default -> "";
            };
            s.append("<tr><td>")
                    .append(esc(t.student()))
                    .append("</td><td>")
                    .append(esc(t.exercise()))
                    .append("</td><td><code>")
                    .append(esc(kind + t.message()))
                    .append("</code></td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void slowest(StringBuilder s, ClassReport c, Messages m) {
        s.append("<h2>")
                .append(esc(m.text("class.slowest")))
                .append("</h2>\n<table id=\"slowest\">\n<thead><tr><th>")
                .append(esc(m.text("class.student")))
                .append("</th><th>")
                .append(esc(m.text("class.seconds")))
                .append("</th><th>")
                .append(esc(m.text("class.childJvms")))
                .append("</th></tr></thead>\n<tbody>\n");
        for (ClassReport.Timing t : c.slowest()) {
            s.append("<tr><td>")
                    .append(esc(t.student()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f", t.seconds()))
                    .append("</td><td class=\"n\">")
                    .append(t.childJvms())
                    .append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void similarity(StringBuilder s, ClassReport c, Messages m) {
        ClassReport.Similarity sim = c.similarity();
        s.append("<h2>").append(esc(m.text("class.similarity"))).append("</h2>\n");
        if (sim == null || !sim.ran()) {
            s.append("<p>")
                    .append(esc(m.text("class.similarityOff", sim == null ? "" : sim.note())))
                    .append("</p>\n");
            return;
        }
        s.append("<p>").append(esc(sim.note())).append("</p>\n");
        if (sim.pairs().isEmpty()) {
            s.append("<p>")
                    .append(esc(m.text("class.noPairs", percent(sim.threshold()))))
                    .append("</p>\n");
            return;
        }
        s.append("<table id=\"similar\">\n<thead><tr><th>")
                .append(esc(m.text("class.first")))
                .append("</th><th>")
                .append(esc(m.text("class.second")))
                .append("</th><th>")
                .append(esc(m.text("class.similar")))
                .append("</th><th></th></tr></thead>\n<tbody>\n");
        for (ClassReport.SimilarPair p :
                sim.pairs().subList(0, Math.min(SHOWN_PAIRS, sim.pairs().size()))) {
            s.append("<tr><td>")
                    .append(esc(p.first()))
                    .append("</td><td>")
                    .append(esc(p.second()))
                    .append("</td><td class=\"n\">")
                    .append(percent(p.similarity()))
                    .append("</td><td>");
            if (p.link() != null) {
                s.append("<a href=\"")
                        .append(esc(p.link()))
                        .append("\">")
                        .append(esc(m.text("class.jplagReport")))
                        .append("</a>");
            }
            s.append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
        if (sim.pairs().size() > SHOWN_PAIRS) {
            s.append("<p>")
                    .append(esc(m.text("class.morePairs", sim.pairs().size() - SHOWN_PAIRS)))
                    .append("</p>\n");
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return 0;
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Text as HTML: {@code & < > " '} escaped, and control characters but tab and newline dropped. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (cp >= 0x20 && cp != 0x7f || cp == '\n' || cp == '\t') out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }
}
