package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.report.ClassReport;
import org.lstmlab.grade.report.ClassReportHtml;
import org.lstmlab.grade.report.LmsGradebooks;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.Roster;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.run.Submissions;
import org.lstmlab.grade.sandbox.SubmissionCompiler;
import org.lstmlab.grade.similarity.SimilarityCheck;

/**
 * What a batch {@code ./lab grade} writes beside {@code gradebook.csv}: the class report
 * ({@code class-report.html} and {@code class-report.json}), with the similarity check unless it is turned off, and
 * the gradebooks Canvas and Moodle import ({@code gradebook-canvas.csv}, {@code gradebook-moodle.csv}).
 */
final class ClassReports {
    private ClassReports() {}

    /** What {@link #write} wrote and how long its parts took. */
    record Written(Path html, Path json, Path canvas, Path moodle, double reportSeconds, double similaritySeconds) {}

    /**
     * Writes the class's reports to {@code out}.
     *
     * @param starter the starter code for the similarity check's base code, or null
     * @param similarity whether to run the similarity check
     */
    static Written write(
            Path out,
            List<Report> reports,
            List<GradedExercise> exercises,
            List<Submissions.Submission> subs,
            Roster roster,
            Path starter,
            boolean similarity)
            throws IOException {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        ClassReport.Similarity sim;
        if (similarity) {
            // each submission compared as the grader read it: its zips unpacked as the grader unpacks them (a zip in
            // a zip, backslashes, a PC code page), each file's text decoded as the compiler decodes it (UTF-16), so
            // no way of sending the same code hides it from the check
            Path staging = Files.createTempDirectory("lstmlab-similarity-");
            try {
                Map<String, Path> paths = new LinkedHashMap<>();
                int k = 0;
                for (Submissions.Submission s : subs) {
                    if (s.refused() != null) continue; // a link or another archive: not read
                    try {
                        Submissions.Unpacked u = Submissions.unpack(s.path(), staging.resolve("s" + ++k));
                        if (u.problem() == null) paths.put(s.student(), u.root());
                    } catch (IOException | RuntimeException unreadable) {
                        // not graded either: the grader has said what is wrong with it
                    }
                }
                sim = SimilarityCheck.check(
                        paths, starter, out, SimilarityCheck.DEFAULT_THRESHOLD, SubmissionCompiler::normalised);
            } finally {
                Grader.delete(staging);
            }
        } else {
            sim = ClassReport.Similarity.off("--no-similarity");
        }
        long t1 = System.nanoTime();
        ClassReport c = ClassReport.of(reports, sim);
        Path html = atomically(out.resolve("class-report.html"), ClassReportHtml.of(c));
        Path json = atomically(out.resolve("class-report.json"), c.json());
        List<LmsGradebooks.Column> columns = exercises.stream()
                .map(e -> new LmsGradebooks.Column(e.id(), e.title(), e.points()))
                .toList();
        Path canvas = atomically(out.resolve("gradebook-canvas.csv"), LmsGradebooks.canvas(reports, columns, roster));
        Path moodle = atomically(out.resolve("gradebook-moodle.csv"), LmsGradebooks.moodle(reports, columns, roster));
        long t2 = System.nanoTime();
        return new Written(html, json, canvas, moodle, (t2 - t1) / 1e9, (t1 - t0) / 1e9);
    }

    /** The batch's part of {@code ./lab grade}: writes, then prints where and how long. */
    static void writeAndSay(
            Path out,
            List<Report> reports,
            List<GradedExercise> exercises,
            List<Submissions.Submission> subs,
            String rosterFile,
            boolean similarity,
            PrintStream say)
            throws IOException {
        Roster roster = rosterFile.isEmpty()
                ? Roster.none()
                : Roster.parse(Files.readString(Path.of(rosterFile), StandardCharsets.UTF_8));
        Path starter = starterCode().orElse(null);
        Written w = write(out, reports, exercises, subs, roster, starter, similarity);
        say.printf(
                Locale.ROOT,
                "class report: %s (and .json; %.1f s)%s%n",
                w.html().toAbsolutePath(),
                w.reportSeconds(),
                similarity ? String.format(Locale.ROOT, ", similarity check %.1f s", w.similaritySeconds()) : "");
        say.println("LMS gradebooks: " + w.canvas().toAbsolutePath() + ", "
                + w.moodle().toAbsolutePath());
    }

    /** The course's (or the edition's) starter code, {@code exercises/}, if there is one. */
    static Optional<Path> starterCode() {
        try {
            Path exercises = CourseFolder.withExercises().resolve("exercises");
            return Files.isDirectory(exercises) ? Optional.of(exercises) : Optional.empty();
        } catch (IllegalStateException none) {
            return Optional.empty();
        }
    }

    private static Path atomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
