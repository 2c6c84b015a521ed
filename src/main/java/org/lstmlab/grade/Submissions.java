package org.lstmlab.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** An instructor's batch: finds the submissions, grades them in parallel with progress, writes the gradebook. */
public final class Submissions {
    private Submissions() {}

    /**
     * One student's work.
     *
     * @param student the name in the gradebook: the folder's name, or the zip's without {@code .zip}
     * @param path    a folder or zip shaped like {@code exercises/}
     */
    public record Submission(String student, Path path) {}

    /**
     * The submissions behind the given paths: a zip, or a folder holding exercise files, is one
     * submission; any other folder holds one submission (folder or zip) per student.
     *
     * @throws IllegalArgumentException for a path that does not exist or holds no submission
     */
    public static List<Submission> discover(List<Path> paths) throws IOException {
        List<Submission> subs = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p))
                throw new IllegalArgumentException(
                        p + " does not exist: pass a submission (folder or .zip) or a folder of them");
            if (isSubmission(p)) {
                subs.add(new Submission(name(p), p));
                continue;
            }
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.sorted().toList()) {
                    if (Files.isDirectory(c) && !c.getFileName().toString().startsWith(".") || isZip(c))
                        subs.add(new Submission(name(c), c));
                }
            }
            if (subs.isEmpty())
                throw new IllegalArgumentException(
                        p + " holds no submissions: expected exercise files, or one folder or .zip per student");
        }
        return subs;
    }

    private static boolean isZip(Path p) {
        return Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isSubmission(Path p) throws IOException {
        if (isZip(p)) return true;
        if (!Files.isDirectory(p)) return false;
        if (Files.isDirectory(p.resolve("org")) || Files.isDirectory(p.resolve("exercises"))) return true;
        try (Stream<Path> files = Files.list(p)) {
            return files.anyMatch(f -> Exercises.byFileName(f.getFileName().toString()) != null);
        }
    }

    private static String name(Path p) {
        String n = p.toAbsolutePath().normalize().getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    /**
     * Grades every submission, up to {@code parallel} at a time, printing one progress line per
     * finished submission.
     */
    public static List<Report> gradeAll(
            Grader grader,
            List<Submission> subs,
            List<Exercise> exercises,
            long seed,
            int parallel,
            PrintStream progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (Submission s : subs) {
                futures.add(pool.submit(() -> {
                    Report r = grader.grade(s.student(), s.path(), exercises, seed);
                    int n = done.incrementAndGet();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double eta = elapsed / n * (subs.size() - n);
                    synchronized (progress) {
                        progress.printf(
                                Locale.ROOT,
                                "[%d/%d] %-24s %6s/%d   %.1f s elapsed, about %.0f s to go%n",
                                n,
                                subs.size(),
                                s.student(),
                                Report.points(r.score()),
                                r.maxScore(),
                                elapsed,
                                eta);
                    }
                    return r;
                }));
            }
            List<Report> reports = new ArrayList<>();
            for (Future<Report> f : futures) {
                try {
                    reports.add(f.get());
                } catch (ExecutionException e) {
                    throw new IOException("grading failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("grading was interrupted", e);
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The gradebook: student, points per exercise, total; one row per submission. */
    public static String gradebookCsv(List<Report> reports, List<Exercise> exercises) {
        StringBuilder s = new StringBuilder("student");
        for (Exercise e : exercises) s.append(',').append(e.id());
        s.append(",total\n");
        for (Report r : reports) {
            s.append(csv(r.student()));
            for (Exercise e : exercises) {
                ExerciseResult x = r.exercise(e.id());
                s.append(',').append(x == null ? "" : Report.points(x.score()));
            }
            s.append(',').append(Report.points(r.score())).append('\n');
        }
        return s.toString();
    }

    /** Writes {@code results.json} to {@code dir}, creating it (again, if a submission removed it). */
    public static Path writeResults(Path dir, Report r) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Path tmp = dir.resolve("results.json.tmp");
        Files.writeString(tmp, r.toResultsJson(), StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return f;
    }

    private static String csv(String s) {
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s; // no spreadsheet formulas
        return safe.matches(".*[,\"\\n\\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
