package org.lstmlab.grade.author;

import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * the seed {@code lstmlab.seed}, or a random one that is printed: the grader provides that run
 * ({@link GradingRun.DefaultOpener}).
 */
public final class StudentCodeExtension implements ParameterResolver, BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StudentCodeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = run(context).problem(context.getRequiredTestClass());
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
        GradingRun run = run(context);
        if (parameter.getParameter().getType() == Draws.class) {
            return run.draws();
        }
        return run.handle(context.getRequiredTestClass());
    }

    /** The draws of the run a test belongs to. */
    static Draws draws(ExtensionContext context) {
        return run(context).draws();
    }

    private static GradingRun run(ExtensionContext context) {
        Optional<String> named = context.getConfigurationParameter(GradingRun.KEY);
        if (named.isPresent()) {
            GradingRun run = GradingRun.find(named.get());
            if (run == null) {
                throw new IllegalStateException("no grading run " + named.get() + ": it has ended");
            }
            return run;
        }
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DefaultRun.class, k -> new DefaultRun(open(context)), DefaultRun.class)
                .run
                .run();
    }

    private static GradingRun.Default open(ExtensionContext context) {
        return ServiceLoader.load(GradingRun.DefaultOpener.class, StudentCodeExtension.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no grader on the class path: the exercise classes need org.lstmlab.grade.run to grade"))
                .open(context);
    }

    /** The default run, closed by JUnit with the root context's store. */
    private static final class DefaultRun implements AutoCloseable {
        private final GradingRun.Default run;

        DefaultRun(GradingRun.Default run) {
            this.run = run;
        }

        @Override
        public void close() {
            run.close();
        }
    }
}
