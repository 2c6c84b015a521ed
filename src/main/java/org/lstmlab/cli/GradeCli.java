package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.Check;
import org.lstmlab.grade.Exercise;
import org.lstmlab.grade.ExerciseGenerator;
import org.lstmlab.grade.Exercises;
import org.lstmlab.grade.Grader;
import org.lstmlab.grade.Gradescope;
import org.lstmlab.grade.Limits;
import org.lstmlab.grade.Report;
import org.lstmlab.grade.Submissions;

/**
 * The grading subcommands behind {@code ./lab}: {@code exercises}, {@code check}, {@code grade},
 * {@code gradescope}, {@code bench}, and {@code run-autograder} (what Gradescope's script calls).
 */
public final class GradeCli {
    private GradeCli() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(List.of(args), System.out, System.err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("lab: " + e.getMessage());
            code = 2;
        } catch (IOException e) {
            System.err.println("lab: " + e);
            code = 1;
        }
        System.exit(code);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty())
            throw new IllegalArgumentException(
                    "expected a command: exercises, check, grade, gradescope, bench or run-autograder");
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        switch (args.get(0)) {
            case "exercises" -> {
                Path home = CourseFolder.withExercises();
                if (rest.contains("--check")) {
                    List<String> diffs =
                            ExerciseGenerator.differences(home.resolve("solutions"), home.resolve("exercises"));
                    diffs.forEach(err::println);
                    if (!diffs.isEmpty()) err.println("run ./lab exercises to regenerate exercises/ from solutions/");
                    return diffs.isEmpty() ? 0 : 1;
                }
                List<Path> written = ExerciseGenerator.write(home.resolve("solutions"), home.resolve("exercises"));
                out.println("wrote " + written.size() + " exercise files to " + home.resolve("exercises"));
                return 0;
            }
            case "check" -> {
                Report r =
                        rest.isEmpty() ? Check.check() : rest.size() == 1 ? Check.check(rest.get(0)) : checkSome(rest);
                out.print(r);
                return 0;
            }
            case "grade" -> {
                return grade(rest, out, err);
            }
            case "gradescope" -> {
                Path zip = Path.of(option(rest, "--out", "autograder.zip"));
                List<String> jars = Gradescope.writeBundle(zip);
                out.println("wrote " + zip.toAbsolutePath() + " (setup.sh, run_autograder, " + jars.size()
                        + " jars in lib/): upload it as the assignment's autograder on Gradescope");
                return 0;
            }
            case "run-autograder" -> {
                Path root = Path.of(option(rest, "--root", "/autograder"));
                Report r = Gradescope.runAutograder(root, Limits.defaults());
                out.print(r);
                return 0;
            }
            case "bench" -> {
                return bench(Integer.parseInt(option(rest, "--copies", "30")), out, err);
            }
            default -> throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
        }
    }

    private static Report checkSome(List<String> ids) {
        throw new IllegalArgumentException("check takes one exercise (e.g. E3) or none, not " + ids);
    }

    private static int grade(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Path outDir = Path.of(option(args, "--out", "grades"));
        long seed = Long.parseLong(option(args, "--seed", Long.toString(Grader.randomSeed())));
        String only = option(args, "--only", "");
        List<Exercise> exercises = only.isEmpty()
                ? Exercises.ALL
                : List.of(only.split(",")).stream().map(Exercises::byId).toList();
        if (args.isEmpty())
            throw new IllegalArgumentException("grade needs a submission (folder or .zip) or a folder of them");
        for (String a : args) if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
        List<Submissions.Submission> subs =
                Submissions.discover(args.stream().map(Path::of).toList());
        int cores = Runtime.getRuntime().availableProcessors();
        err.printf(
                Locale.ROOT,
                "grading %d submission(s), %d child JVM(s) at a time, randomised cases seed %d%n",
                subs.size(),
                cores,
                seed);
        try (Grader g = new Grader(Limits.defaults(), cores)) {
            List<Report> reports = Submissions.gradeAll(g, subs, exercises, seed, cores, err);
            for (Report r : reports) Submissions.writeResults(outDir.resolve(safe(r.student())), r);
            if (reports.size() == 1) {
                out.print(reports.get(0));
            } else {
                for (Report r : reports)
                    out.printf(Locale.ROOT, "%-24s %6s/%d%n", r.student(), fmt(r.score()), r.maxScore());
                Path csv = outDir.resolve("gradebook.csv");
                Files.writeString(csv, Submissions.gradebookCsv(reports, exercises), StandardCharsets.UTF_8);
                out.println("gradebook: " + csv.toAbsolutePath());
            }
            out.println("results.json per submission under " + outDir.toAbsolutePath());
        }
        return 0;
    }

    /** Wall time of one full submission and of a batch of copies, for the README's figures. */
    private static int bench(int copies, PrintStream out, PrintStream err) throws IOException {
        Path home = CourseFolder.withExercises();
        Path solutions = home.resolve("solutions");
        Path batch = Files.createTempDirectory("lstmlab-bench-");
        int cores = Runtime.getRuntime().availableProcessors();
        try (Grader g = new Grader(Limits.defaults(), cores)) {
            long t0 = System.nanoTime();
            Report one = g.grade("solutions", solutions, Exercises.ALL, 1);
            double single = (System.nanoTime() - t0) / 1e9;
            for (int k = 1; k <= copies; k++)
                copy(solutions, batch.resolve(String.format(Locale.ROOT, "student%02d", k)));
            long t1 = System.nanoTime();
            List<Report> all =
                    Submissions.gradeAll(g, Submissions.discover(List.of(batch)), Exercises.ALL, 1, cores, err);
            double many = (System.nanoTime() - t1) / 1e9;
            boolean full = one.score() == one.maxScore() && all.stream().allMatch(r -> r.score() == r.maxScore());
            out.printf(
                    Locale.ROOT,
                    "cores: %d, load average at the end: %.2f%n",
                    cores,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            out.printf(
                    Locale.ROOT,
                    "one submission (9 exercises, 9 child JVMs): %.1f s, %s/%d%n",
                    single,
                    fmt(one.score()),
                    one.maxScore());
            out.printf(
                    Locale.ROOT,
                    "batch of %d copies (%d child JVMs): %.1f s, %.1f s per submission%s%n",
                    copies,
                    copies * 9,
                    many,
                    many / copies,
                    full ? ", every copy 100/100" : ", NOT every copy scored 100");
            return full ? 0 : 1;
        } finally {
            try (var walk = Files.walk(batch)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** Removes {@code --name value} from args and returns the value, or the default. */
    static String option(List<String> args, String name, String otherwise) {
        int k = args.indexOf(name);
        if (k < 0) return otherwise;
        if (k + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
        String v = args.get(k + 1);
        args.remove(k + 1);
        args.remove(k);
        return v;
    }

    private static String safe(String student) {
        String s = student.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String fmt(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
