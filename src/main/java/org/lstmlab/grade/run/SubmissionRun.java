package org.lstmlab.grade.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.lstmlab.grade.author.Draws;
import org.lstmlab.grade.author.GradingRun;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.sandbox.Sandbox;
import org.lstmlab.grade.sandbox.SubmissionCompiler;
import org.lstmlab.grade.sandbox.child.Value;
import org.lstmlab.grade.sandbox.child.Wire;

/**
 * One submission while JUnit runs its exercise classes: what compiling it gave each exercise, its
 * sandbox (one child JVM, replaced when needed) and the run's draws. The tests find it through the
 * JUnit configuration parameter {@value GradingRun#KEY}, so several submissions can be graded at once in one
 * grader; it hands each test a proxy of the student's class whose every call crosses into the sandbox.
 */
public final class SubmissionRun implements GradingRun, AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final String id = "run-" + IDS.incrementAndGet();
    private final String student;
    private final List<GradedExercise> exercises;
    private final Map<String, SubmissionCompiler.Compiled> compiled;
    private final Sandbox sandbox;
    private final Draws draws;
    private final Runnable cleanUp;
    private final Map<ByteBuffer, Sandbox.Result> answers = new HashMap<>();
    private volatile long start;
    private volatile long budgetMillis = Long.MAX_VALUE;

    SubmissionRun(
            String student,
            List<GradedExercise> exercises,
            Map<String, SubmissionCompiler.Compiled> compiled,
            Sandbox sandbox,
            long seed,
            Runnable cleanUp) {
        this.student = student;
        this.exercises = List.copyOf(exercises);
        this.compiled = Map.copyOf(compiled);
        this.sandbox = sandbox;
        this.draws = new Draws(seed);
        this.cleanUp = cleanUp;
        GradingRun.register(id, this);
    }

    String id() {
        return id;
    }

    String student() {
        return student;
    }

    @Override
    public Draws draws() {
        return draws;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** The exercise of this test class (visible or hidden), or null when this run does not grade it. */
    GradedExercise exercise(Class<?> testClass) {
        return exercises.stream()
                .filter(e -> e.hasTestClass(testClass))
                .findFirst()
                .orElse(null);
    }

    @Override
    public String problem(Class<?> testClass) {
        return problem(required(testClass));
    }

    @Override
    public Object handle(Class<?> testClass) {
        return handle(required(testClass));
    }

    private GradedExercise required(Class<?> testClass) {
        GradedExercise e = exercise(testClass);
        if (e == null) {
            throw new IllegalStateException(
                    testClass.getSimpleName() + " is not an exercise of this grading run"); // for the instructor
        }
        return e;
    }

    /**
     * Gives the submission's exercises {@code millis} of wall time counted from {@code start} (nanoTime): once they
     * are spent, every exercise it has not finished fails with the budget's message instead of calling its code.
     */
    void budget(long start, long millis) {
        this.start = start;
        this.budgetMillis = millis;
    }

    /**
     * Why the exercise cannot be graded (no file, does not compile, breaks a rule, the submission's time is spent),
     * or null.
     */
    String problem(GradedExercise e) {
        SubmissionCompiler.Compiled c = compiled.get(e.id());
        if (c == null) {
            return Say.say("run.notGraded");
        }
        if (c.problem() != null) {
            return c.problem();
        }
        return spent(start, budgetMillis);
    }

    /** The budget's message once {@code millis} have passed since {@code start} (nanoTime), else null. */
    static String spent(long start, long millis) {
        return (System.nanoTime() - start) / 1_000_000 >= millis
                ? Say.say("run.budgetSpent", Math.max(1, millis / 1000))
                : null;
    }

    /** The student's class as the exercise's interface, every call of which runs in the sandbox. */
    Object handle(GradedExercise e) {
        return Proxy.newProxyInstance(e.handle().getClassLoader(), new Class<?>[] {e.handle()}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> student + "'s " + e.className();
                };
            }
            return call(e, m, args == null ? new Object[0] : args);
        });
    }

    private synchronized Object call(GradedExercise e, Method m, Object[] args) {
        String problem = problem(e);
        if (problem != null) {
            throw new StudentCodeFailed(StudentCodeFailed.Kind.STOPPED, problem);
        }
        List<Value> values = new ArrayList<>();
        for (Object a : args) {
            values.add(Values.toValue(a));
        }
        Sandbox.Result r = answers.get(question(e, m, values));
        if (r == null) {
            r = sandbox.call(e.id(), compiled.get(e.id()).classes(), e.qualifiedName(), m.getName(), values);
            if (r.kind() != Sandbox.Result.Kind.STOPPED) {
                answers.put(question(e, m, values), r);
            }
        }
        return switch (r.kind()) {
            case RETURNED -> {
                if (r.value() == null) {
                    throw new StudentCodeFailed(
                            StudentCodeFailed.Kind.UNREADABLE, Say.say("run.returnedNothing", Values.name(e, m)));
                }
                yield Values.fromValue(r.value(), m.getGenericReturnType(), Values.name(e, m));
            }
            case THREW -> throw threw(e, m, r.message());
            case STOPPED -> throw new StudentCodeFailed(StudentCodeFailed.Kind.STOPPED, r.message());
        };
    }

    /**
     * A call as bytes, to recognise the same question asked again: the fixed case's test re-asks the
     * randomised cases, and a property test asks what another test asked. The student's answer to a
     * question, in a fresh class loader each time, is the same; it is asked once per submission.
     */
    private static ByteBuffer question(GradedExercise e, Method m, List<Value> args) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(e.id() + "." + m.getName());
            for (Value v : args) {
                Wire.writeValue(out, v);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    /** What to tell the student about an exception their method threw. */
    public static StudentCodeFailed threw(GradedExercise e, Method m, String message) {
        if (message.contains("is not implemented yet")) { // for the instructor
            if (message.contains(": " + e.id() + " (")) {
                return new StudentCodeFailed(
                        StudentCodeFailed.Kind.NOT_IMPLEMENTED,
                        Say.say("run.notImplemented", Values.name(e, m), e.equation(m.getName()), e.notebook()));
            }
            String marker = "UnsupportedOperationException: ";
            int from = message.indexOf(marker) + marker.length();
            int to = message.indexOf(" is not implemented yet"); // for the instructor
            String other = from >= marker.length() && from < to ? message.substring(from, to) : "";
            java.util.regex.Matcher id =
                    java.util.regex.Pattern.compile("^(E\\d+) \\((.*)\\)$").matcher(other);
            if (id.matches()) { // the starter's "E4 (input gate and candidate)", with the title in the student's words
                other = id.group(1) + " (" + Say.title(id.group(1), id.group(2)) + ")";
            }
            return new StudentCodeFailed(
                    StudentCodeFailed.Kind.NOT_IMPLEMENTED,
                    other.isEmpty() ? Say.say("run.callsAnother", e.id()) : Say.say("run.calls", e.id(), other));
        }
        if (message.contains("OutOfMemoryError")
                || message.contains("Allocation failed")
                || message.contains("bad_alloc")) {
            return new StudentCodeFailed(
                    StudentCodeFailed.Kind.THREW,
                    Say.say(
                            "run.outOfMemory",
                            Values.name(e, m),
                            message.lines().findFirst().orElse("")));
        }
        return new StudentCodeFailed(StudentCodeFailed.Kind.THREW, Say.say("run.threw", Values.name(e, m), message));
    }

    @Override
    public void close() {
        GradingRun.forget(id);
        try {
            sandbox.close();
        } finally {
            cleanUp.run();
        }
    }
}
