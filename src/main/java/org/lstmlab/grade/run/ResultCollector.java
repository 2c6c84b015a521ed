package org.lstmlab.grade.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.report.ExerciseResult;
import org.lstmlab.grade.report.TestResult;

/**
 * Listens to JUnit running a submission's exercise classes and turns what happened into
 * {@link ExerciseResult}s: a test earns its {@link Points} when it passed — a parameterized or
 * repeated test when every invocation passed — and nothing otherwise, with the failure's message as
 * its output. A test that never ran (its class failed before it, it was skipped or aborted) earns
 * nothing either, with the reason.
 */
final class ResultCollector implements TestExecutionListener {
    private volatile TestPlan plan;
    private final Map<String, TestExecutionResult> finished = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();
    private final Map<String, List<TestIdentifier>> invocations = new ConcurrentHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        id.getParentId()
                .ifPresent(p ->
                        invocations.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        skipped.put(id.getUniqueId(), reason == null ? "skipped" : reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished.put(id.getUniqueId(), result);
    }

    /** One result per exercise that had tests in the run, with its tests in the order they ran. */
    List<ExerciseResult> results(List<GradedExercise> exercises) {
        List<ExerciseResult> all = new ArrayList<>();
        for (GradedExercise e : exercises) {
            List<TestIdentifier> methods = new ArrayList<>();
            for (Class<?> c : e.testClasses(Grader.Scope.ALL_TESTS)) { // the visible class first, then the hidden
                find(plan.getRoots(), c.getName()).ifPresent(cls -> methods.addAll(plan.getChildren(cls)));
            }
            List<TestResult> tests = new ArrayList<>();
            String feedback = null;
            int k = 0;
            for (TestIdentifier m : methods) {
                if (!(m.getSource().orElse(null) instanceof MethodSource ms) || e.test(ms.getMethodName()) == null) {
                    continue;
                }
                GradedExercise.GradedTest t = e.test(ms.getMethodName());
                String failure = failure(m);
                tests.add(new TestResult(
                        e.id() + " " + e.title() + ": " + testName(e.id(), ms.getMethodName(), m.getDisplayName()),
                        e.number() + "." + ++k,
                        failure == null ? t.points() : 0,
                        t.points(),
                        failure == null ? passed(m) : failure,
                        t.visibility().gradescope(),
                        failure == null ? null : Diagnoses.of(cause(m), failure)));
                if (failure != null && feedback == null) {
                    feedback = failure;
                }
            }
            if (!tests.isEmpty()) {
                all.add(new ExerciseResult(
                        e.id(),
                        e.title(),
                        List.copyOf(tests),
                        feedback == null ? Say.say("result.allPass") : feedback));
            }
        }
        return all;
    }

    private Optional<TestIdentifier> find(Iterable<TestIdentifier> level, String className) {
        for (TestIdentifier id : level) {
            TestSource source = id.getSource().orElse(null);
            if (source instanceof ClassSource cs && cs.getClassName().equals(className)) {
                return Optional.of(id);
            }
            Optional<TestIdentifier> below = find(plan.getChildren(id), className);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Null when the test passed; otherwise why it earns nothing. */
    private String failure(TestIdentifier test) {
        TestExecutionResult r = finished.get(test.getUniqueId());
        if (r == null) {
            return notRun(test);
        }
        if (r.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            return message(r);
        }
        if (test.isContainer()) {
            List<TestIdentifier> cases = invocations.getOrDefault(test.getUniqueId(), List.of());
            if (cases.isEmpty()) {
                return Say.say("result.noCase");
            }
            for (TestIdentifier c : cases) {
                String f = failure(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** What threw when the test failed: the first failed case's, or that of the container that failed above it. */
    private Throwable cause(TestIdentifier test) {
        TestExecutionResult r = finished.get(test.getUniqueId());
        if (r == null) {
            for (Optional<String> p = test.getParentId();
                    p.isPresent();
                    p = plan.getTestIdentifier(p.get()).getParentId()) {
                TestExecutionResult above = finished.get(p.get());
                if (above != null && above.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    return above.getThrowable().orElse(null);
                }
            }
            return null;
        }
        if (r.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            return r.getThrowable().orElse(null);
        }
        for (TestIdentifier c : invocations.getOrDefault(test.getUniqueId(), List.of())) {
            if (failure(c) != null) {
                return cause(c);
            }
        }
        return null;
    }

    private String passed(TestIdentifier test) {
        List<TestIdentifier> cases = invocations.getOrDefault(test.getUniqueId(), List.of());
        return cases.isEmpty()
                ? Say.say("result.passed")
                : Say.say(
                        "result.passedCases",
                        String.join(
                                "; ",
                                cases.stream()
                                        .map(c -> caseName(c.getDisplayName()))
                                        .toList()));
    }

    /**
     * A test's name in the student's language: {@code test.E8.<method>}, else {@code test.<method>} of the bundle,
     * else its display name ({@code MessagesTest} holds every graded test's key equal to its English display name).
     */
    static String testName(String id, String method, String displayName) {
        String hidden = hiddenKey(id, method);
        String own = "test." + id + "." + method;
        String shared = "test." + method;
        return Say.has(hidden)
                ? Say.say(hidden)
                : Say.has(own) ? Say.say(own) : Say.has(shared) ? Say.say(shared) : displayName;
    }

    /**
     * A hidden test's key: {@code test.hidden.} and the hash of {@code E7.<method>}, so the bundle, which every
     * student edition carries, never names a hidden test.
     */
    static String hiddenKey(String id, String method) {
        return "test.hidden." + Integer.toHexString((id + "." + method).hashCode());
    }

    private static final java.util.regex.Pattern RANDOMISED_CASE =
            java.util.regex.Pattern.compile("randomised case (\\d+)(?: \\((.*)\\))?"); // for the instructor

    /**
     * A randomised case's name ({@code @ParameterizedTest(name = "randomised case {index} ({0})")}, or without the
     * case's sizes), worded.
     */
    static String caseName(String displayName) {
        java.util.regex.Matcher m = RANDOMISED_CASE.matcher(displayName);
        if (!m.matches()) return displayName;
        return m.group(2) == null
                ? Say.say("test.randomisedCaseNumber", m.group(1))
                : Say.say("test.randomisedCase", m.group(1), m.group(2));
    }

    /** Why a test has no result: its class (or another container above it) failed, or it was skipped. */
    private String notRun(TestIdentifier test) {
        String reason = skipped.get(test.getUniqueId());
        if (reason != null) {
            return Say.say("result.didNotRunBecause", reason);
        }
        for (Optional<String> p = test.getParentId();
                p.isPresent();
                p = plan.getTestIdentifier(p.get()).getParentId()) {
            String above = skipped.get(p.get());
            if (above != null) {
                return Say.say("result.didNotRunBecause", above);
            }
            TestExecutionResult r = finished.get(p.get());
            if (r != null && r.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                return message(r);
            }
        }
        return Say.say("result.didNotRun");
    }

    /** The message of a failed or aborted result: the feedback, or what went wrong in the test itself. */
    static String message(TestExecutionResult r) {
        Throwable t = r.getThrowable().orElse(null);
        if (t == null) {
            return Say.say(r.getStatus() == TestExecutionResult.Status.ABORTED ? "result.aborted" : "result.failed");
        }
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (r.getStatus() == TestExecutionResult.Status.ABORTED) {
            return Say.say("result.abortedBecause", m);
        }
        if (t instanceof AssertionError) {
            return m.isEmpty() ? Say.say("result.failed") : m;
        }
        return Say.say("result.testFailed", t);
    }
}
