package org.lstmlab.grade.run;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.GradingRun;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.report.TestResult;
import org.lstmlab.grade.sandbox.ChildPool;
import org.lstmlab.grade.sandbox.ChildRuntime;
import org.lstmlab.grade.sandbox.Limits;
import org.lstmlab.grade.sandbox.OsSandbox;
import org.lstmlab.grade.sandbox.Sandbox;
import org.lstmlab.grade.sandbox.SubmissionCompiler;
import org.lstmlab.grade.sandbox.Untrusted;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grades submissions: compiles each one, starts its sandbox, and has the JUnit Platform Launcher run
 * the exercise classes against it, a {@link ResultCollector} turning what happened into a
 * {@link Report}. Several submissions may be graded at once. A submission can never crash it: what
 * goes wrong in one exercise is that exercise's 0 with a message, and the others are graded.
 *
 * <pre>{@code
 * ExerciseCatalog course = ExerciseCatalog.discover(Grader.class.getClassLoader());
 * try (Grader g = new Grader(course, Limits.defaults())) {
 *     Report r = g.grade("alice", Path.of("submissions/alice"), course.all(), Grader.Scope.ALL_TESTS, Grader.randomSeed());
 *     System.out.print(r);
 * }
 * }</pre>
 */
public final class Grader implements AutoCloseable {

    /** Which tests to run. */
    public enum Scope {
        /** Every test: an instructor's grading and Gradescope. */
        ALL_TESTS,
        /** The visible tests only: a student's own check. */
        VISIBLE_TESTS
    }

    private final ExerciseCatalog catalog;
    private final Limits limits;
    private final Path work;
    private final ChildRuntime runtime;
    private final ChildPool children;
    private final Thread compilerWarmUp;
    private Thread archiving;
    private final SubmissionCompiler compiler;
    private final AtomicInteger submissions = new AtomicInteger();
    private volatile long budgetMillis = SUBMISSION_MILLIS;

    /**
     * The default {@link #submissionBudget}: 300 s for one submission's exercises, a hundred times what a whole honest
     * submission takes (about 3 s on a 2-core machine), yet less than half of what the call and exercise limits alone
     * allow (11 exercises of up to 60 s each).
     */
    public static final long SUBMISSION_MILLIS = 300_000;

    /**
     * Builds the sandbox's jars in a folder of its own, removed on close, and starts the first child JVM;
     * the compiler's warm-up follows in the background.
     */
    public Grader(ExerciseCatalog catalog, Limits limits) throws IOException {
        this(catalog, limits, OsSandbox.detect());
    }

    /**
     * A grader whose children run in {@code os}: {@link OsSandbox#detect()} for the machine's sandbox, where
     * it has one, or {@link OsSandbox#none} for none.
     */
    public Grader(ExerciseCatalog catalog, Limits limits, OsSandbox os) throws IOException {
        this.catalog = catalog;
        this.limits = limits;
        this.work = Files.createTempDirectory("lstmlab-grade-");
        if (os.kind() == OsSandbox.Kind.CONTAINER
                || os.kind() == OsSandbox.Kind.USER) { // each child's user must reach its own folder in here
            Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        }
        oneNativeThread();
        Nd4j.zeros(DataType.DOUBLE, 1, 1).addi(1); // ND4J's natives are unpacked before any child needs them
        ChildRuntime runtime =
                ChildRuntime.create(work.resolve("runtime"), catalog.records()).withSandbox(os);
        this.compiler = new SubmissionCompiler(runtime);
        this.runtime = runtime;
        this.children = new ChildPool(runtime, limits, work.resolve("children"), 1);
        children.keepSpares(0);
        // While the first child loads ND4J: load the compiler, JUnit's engine and the library code tests use.
        this.compilerWarmUp = daemon("grader-warm-up", () -> {
            compiler.warmUp();
            warmUpTests();
        });
    }

    /**
     * ND4J in the grader's JVM on one thread, as in the children and the kernel ({@code OMP_NUM_THREADS=1}). The
     * expected values are operations on arrays of a few dozen numbers: a second native thread only spins between
     * them, and it did so for as long as the grader's own thread worked (1.1 of 3.1 CPU s in one submission).
     */
    static void oneNativeThread() {
        Nd4j.getEnvironment().setMaxMasterThreads(1); // ND4J 1.0.0-M2.1's setMaxThreads changes nothing
    }

    /**
     * Keeps {@code n} child JVMs started ahead of need, so the next submission's child has loaded ND4J
     * by the time it is taken: worth its memory where submissions follow one another (a batch, the
     * notebook's checks), not for a single one.
     */
    public void keepSpareChildren(int n) throws IOException {
        children.keepSpares(n);
    }

    /**
     * Starts writing the class-data archive that children started later map, which saves each of them
     * a third of its start-up: worth it for a batch. Once only.
     */
    public synchronized void startArchive() {
        if (archiving == null) {
            archiving = daemon(
                    "class-data-archive",
                    () -> children.useRuntime(
                            runtime.withArchive(work.resolve("runtime").resolve("child.jsa"))));
        }
    }

    /**
     * Discovers the exercise classes (without running them) and runs the library code their expected
     * values come from on tiny inputs, so the first submission does not pay for loading them.
     */
    private void warmUpTests() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(catalog.loader());
        try {
            launcher()
                    .discover(LauncherDiscoveryRequestBuilder.request()
                            .selectors(catalog.all().stream()
                                    .flatMap(e -> e.testClasses(Scope.ALL_TESTS).stream())
                                    .map(DiscoverySelectors::selectClass)
                                    .toList())
                            .enableImplicitConfigurationParameters(false)
                            .build());
            Draw d = Draw.fixed();
            var x = d.uniform(1, d.b(), d.x());
            var h = d.uniform(1, d.b(), d.h());
            var lstm = new org.lstmlab.nn.LstmCell(d.lstmParams());
            lstm.backward(lstm.forward(x, h, h), h, h);
            var rnn = new org.lstmlab.nn.RnnCell(d.rnnParams(1, 1));
            rnn.forward(x, h);
            org.lstmlab.grad.GradientFlow.rnn(rnn, d.uniform(1, 1, 3, d.x()), d.uniform(1, 1, d.h()));
            org.lstmlab.train.GradientClipping.clipByGlobalNorm(new java.util.HashMap<>(java.util.Map.of("g", x)), 1);
        } catch (RuntimeException e) {
            // only a warm-up
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Writes the class-data archive and waits until it and the compiler's warm-up are done, as a benchmark should. */
    public void awaitWarmUp() throws InterruptedException {
        startArchive();
        compilerWarmUp.join();
        archiving.join();
    }

    /**
     * Ends what the grader keeps running between submissions — the sandboxed compiler's JVM, once its warm-up is done
     * — so that nothing a grading started outlives it (a student's check in the kernel); the next submission starts
     * it again.
     */
    public void idle() {
        try {
            compilerWarmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        compiler.stop();
    }

    /**
     * Sets the wall time one submission's exercises may take in all, from when it has compiled, when all its tests
     * run ({@link Scope#ALL_TESTS}); exercises it has not finished by then score 0 with a message that names the
     * budget, and the batch goes on. A call under way when it runs out ends within its own limit. Compiling exercise
     * by exercise (when the whole does not compile) stops at the same budget, counted from the submission's start. A
     * student's own check ({@link Scope#VISIBLE_TESTS}) has no budget: each exercise keeps its own limit.
     *
     * @param millis the budget, {@value #SUBMISSION_MILLIS} ms unless set
     * @return this grader
     */
    public Grader submissionBudget(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("a submission's time budget must be positive but is " + millis + " ms");
        }
        this.budgetMillis = millis;
        return this;
    }

    /** How many sandboxed compiler JVMs this grader has started. */
    public int compilersStarted() {
        return compiler.compilersStarted();
    }

    /** A fresh seed for the randomised cases, printed in every report so a run can be reproduced. */
    public static long randomSeed() {
        return new SecureRandom().nextInt(1_000_000_000);
    }

    public ExerciseCatalog catalog() {
        return catalog;
    }

    /** The operating system's sandbox the children run in. */
    public OsSandbox isolation() {
        return runtime.os();
    }

    /**
     * Grades one submission.
     *
     * @param student the name in the report and gradebook
     * @param submission a folder or a zip shaped like {@code exercises/}
     * @param exercises which exercises to grade
     * @param scope which of their tests
     * @param seed the seed of the randomised cases
     * @throws IllegalArgumentException when the submission is neither a folder nor a zip
     */
    public Report grade(String student, Path submission, List<GradedExercise> exercises, Scope scope, long seed)
            throws IOException {
        long start = System.nanoTime();
        long budget = scope == Scope.ALL_TESTS ? budgetMillis : Long.MAX_VALUE;
        try (SubmissionRun run = open(student, submission, exercises, seed, start, budget)) {
            return grade(run, exercises, scope, start);
        }
    }

    /** Runs the exercise classes against an open run; the report's time counts from {@code start} (nanoTime). */
    Report grade(SubmissionRun run, List<GradedExercise> exercises, Scope scope, long start) {
        List<ExerciseResult> results = execute(run, exercises, scope);
        return new Report(
                run.student(),
                run.draws().seed(),
                results,
                (System.nanoTime() - start) / 1e9,
                run.sandbox().childrenStarted());
    }

    /** The folder the grader works in (sandbox jars, children's folders, staged submissions); removed on close. */
    Path work() {
        return work;
    }

    /**
     * Grades submissions, {@code parallel} at a time, printing one progress line per finished one.
     *
     * @return the reports, in the order of {@code subs}
     */
    public List<Report> gradeAll(
            List<Submissions.Submission> subs,
            List<GradedExercise> exercises,
            Scope scope,
            long seed,
            int parallel,
            PrintStream progress)
            throws IOException {
        return gradeAll(subs, exercises, scope, seed, parallel, progress, r -> {});
    }

    /**
     * Grades submissions, {@code parallel} at a time, printing one progress line per finished one and handing
     * each report to {@code whenGraded} as soon as it is done (to write it, so a batch cut short keeps what it
     * graded). Whatever goes wrong with one student — grading, or {@code whenGraded} — is that student's
     * report: every exercise 0 with the reason; the others are graded on.
     *
     * @return the reports, in the order of {@code subs}
     */
    public List<Report> gradeAll(
            List<Submissions.Submission> subs,
            List<GradedExercise> exercises,
            Scope scope,
            long seed,
            int parallel,
            PrintStream progress,
            java.util.function.Consumer<Report> whenGraded)
            throws IOException {
        if (subs.size() > 1) {
            startArchive();
            keepSpareChildren(1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (Submissions.Submission s : subs) {
                futures.add(pool.submit(() -> {
                    Report r = gradeOrFail(s, exercises, scope, seed);
                    try {
                        whenGraded.accept(r);
                    } catch (RuntimeException | Error e) {
                        if (e instanceof VirtualMachineError v) {
                            throw v;
                        }
                        r = failed(s.student(), exercises, seed, "its report could not be written: " + e);
                        try {
                            whenGraded.accept(r);
                        } catch (RuntimeException again) {
                            progress.println("lab: " + s.student() + ": no report written: " + again);
                        }
                    }
                    int n = done.incrementAndGet();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    synchronized (progress) {
                        progress.printf(
                                Locale.ROOT,
                                "[%d/%d] %-24s %6s/%s   %.1f s elapsed, about %.0f s to go%n",
                                n,
                                subs.size(),
                                s.student(),
                                Report.points(r.score()),
                                Report.points(r.maxScore()),
                                elapsed,
                                elapsed / n * (subs.size() - n));
                    }
                    return r;
                }));
            }
            List<Report> reports = new ArrayList<>();
            for (int k = 0; k < futures.size(); k++) {
                try {
                    reports.add(futures.get(k).get());
                } catch (ExecutionException e) {
                    reports.add(failed(subs.get(k).student(), exercises, seed, "grading failed: " + e.getCause()));
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

    /** Grades one submission of a batch; what goes wrong is its report, never the batch's end. */
    private Report gradeOrFail(Submissions.Submission s, List<GradedExercise> exercises, Scope scope, long seed) {
        if (s.refused() != null) {
            return failed(s.student(), exercises, seed, s.refused());
        }
        try {
            return grade(s.student(), s.path(), exercises, scope, seed);
        } catch (IOException | RuntimeException | LinkageError | AssertionError e) {
            return failed(s.student(), exercises, seed, "could not be graded: " + e);
        }
    }

    /**
     * The report of a submission that could not be graded: every test of every exercise 0, with the reason.
     *
     * @param reason for the student and the instructor, e.g. "could not be graded: java.io.IOException: …"
     */
    public static Report failed(String student, List<GradedExercise> exercises, long seed, String reason) {
        String why = Untrusted.text(reason);
        List<ExerciseResult> results = new ArrayList<>();
        for (GradedExercise e : exercises) {
            List<TestResult> tests = new ArrayList<>();
            int k = 0;
            for (GradedExercise.GradedTest t : e.tests()) {
                tests.add(new TestResult(
                        e.id() + " " + e.title() + ": " + t.method(),
                        e.number() + "." + ++k,
                        0,
                        t.points(),
                        why,
                        t.visibility().gradescope()));
            }
            results.add(new ExerciseResult(e.id(), e.title(), List.copyOf(tests), why));
        }
        return new Report(student, seed, results, 0, 0);
    }

    /** Compiles a submission and starts its sandbox: what the exercise classes' tests call. */
    SubmissionRun open(String student, Path submission, List<GradedExercise> exercises, long seed) throws IOException {
        return open(student, submission, exercises, seed, System.nanoTime(), Long.MAX_VALUE);
    }

    /**
     * Compiles a submission and starts its sandbox with a budget of {@code budgetMillis}: compiling exercise by
     * exercise stops once they have passed since {@code start} (nanoTime), and calling its code once they have passed
     * since it compiled. The compiler's JVM serves every worker in turn, so the time a submission waits for it while
     * a classmate's code compiles is not charged to its calls.
     */
    private SubmissionRun open(
            String student, Path submission, List<GradedExercise> exercises, long seed, long start, long budgetMillis)
            throws IOException {
        Path dir = work.resolve("s" + submissions.incrementAndGet());
        Files.createDirectories(dir);
        Submissions.Unpacked unpacked;
        try {
            unpacked = Submissions.unpack(submission, dir);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
        Path root = unpacked.root();
        String unreadable = unpacked.problem();
        Sandbox sandbox = new Sandbox(children); // its JVM has started, and loads ND4J while we compile
        try {
            List<SubmissionCompiler.Target> targets = exercises.stream()
                    .map(e -> new SubmissionCompiler.Target(e.id(), e.className(), e.mustNotUse()))
                    .toList();
            Map<String, SubmissionCompiler.Compiled> compiled;
            if (unreadable != null) {
                String why = unreadable;
                compiled = new java.util.LinkedHashMap<>();
                targets.forEach(t -> compiled.put(t.id(), new SubmissionCompiler.Compiled(null, why)));
            } else {
                compiled = compiler.compile(
                        root, dir.resolve("compile"), targets, () -> SubmissionRun.spent(start, budgetMillis));
            }
            SubmissionRun run = new SubmissionRun(student, exercises, compiled, sandbox, seed, () -> delete(dir));
            run.budget(System.nanoTime(), budgetMillis);
            return run;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            delete(dir);
            throw e;
        }
    }

    /** Runs the exercise classes against a run with the JUnit Platform Launcher. */
    private List<ExerciseResult> execute(SubmissionRun run, List<GradedExercise> exercises, Scope scope) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(exercises.stream()
                        .flatMap(e -> e.testClasses(scope).stream())
                        .map(DiscoverySelectors::selectClass)
                        .toList())
                .filters(scopeFilter(scope))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(GradingRun.KEY, run.id())
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        ResultCollector collector = new ResultCollector();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(catalog.loader());
        try {
            launcher().execute(request, collector);
        } finally {
            thread.setContextClassLoader(before);
        }
        return collector.results(exercises);
    }

    /** A launcher with JUnit Jupiter alone: no listeners, filters or engines that happen to be on the class path. */
    private static Launcher launcher() {
        TestEngine jupiter = java.util.ServiceLoader.load(TestEngine.class, Grader.class.getClassLoader()).stream()
                .map(java.util.ServiceLoader.Provider::get)
                .filter(e -> e.getId().equals("junit-jupiter"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JUnit Jupiter's engine is not on the class path"));
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .addTestEngines(jupiter)
                .build());
    }

    /** Keeps only the tests whose {@link Points} are visible, for a student's own check. */
    private static PostDiscoveryFilter scopeFilter(Scope scope) {
        return descriptor -> {
            if (scope == Scope.ALL_TESTS || !(descriptor.getSource().orElse(null) instanceof MethodSource ms)) {
                return FilterResult.included("all tests");
            }
            Points p = null;
            try {
                Method m = ms.getJavaMethod();
                p = m.getAnnotation(Points.class);
            } catch (RuntimeException ignored) {
                // not a method of ours
            }
            return p == null || p.visibility() == Visibility.VISIBLE
                    ? FilterResult.included("visible")
                    : FilterResult.excluded(p.visibility().gradescope());
        };
    }

    /** Removes a folder and everything in it, as far as it can. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the grader's folder goes on close
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    @Override
    public synchronized void close() {
        if (archiving != null) {
            archiving.interrupt(); // stops the archive's run, if it is still going
        }
        compiler.close();
        children.close();
        delete(work);
    }
}
