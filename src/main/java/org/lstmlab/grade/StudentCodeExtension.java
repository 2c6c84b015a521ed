package org.lstmlab.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.lstmlab.data.CourseFolder;
import org.lstmlab.grade.sandbox.Limits;

/**
 * The JUnit extension of every {@link Exercise} class. It hands a test the student's code — a
 * parameter whose type is the exercise's nested interface gets a proxy whose every call runs in the
 * sandbox — and the run's {@link Draws}. Before an exercise's tests run, it fails them all with the
 * reason when the submission cannot be graded for that exercise (its file is missing, does not
 * compile, or uses what it must not).
 *
 * <p>Run by the grader, the JUnit configuration parameter {@code lstmlab.grading.run} names the
 * submission. Run by an IDE or the test suite, the tests grade the course's {@code solutions/} (or
 * the folder the configuration parameter or system property {@code lstmlab.submission} names) with
 * the seed {@code lstmlab.seed}, or a random one that is printed.
 */
public final class StudentCodeExtension implements ParameterResolver, BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StudentCodeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        SubmissionRun run = run(context);
        GradedExercise e = exercise(run, context.getRequiredTestClass());
        String problem = run.problem(e);
        if (problem != null) {
            throw new StudentCodeFailed(StudentCodeFailed.Kind.STOPPED, problem);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Class<?> testClass = context.getRequiredTestClass();
        HiddenTests hidden = testClass.getAnnotation(HiddenTests.class);
        Class<?> exerciseClass = hidden == null ? testClass : hidden.value(); // hidden tests take the visible's handle
        return type == Draws.class || (type.isInterface() && type.getEnclosingClass() == exerciseClass);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SubmissionRun run = run(context);
        if (parameter.getParameter().getType() == Draws.class) {
            return run.draws();
        }
        return run.handle(exercise(run, context.getRequiredTestClass()));
    }

    /** The draws of the run a test belongs to. */
    static Draws draws(ExtensionContext context) {
        return run(context).draws();
    }

    private static GradedExercise exercise(SubmissionRun run, Class<?> testClass) {
        GradedExercise e = run.exercise(testClass);
        if (e == null) {
            throw new IllegalStateException(testClass.getSimpleName() + " is not an exercise of this grading run");
        }
        return e;
    }

    private static SubmissionRun run(ExtensionContext context) {
        Optional<String> named = context.getConfigurationParameter(SubmissionRun.KEY);
        if (named.isPresent()) {
            SubmissionRun run = SubmissionRun.find(named.get());
            if (run == null) {
                throw new IllegalStateException("no grading run " + named.get() + ": it has ended");
            }
            return run;
        }
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DefaultRun.class, k -> DefaultRun.open(context), DefaultRun.class)
                .run;
    }

    /** The course's reference solutions graded the way an IDE or the test suite runs the classes. */
    private static final class DefaultRun implements AutoCloseable {
        private final Grader grader;
        private final SubmissionRun run;

        private DefaultRun(Grader grader, SubmissionRun run) {
            this.grader = grader;
            this.run = run;
        }

        static DefaultRun open(ExtensionContext context) {
            Path home = CourseFolder.withExercises();
            Path submission = context.getConfigurationParameter("lstmlab.submission")
                    .map(Path::of)
                    .orElse(home.resolve("solutions"));
            long seed = context.getConfigurationParameter("lstmlab.seed")
                    .map(Long::parseLong)
                    .orElseGet(Grader::randomSeed);
            ExerciseCatalog catalog =
                    ExerciseCatalog.discover(context.getRequiredTestClass().getClassLoader());
            try {
                Grader grader = new Grader(catalog, Limits.defaults());
                System.out.println("LSTM Lab: grading " + submission + " with seed " + seed + " (-Dlstmlab.seed=" + seed
                        + " repeats it)");
                return new DefaultRun(
                        grader, grader.open(submission.getFileName().toString(), submission, catalog.all(), seed));
            } catch (IOException e) {
                throw new UncheckedIOException("could not grade " + submission, e);
            }
        }

        @Override
        public void close() {
            try {
                run.close();
            } finally {
                grader.close();
            }
        }
    }
}
