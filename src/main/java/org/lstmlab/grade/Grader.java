package org.lstmlab.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lstmlab.grade.child.Wire;

/**
 * Grades submissions: compiles each exercise, runs it in its own child JVM (see {@link Sandbox}),
 * compares what came back with the expected values it alone holds, and builds a {@link Report}.
 * At most {@code parallelism} child JVMs run at once. A submission can never crash it: whatever goes
 * wrong in one exercise becomes that exercise's 0 with a message, and the others are graded.
 *
 * <pre>{@code
 * try (Grader g = new Grader(Limits.defaults(), Runtime.getRuntime().availableProcessors())) {
 *     Report r = g.grade("alice", Path.of("submissions/alice"), Exercises.ALL, Grader.randomSeed());
 *     System.out.println(r);
 * }
 * }</pre>
 */
public final class Grader implements AutoCloseable {
    private static final long MAX_UNZIPPED_BYTES = 20L << 20;
    private static final int MAX_ZIP_ENTRIES = 500;
    private static final long MAX_SOURCE_BYTES = 1L << 20;

    private final Path work;
    private final ChildRuntime runtime;
    private final Sandbox sandbox;
    private final ExecutorService children;
    private final AtomicInteger submissions = new AtomicInteger();

    /**
     * @param limits      the limits of every child JVM
     * @param parallelism how many child JVMs may run at once, ≥ 1
     */
    public Grader(Limits limits, int parallelism) throws IOException {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be ≥ 1 but is " + parallelism);
        this.work = Files.createTempDirectory("lstmlab-grade-");
        this.runtime = ChildRuntime.create(work.resolve("runtime"));
        this.sandbox = new Sandbox(runtime, limits);
        this.children = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "grader-child");
            t.setDaemon(true);
            return t;
        });
    }

    /** A fresh seed for the randomised cases, printed in every report so a run can be reproduced. */
    public static long randomSeed() {
        return new SecureRandom().nextInt(1_000_000_000);
    }

    /**
     * Grades one submission.
     *
     * @param student    the name in the report and gradebook
     * @param submission a folder or a zip shaped like {@code exercises/}; files are found by name
     * @param exercises  which exercises to grade
     * @param seed       the seed of the randomised cases
     */
    public Report grade(String student, Path submission, List<Exercise> exercises, long seed) throws IOException {
        long start = System.nanoTime();
        Path dir = work.resolve("s" + submissions.incrementAndGet());
        Files.createDirectories(dir);
        Path root;
        String unreadable = null;
        if (Files.isRegularFile(submission)
                && submission.toString().toLowerCase().endsWith(".zip")) {
            root = dir.resolve("unzipped");
            try {
                unzip(submission, root);
            } catch (IOException | IllegalArgumentException e) {
                unreadable = "the zip could not be read: " + e.getMessage();
            }
        } else if (Files.isDirectory(submission)) {
            root = submission;
        } else {
            throw new IllegalArgumentException("a submission must be a folder or a .zip shaped like exercises/, but "
                    + submission + (Files.exists(submission) ? " is neither" : " does not exist"));
        }
        List<Future<ExerciseResult>> futures = new ArrayList<>();
        for (Exercise e : exercises) {
            String fail = unreadable;
            futures.add(children.submit(() ->
                    fail != null ? ExerciseResult.zero(e, fail) : gradeExercise(e, root, dir.resolve(e.id()), seed)));
        }
        List<ExerciseResult> results = new ArrayList<>();
        for (int k = 0; k < futures.size(); k++) {
            try {
                results.add(futures.get(k).get());
            } catch (ExecutionException ex) {
                results.add(
                        ExerciseResult.zero(exercises.get(k), "the grader failed on this exercise: " + ex.getCause()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("grading was interrupted", ex);
            }
        }
        deleteQuietly(dir);
        return new Report(student, seed, List.copyOf(results), (System.nanoTime() - start) / 1e9);
    }

    private ExerciseResult gradeExercise(Exercise e, Path root, Path dir, long seed) {
        try {
            Path src = dir.resolve("src").resolve(Exercise.PACKAGE.replace('.', '/'));
            Files.createDirectories(src);
            List<Path> sources = new ArrayList<>();
            for (String id : Stream.concat(Stream.of(e.id()), e.uses().stream()).toList()) {
                Exercise x = Exercises.byId(id);
                Path found = SubmissionCompiler.find(root, x.fileName());
                if (found == null) {
                    return ExerciseResult.zero(
                            e,
                            x == e
                                    ? x.fileName() + " is not in the submission"
                                    : e.id() + " calls your " + x.className() + ", but " + x.fileName()
                                            + " is not in the submission");
                }
                if (Files.size(found) > MAX_SOURCE_BYTES) {
                    return ExerciseResult.zero(e, x.fileName() + " is larger than 1 MB: submit the exercise file only");
                }
                Path copy = src.resolve(x.fileName());
                Files.copy(found, copy);
                sources.add(copy);
            }
            String problem = SubmissionCompiler.compile(sources, dir.resolve("classes"), runtime.classpath());
            if (problem != null) {
                String broken = problem.lines()
                        .skip(1)
                        .map(l -> l.trim().split(":")[0])
                        .filter(f -> !f.isEmpty())
                        .findFirst()
                        .orElse(e.fileName());
                String who = broken.equals(e.fileName()) || !problem.startsWith("does not compile")
                        ? e.fileName()
                        : e.id() + " calls your " + broken.replace(".java", "") + ", and " + broken;
                return ExerciseResult.zero(e, who + " " + problem);
            }
            String forbidden = SubmissionCompiler.usesForbidden(e, dir.resolve("classes"));
            if (forbidden != null) return ExerciseResult.zero(e, forbidden);
            Plan plan = ExercisePlans.plan(e, seed);
            Sandbox.Run run = sandbox.run(dir.resolve("run"), dir.resolve("classes"), plan.calls(), e.className());
            plan.stopped = run.stopped();
            return judge(plan, run.outcomes());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return ExerciseResult.zero(e, "grading was interrupted");
        }
    }

    static ExerciseResult judge(Plan plan, Map<String, Wire.Outcome> outcomes) {
        List<TestResult> tests = new ArrayList<>();
        String feedback = null;
        for (Plan.Check c : plan.checks) {
            String problem;
            try {
                problem = c.problem().apply(plan, outcomes);
            } catch (RuntimeException ex) {
                problem = "could not be judged: " + ex;
            }
            tests.add(TestResult.of(c.name(), problem == null, c.points(), problem == null ? "passed" : problem));
            if (problem != null && feedback == null) feedback = problem;
        }
        return new ExerciseResult(plan.exercise, List.copyOf(tests), feedback == null ? "all tests pass" : feedback);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        long total = 0;
        int entries = 0;
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) throw new IOException("more than " + MAX_ZIP_ENTRIES + " files");
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into))
                    throw new IOException("entry " + entry.getName() + " points outside the zip");
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] buf = new byte[8192];
                try (var out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > MAX_UNZIPPED_BYTES) throw new IOException("it unpacks to more than 20 MB");
                        out.write(buf, 0, n);
                    }
                }
            }
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the temp dir is removed on close
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        children.shutdownNow();
        deleteQuietly(work);
    }
}
