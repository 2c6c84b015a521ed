package org.lstmlab.grade.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.edition.Edition;
import org.lstmlab.grade.report.Report;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.sandbox.Limits;

/**
 * A student's check of their own {@code exercises/}, from a notebook cell in the course kernel
 * ({@code check("E3")}, shown as a table) or from {@code ./lab check}: the same grader and sandbox as
 * an instructor's, running the visible tests; the report says under its table how many points of hidden tests are
 * graded at submission. One grader serves every check of a JVM.
 */
public final class Check {
    /**
     * The environment variable that fixes the seed of a check's randomised cases (the site build sets it, so its
     * pages show the same report on every build); unset, every check draws a fresh seed and prints it.
     */
    public static final String SEED_VARIABLE = "LSTMLAB_CHECK_SEED";

    private static Grader shared;

    private Check() {}

    /** Grades every exercise of the student's {@code exercises/}. */
    public static Report check() {
        return run(null);
    }

    /**
     * Grades one exercise of the student's {@code exercises/}.
     *
     * @param exercise {@code "E1"} … {@code "E9"}, {@code "E11"}
     * @throws IllegalArgumentException for an unknown exercise, naming the ones that exist
     */
    public static Report check(String exercise) {
        return run(exercise);
    }

    private static Report run(String exercise) {
        Path home = CourseFolder.withExercises();
        Path folder = home.resolve("exercises");
        try {
            Grader g = grader(home);
            List<GradedExercise> which =
                    exercise == null ? g.catalog().all() : List.of(g.catalog().byId(exercise));
            Report r;
            try {
                r = g.grade("exercises", folder, which, Grader.Scope.VISIBLE_TESTS, seed(System.getenv(SEED_VARIABLE)));
            } finally {
                g.idle(); // the kernel's process tree is the kernel alone between checks
            }
            Map<String, Integer> hidden = new LinkedHashMap<>();
            which.stream().filter(e -> e.pointsNotChecked() > 0).forEach(e -> hidden.put(e.id(), e.pointsNotChecked()));
            return new Report(r.student(), r.seed(), r.exercises(), r.seconds(), r.childJvms(), hidden);
        } catch (IOException e) {
            throw new UncheckedIOException("could not grade " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The seed {@value #SEED_VARIABLE} names, or a fresh one when it is unset or blank. */
    static long seed(String fixed) {
        if (fixed == null || fixed.isBlank()) return Grader.randomSeed();
        try {
            return Long.parseLong(fixed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SEED_VARIABLE + " must be a whole number (the seed of the randomised cases) but is \"" + fixed
                            + "\"",
                    e);
        }
    }

    private static synchronized Grader grader(Path home) throws IOException {
        if (shared == null) {
            // No spare child between checks: each check's grading JVM starts with it (loading ND4J while the
            // submission compiles) and ends with it, so the kernel's process tree is the kernel alone between checks
            // (a spare kept ready cost a student 120 MB of memory for as long as the kernel ran).
            Grader g = new Grader(catalog(home), Limits.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(g::close, "lstmlab-check-cleanup"));
            shared = g;
        }
        return shared;
    }

    /**
     * The exercise classes on the class path, else the student edition's grading jar beside the library's jar
     * ({@code lib/}), else those the build wrote into the course's {@code target/grading-classes}.
     */
    static ExerciseCatalog catalog(Path home) {
        ClassLoader own = Check.class.getClassLoader();
        try {
            return ExerciseCatalog.discover(own);
        } catch (IllegalStateException none) {
            Path edition = Edition.gradingJarBesideLibrary();
            Path classes = edition != null ? edition : home.resolve("target").resolve("grading-classes");
            if (!Files.exists(classes)) {
                throw new IllegalStateException("the exercise classes are not built: run ./lab check once in " + home
                        + " (it compiles them into " + classes + ")");
            }
            try {
                return ExerciseCatalog.discover(
                        new URLClassLoader(new URL[] {classes.toUri().toURL()}, own));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
