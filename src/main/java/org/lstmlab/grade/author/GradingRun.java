package org.lstmlab.grade.author;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A submission while JUnit runs the exercise classes on it, as {@link StudentCodeExtension} sees it: what
 * the tests of a class may call and the run's {@link Draws}. The grader implements it (package
 * {@code grade.run}) and registers each run under the id that the JUnit configuration parameter
 * {@value #KEY} names, so the authoring API never depends on the grader.
 */
public interface GradingRun {
    /** The configuration parameter that names the run of a JUnit execution. */
    String KEY = "lstmlab.grading.run";

    /**
     * Why the exercise of this test class (visible or hidden) cannot be graded — its file is missing, does not
     * compile, or uses what it must not — or null when it can.
     *
     * @throws IllegalStateException when this run does not grade the class
     */
    String problem(Class<?> testClass);

    /**
     * The student's class as the exercise's nested interface, every call of which runs in the sandbox.
     *
     * @throws IllegalStateException when this run does not grade the class
     */
    Object handle(Class<?> testClass);

    /** The draws of the run: its seed and what it drew. */
    Draws draws();

    /** Makes the run findable by {@code id} until {@link #forget} is called. */
    static void register(String id, GradingRun run) {
        Live.RUNS.put(id, run);
    }

    /** Ends what {@link #register} began. */
    static void forget(String id) {
        Live.RUNS.remove(id);
    }

    /** The run registered under {@code id}, or null. */
    static GradingRun find(String id) {
        return Live.RUNS.get(id);
    }

    /**
     * The run the tests grade when no configuration parameter names one — an IDE or the test suite running the
     * exercise classes: the grader provides it through {@link java.util.ServiceLoader}.
     */
    interface Default extends AutoCloseable {
        GradingRun run();

        @Override
        void close();
    }

    /** Opens a {@link Default} run; the grader's implementation is named in {@code META-INF/services}. */
    interface DefaultOpener {
        Default open(org.junit.jupiter.api.extension.ExtensionContext context);
    }
}

/** The live runs of this JVM, by id. */
final class Live {
    static final Map<String, GradingRun> RUNS = new ConcurrentHashMap<>();

    private Live() {}
}
