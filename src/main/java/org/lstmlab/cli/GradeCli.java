package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.edition.Edition;
import org.lstmlab.grade.edition.ExerciseGenerator;
import org.lstmlab.grade.edition.Gradescope;
import org.lstmlab.grade.notebook.Check;
import org.lstmlab.grade.report.Gradebook;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.ResultsJson;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.run.Submissions;
import org.lstmlab.grade.sandbox.ContainerBatch;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;

/**
 * The grading subcommands behind {@code ./lab}: {@code exercises}, {@code check}, {@code grade},
 * {@code gradescope}, {@code bench}, {@code edition-lib} (the grader's part of {@code ./lab release}) and
 * {@code run-autograder} (what Gradescope's script calls).
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
                    "expected a command: exercises, check, grade, gradescope, edition-lib, bench or run-autograder");
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        switch (args.get(0)) {
            case "exercises" -> {
                Path home = CourseFolder.withExercises();
                if (rest.contains("--check")) {
                    List<String> diffs = ExerciseGenerator.differences(
                            catalog(), home.resolve("solutions"), home.resolve("exercises"));
                    diffs.forEach(err::println);
                    if (!diffs.isEmpty()) err.println("run ./lab exercises to regenerate exercises/ from solutions/");
                    return diffs.isEmpty() ? 0 : 1;
                }
                List<Path> written =
                        ExerciseGenerator.write(catalog(), home.resolve("solutions"), home.resolve("exercises"));
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
                List<String> jars = Gradescope.writeBundle(zip, catalog());
                out.println("wrote " + zip.toAbsolutePath() + " (setup.sh, run_autograder, " + jars.size()
                        + " jars in lib/): upload it as the assignment's autograder on Gradescope");
                return 0;
            }
            case "edition-lib" -> {
                Path lib = Path.of(option(rest, "--lib", "lib"));
                Path hidden = Path.of(option(rest, "--hidden-sources", "src/hidden/java"));
                List<String> classes = Edition.writeLib(lib, catalog(), hidden);
                out.println("wrote " + lib.resolve(Edition.GRADING_JAR) + " (" + classes.size()
                        + " classes: the visible tests) and " + lib.resolve("sandbox-classpath.txt"));
                return 0;
            }
            case "run-autograder" -> {
                Path root = Path.of(option(rest, "--root", "/autograder"));
                ExerciseCatalog course = catalog();
                Report r = Gradescope.runAutograder(root, Limits.defaults(), course, course.all());
                out.print(r);
                return 0;
            }
            case "bench" -> {
                return bench(Integer.parseInt(option(rest, "--copies", "30")), out, err);
            }
            default -> throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
        }
    }

    /** The exercise classes on the grader's class path. */
    static ExerciseCatalog catalog() {
        return ExerciseCatalog.discover(GradeCli.class.getClassLoader());
    }

    private static Report checkSome(List<String> ids) {
        throw new IllegalArgumentException("check takes one exercise (e.g. E3) or none, not " + ids);
    }

    /** What {@code ./lab grade} says when it finds no sandbox and was not told to grade without one. */
    static final String RISK = "lab: no sandbox to grade in (%s). Graded code would run with your rights: it could"
            + " read any file you can (solutions, hidden tests, other students' work), change or delete your files"
            + " and the class's submissions, use the network, and leave processes running after grading. Install"
            + " bubblewrap (sudo apt-get install bubblewrap), or podman or docker and build the course image"
            + " (./lab image), in which ./lab grade then grades;"
            + " to grade without a sandbox anyway, on a machine you can afford to lose, add --unsandboxed.";

    private static int grade(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Path outDir = Path.of(option(args, "--out", "grades"));
        long seed = Long.parseLong(option(args, "--seed", Long.toString(Grader.randomSeed())));
        String only = option(args, "--only", "");
        String roster = option(args, "--roster", ""); // the class report's LMS gradebooks (ClassReports)
        long budget = seconds(option(args, "--submission-time", Long.toString(Grader.SUBMISSION_MILLIS / 1000)));
        boolean similarity = !args.remove("--no-similarity");
        boolean unsandboxed = args.remove("--unsandboxed");
        boolean resume = args.remove("--resume");
        if (args.isEmpty()) {
            throw new IllegalArgumentException("grade needs a submission (folder or .zip) or a folder of them");
        }
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        requireOutputApart(outDir, args);
        OsSandbox os = unsandboxed ? OsSandbox.none("--unsandboxed") : OsSandbox.detect();
        if (!os.isolated() && !unsandboxed) {
            ContainerBatch.Found container = ContainerBatch.find();
            if (container.batch() == null) {
                err.println(String.format(Locale.ROOT, RISK, os.why() + "; " + container.why()));
                return 3;
            }
            List<String> passed = new ArrayList<>(List.of("--seed", Long.toString(seed)));
            if (!only.isEmpty()) passed.addAll(List.of("--only", only));
            if (!similarity) passed.add("--no-similarity");
            if (resume) passed.add("--resume");
            passed.addAll(List.of("--submission-time", Long.toString(budget)));
            Path course = null;
            try {
                course = CourseFolder.withExercises();
            } catch (IllegalStateException noCourse) {
                // the similarity check then has no starting code to leave out
            }
            err.println("lab: no namespace sandbox here (" + os.why() + "): grading the batch in a container");
            err.println(container.batch().describe());
            int code = container
                    .batch()
                    .grade(
                            args.stream().map(Path::of).toList(),
                            outDir,
                            roster.isEmpty() ? null : Path.of(roster),
                            course,
                            passed,
                            out,
                            err);
            out.println("(/root/out in the container is " + outDir.toAbsolutePath() + ")");
            return code;
        }
        ExerciseCatalog course = catalog();
        Gradescope.requireHiddenTests(course, "./lab grade");
        List<GradedExercise> exercises = only.isEmpty() ? course.all() : course.byIds(List.of(only.split(",")));
        List<String> ids = exercises.stream().map(GradedExercise::id).toList();
        List<Submissions.Submission> subs =
                Submissions.discover(args.stream().map(Path::of).toList());
        boolean batch = subs.size() > 1;
        Map<String, Report> earlier = new LinkedHashMap<>();
        if (resume) {
            for (Submissions.Submission s : subs) {
                ResultsJson.readReport(outDir.resolve(safe(s.student())).resolve("results.json"), s.student())
                        .ifPresent(r -> {
                            if (sameExercises(r, exercises)) {
                                earlier.put(s.student(), r);
                            } else {
                                err.println("lab: " + s.student() + ": " + safe(s.student())
                                        + "/results.json grades " + ids(r) + ", not " + ids + " as now (an earlier"
                                        + " run's --only, or another assignment's --out?): graded again");
                            }
                        });
            }
        }
        List<Submissions.Submission> todo =
                subs.stream().filter(s -> !earlier.containsKey(s.student())).toList();
        int parallel = parallelism();
        err.println(os.describe());
        err.printf(
                Locale.ROOT,
                "grading %d submission(s)%s, %d at a time, randomised cases seed %d%n",
                todo.size(),
                resume ? " (" + earlier.size() + " already graded: --resume)" : "",
                parallel,
                seed);
        Map<String, Report> graded = new java.util.concurrent.ConcurrentHashMap<>(earlier);
        Path csv = outDir.resolve("gradebook.csv");
        try (Grader g = new Grader(course, Limits.defaults(), os).submissionBudget(budget * 1000)) {
            List<Report> fresh = todo.isEmpty()
                    ? List.of()
                    : g.gradeAll(todo, exercises, Grader.Scope.ALL_TESTS, seed, parallel, err, r -> {
                        try {
                            ResultsJson.write(outDir.resolve(safe(r.student())), r, os.describe());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        graded.put(r.student(), r);
                        if (batch) {
                            try {
                                writeGradebook(csv, subs, graded, ids);
                            } catch (java.io.UncheckedIOException e) {
                                err.println("lab: " + e.getMessage()); // written again at the end
                            }
                        }
                    });
            fresh.forEach(r -> graded.put(r.student(), r)); // a report that could not be written is still counted
            List<Report> reports = subs.stream()
                    .map(s -> graded.get(s.student()))
                    .filter(java.util.Objects::nonNull)
                    .toList();
            if (reports.size() == 1 && !batch) {
                out.print(reports.get(0));
            } else {
                for (Report r : reports) {
                    out.printf(
                            Locale.ROOT,
                            "%-24s %6s/%s%n",
                            r.student(),
                            Report.points(r.score()),
                            Report.points(r.maxScore()));
                }
            }
            out.println("results.json per submission under " + outDir.toAbsolutePath());
            if (batch) {
                ClassReports.writeAndSay(outDir, reports, exercises, subs, roster, similarity, out);
            }
        } finally {
            if (batch && !graded.isEmpty()) {
                writeGradebook(csv, subs, graded, ids);
                out.println("gradebook: " + csv.toAbsolutePath());
            }
        }
        return 0;
    }

    /**
     * Whether an earlier report grades what is graded now — the same exercises, each worth the same — so that
     * {@code --resume} may keep it: a report of another {@code --only} or of another assignment in a reused
     * {@code --out} would leave the student without the other exercises' points.
     */
    static boolean sameExercises(Report earlier, List<GradedExercise> exercises) {
        if (earlier.exercises().size() != exercises.size()) return false;
        for (int k = 0; k < exercises.size(); k++) {
            var was = earlier.exercises().get(k);
            GradedExercise now = exercises.get(k);
            if (!was.id().equals(now.id()) || was.maxScore() != now.points()) return false;
        }
        return true;
    }

    private static List<String> ids(Report r) {
        return r.exercises().stream().map(e -> e.id()).toList();
    }

    /**
     * Refuses an output folder that is, or is inside, a folder being graded, or that holds one: the reports would be
     * written among the students' work (a student's own {@code results.json} overwritten), and the next run would
     * grade the batch's own files as students.
     */
    static void requireOutputApart(Path out, List<String> named) {
        Path o = real(out);
        for (String n : named) {
            Path p = Path.of(n);
            if (!Files.isDirectory(p)) continue;
            Path graded = real(p);
            if (o.startsWith(graded) || graded.startsWith(o)) {
                throw new IllegalArgumentException("--out " + out + (o.startsWith(graded) ? " is inside " : " holds ")
                        + n + ", which is being graded: the reports would be written among the students' work;"
                        + " choose an --out folder apart from it (e.g. --out grades beside it)");
            }
        }
    }

    /** A path with every link of the part that exists resolved, so two names of one folder compare equal. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** {@code --submission-time}'s value: whole seconds, at least 1. */
    private static long seconds(String value) {
        try {
            long s = Long.parseLong(value.trim());
            if (s >= 1 && s <= 24 * 3600) return s;
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(
                "--submission-time takes the seconds one submission's exercises may take in all, a whole"
                        + " number from 1 to 86400 (default " + Grader.SUBMISSION_MILLIS / 1000 + "), but is \"" + value
                        + "\"");
    }

    /** The gradebook of what has been graded so far, in the submissions' order, written atomically. */
    private static synchronized void writeGradebook(
            Path csv, List<Submissions.Submission> subs, Map<String, Report> graded, List<String> ids) {
        List<Report> reports = subs.stream()
                .map(s -> graded.get(s.student()))
                .filter(java.util.Objects::nonNull)
                .toList();
        try {
            Files.createDirectories(csv.getParent());
            Path tmp = Files.createTempFile(csv.getParent(), "gradebook", ".csv.tmp");
            Files.write(tmp, Gradebook.csv(reports, ids).getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Submissions graded at once: one per core, and one more to fill the gaps while a child JVM starts. */
    static int parallelism() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    /**
     * Wall time of one full submission and of a batch of copies, for the figures of docs/performance.md: in the
     * OS sandbox where there is one, then without it, and the ratio of the two.
     */
    private static int bench(int copies, PrintStream out, PrintStream err) throws IOException {
        OsSandbox os = OsSandbox.detect();
        int code = 0;
        double[] with = null;
        if (os.isolated()) {
            out.println("with the sandbox — " + os.describe());
            with = new double[2];
            code |= benchOnce(copies, os, with, out, err);
        } else {
            out.println("no sandbox on this machine: " + os.why());
        }
        double[] without = new double[2];
        out.println("without it (--unsandboxed)");
        code |= benchOnce(copies, OsSandbox.none("--unsandboxed"), without, out, err);
        if (with != null) {
            out.printf(
                    Locale.ROOT,
                    "sandbox / none: one submission %.2f×, the batch %.2f×%n",
                    with[0] / without[0],
                    with[1] / without[1]);
        }
        return code;
    }

    /** One run of the figures; {@code times} gets the single submission's and the batch's wall time. */
    private static int benchOnce(int copies, OsSandbox os, double[] times, PrintStream out, PrintStream err)
            throws IOException {
        Path home = CourseFolder.withExercises();
        Path solutions = home.resolve("solutions");
        Path batch = Files.createTempDirectory("lstmlab-bench-");
        int parallel = parallelism();
        ExerciseCatalog course = catalog();
        int n = course.all().size();
        try (Grader g = new Grader(course, Limits.defaults(), os)) {
            try {
                g.awaitWarmUp(); // figures of grading, not of starting the grader
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double load0 = loadAverage();
            double[] cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            Report one = g.grade("solutions", solutions, course.all(), Grader.Scope.ALL_TESTS, 1);
            double single = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = cpuSeconds();
            for (int k = 1; k <= copies; k++) {
                copy(solutions, batch.resolve(String.format(Locale.ROOT, "student%02d", k)));
            }
            long t1 = System.nanoTime();
            List<Report> all = g.gradeAll(
                    Submissions.discover(List.of(batch)), course.all(), Grader.Scope.ALL_TESTS, 1, parallel, err);
            double many = (System.nanoTime() - t1) / 1e9;
            double[] cpu2 = cpuSeconds();
            times[0] = single;
            times[1] = many;
            boolean full = one.score() == one.maxScore() && all.stream().allMatch(r -> r.score() == r.maxScore());
            out.printf(
                    Locale.ROOT,
                    "cores: %d, submissions at a time: %d, load average (1 min) before %.2f, at the end %.2f%n",
                    Runtime.getRuntime().availableProcessors(),
                    parallel,
                    load0,
                    loadAverage());
            out.printf(
                    Locale.ROOT,
                    "one submission (%d exercises, %d child JVM): %.1f s, %s/%s%n",
                    n,
                    one.childJvms(),
                    single,
                    Report.points(one.score()),
                    Report.points(one.maxScore()));
            out.printf(
                    Locale.ROOT,
                    "batch of %d copies (%d child JVMs): %.1f s, %.2f s per submission%s%n",
                    copies,
                    all.stream().mapToInt(Report::childJvms).sum(),
                    many,
                    many / copies,
                    full
                            ? ", every copy " + Report.points(one.maxScore()) + "/" + Report.points(one.maxScore())
                            : ", NOT every copy scored full marks");
            if (cpu0 != null) {
                String counted = os.isolated()
                        ? (cpu0[2] >= 0 ? "counted by their control groups" : "NOT counted: no control group says it")
                        : "counted as ended children";
                out.printf(
                        Locale.ROOT,
                        "CPU time (grader + its sandboxes' processes, %s): one submission %.1f s + %.1f s, the batch"
                                + " %.2f s + %.2f s = %.2f s per submission%n",
                        counted,
                        cpu1[0] - cpu0[0],
                        children(os, cpu0, cpu1),
                        (cpu2[0] - cpu1[0]) / copies,
                        children(os, cpu1, cpu2) / copies,
                        (cpu2[0] - cpu1[0] + children(os, cpu1, cpu2)) / copies);
            }
            return full ? 0 : 1;
        } finally {
            try (var walk = Files.walk(batch)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Linux: the CPU seconds of this JVM, of its ended children (user + system, from {@code /proc/self/stat}) and of
     * its sandboxes ({@link OsSandbox#sandboxCpuSeconds}, -1 where not known) so far, or null elsewhere.
     */
    private static double[] cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double tick = 100.0; // USER_HZ on Linux
            return new double[] {
                (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick, // utime, stime
                (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick, // cutime, cstime
                OsSandbox.sandboxCpuSeconds()
            };
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }

    /**
     * The CPU seconds of the grader's children between two readings: in the OS sandbox, what their control groups
     * counted (their processes are in PID namespaces of their own, which the ended children's count misses);
     * without one, the ended children's count.
     */
    static double children(OsSandbox os, double[] from, double[] to) {
        return os.isolated() && from[2] >= 0 && to[2] >= 0 ? to[2] - from[2] : to[1] - from[1];
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

    /** What a batch writes into {@code --out} beside the students' folders. */
    static final java.util.Set<String> BATCH_FILES = java.util.Set.of(
            "gradebook.csv",
            "gradebook-canvas.csv",
            "gradebook-moodle.csv",
            "class-report.html",
            "class-report.json",
            "similarity");

    /**
     * The folder under {@code --out} for a student: their name in letters, digits, {@code .}, {@code _} and {@code -}
     * only, never starting with a dot or a dash, at most 64 characters; never the name of a file or folder the batch
     * writes beside them ({@code gradebook.csv}, {@code similarity}, …, in any case), so no student's report takes its
     * place. A name is kept only where no other name can come to the same folder: in lower case (a Mac's and a
     * Windows disk do not tell {@code Alice} from {@code alice}), not ending in a dot (Windows drops it), not a device
     * of Windows ({@code con}, {@code nul}, …). Any other name gets 48 bits of its SHA-256, which no student can make
     * a classmate's by choosing their file's name.
     */
    static String safe(String student) {
        String s = student.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty()
                || s.startsWith(".")
                || s.startsWith("-")
                || BATCH_FILES.contains(s.toLowerCase(Locale.ROOT))
                || WINDOWS_DEVICES.contains(s.toLowerCase(Locale.ROOT).replaceAll("\\..*", ""))) {
            s = "_" + s;
        }
        if (s.equals(student) && s.length() <= 64 && s.equals(s.toLowerCase(Locale.ROOT)) && !s.endsWith(".")) {
            return s;
        }
        String hash = java.util.HexFormat.of().formatHex(sha256(student), 0, 6);
        return s.substring(0, Math.min(s.length(), 51)) + "-" + hash;
    }

    /** Names Windows keeps for devices, with any extension: a folder {@code con} or {@code nul.txt} cannot be made. */
    static final java.util.Set<String> WINDOWS_DEVICES = java.util.Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
