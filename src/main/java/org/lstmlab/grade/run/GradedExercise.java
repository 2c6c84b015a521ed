package org.lstmlab.grade.run;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;
import org.lstmlab.grade.author.Computes;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.HiddenTests;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.SourceOrder;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.grade.sandbox.Bundle;
import org.lstmlab.grade.sandbox.SubmissionCompiler;

/**
 * One exercise as the grader knows it, read from its test class: the {@link Exercise} metadata, the
 * student's class and methods (from the nested interface) and the graded tests (from {@link Points}), with those
 * of its {@link HiddenTests} class when the class path holds it (a student edition does not).
 *
 * @param id e.g. {@code E3}
 * @param title e.g. {@code forget gate}
 * @param points what it is worth
 * @param notebook the notebook that explains it
 * @param mustNotUse library code that computes its answer
 * @param testClass the JUnit test class
 * @param handle the nested interface a test takes to call the student's code
 * @param equations each method the student implements and the equation it computes
 * @param tests each graded test method and what it is worth, in the order they run (the hidden class's last)
 * @param hiddenPoints what the tests of its {@link HiddenTests} class are worth, present or not
 * @param hiddenClasses its {@link HiddenTests} class, or none where the class path does not hold it
 */
public record GradedExercise(
        String id,
        String title,
        int points,
        String notebook,
        List<String> mustNotUse,
        Class<?> testClass,
        Class<?> handle,
        Map<String, String> equations,
        List<GradedTest> tests,
        int hiddenPoints,
        List<Class<?>> hiddenClasses) {

    /**
     * One graded test method.
     *
     * @param method its name in the test class
     * @param points what it is worth
     * @param visibility who sees its result
     */
    public record GradedTest(String method, int points, Visibility visibility) {}

    /**
     * Reads an exercise from its test class.
     *
     * @throws IllegalArgumentException naming what the class lacks, for the instructor who wrote it
     */
    public static GradedExercise of(Class<?> testClass) {
        return of(testClass, List.of());
    }

    /**
     * Reads an exercise from its test class and its {@link HiddenTests} classes.
     *
     * @throws IllegalArgumentException naming what a class lacks, for the instructor who wrote it
     */
    public static GradedExercise of(Class<?> testClass, List<Class<?>> hiddenClasses) {
        String where = testClass.getSimpleName();
        Exercise e = AnnotationSupport.findAnnotation(testClass, Exercise.class)
                .orElseThrow(() -> new IllegalArgumentException(where + " is not annotated @Exercise"));
        if (!e.id().matches("E[1-9][0-9]*")) {
            throw new IllegalArgumentException(where + ": @Exercise(id) must be E1, E2, … but is \"" + e.id() + "\"");
        }
        if (!testClass.getPackageName().equals(SubmissionCompiler.PACKAGE)) {
            throw new IllegalArgumentException(where + " must be in package " + SubmissionCompiler.PACKAGE
                    + ", the package of the student's code, but is in " + testClass.getPackageName());
        }
        List<Class<?>> handles = new ArrayList<>();
        for (Class<?> nested : testClass.getDeclaredClasses()) {
            if (nested.isInterface() && !nested.isAnnotation()) {
                handles.add(nested);
            }
        }
        if (handles.size() != 1) {
            throw new IllegalArgumentException(where + " must declare one nested interface named like the student's"
                    + " class (e.g. interface E3ForgetGate) but declares " + handles.size());
        }
        Class<?> handle = handles.get(0);
        Map<String, String> equations = new LinkedHashMap<>();
        for (String name : SourceOrder.methodOrder(handle)) {
            for (Method m : handle.getDeclaredMethods()) {
                if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
                    continue;
                }
                Computes c = m.getAnnotation(Computes.class);
                if (c == null) {
                    throw new IllegalArgumentException(where + "." + handle.getSimpleName() + "." + name
                            + " has no @Computes: say which equation the student's method computes");
                }
                equations.put(name, c.value());
            }
        }
        if (equations.isEmpty()) {
            throw new IllegalArgumentException(where + "." + handle.getSimpleName() + " declares no methods");
        }
        List<GradedTest> tests = new ArrayList<>(graded(testClass));
        int sum = sum(tests);
        if (e.hiddenPoints() < 0 || e.hiddenPoints() > e.points()) {
            throw new IllegalArgumentException(where + ": @Exercise(hiddenPoints) is " + e.hiddenPoints()
                    + ", which is not between 0 and @Exercise(points) = " + e.points());
        }
        if (sum != e.points() - e.hiddenPoints()) {
            throw new IllegalArgumentException(where + "'s @Points add up to " + sum + " but @Exercise(points) is "
                    + e.points() + (e.hiddenPoints() > 0 ? " less hiddenPoints " + e.hiddenPoints() : ""));
        }
        for (Class<?> hidden : hiddenClasses) {
            String in = hidden.getSimpleName();
            Class<?> of = hidden.getAnnotation(HiddenTests.class).value();
            if (of != testClass) {
                throw new IllegalArgumentException(
                        in + " is @HiddenTests(" + of.getSimpleName() + "), not of " + where);
            }
            List<GradedTest> more = graded(hidden);
            for (GradedTest t : more) {
                if (t.visibility() == Visibility.VISIBLE) {
                    throw new IllegalArgumentException(in + "." + t.method() + " is a hidden test but its @Points are"
                            + " visible: say visibility = Visibility.HIDDEN");
                }
                if (tests.stream().anyMatch(u -> u.method().equals(t.method()))) {
                    throw new IllegalArgumentException(in + "." + t.method() + " has the name of a test of " + where
                            + ": a hidden test's name is its own");
                }
            }
            tests.addAll(more);
        }
        int hiddenSum = sum(tests) - sum;
        if (!hiddenClasses.isEmpty() && hiddenSum != e.hiddenPoints()) {
            throw new IllegalArgumentException("the @Points of " + where + "'s hidden tests add up to " + hiddenSum
                    + " but @Exercise(hiddenPoints) is " + e.hiddenPoints());
        }
        return new GradedExercise(
                e.id(),
                e.title(),
                e.points(),
                e.notebook(),
                List.of(e.mustNotUse()),
                testClass,
                handle,
                java.util.Collections.unmodifiableMap(equations),
                List.copyOf(tests),
                e.hiddenPoints(),
                List.copyOf(hiddenClasses));
    }

    /** The graded test methods of one class, in source order. */
    private static List<GradedTest> graded(Class<?> testClass) {
        String where = testClass.getSimpleName();
        List<GradedTest> tests = new ArrayList<>();
        for (String name : SourceOrder.methodOrder(testClass)) {
            for (Method m : testClass.getDeclaredMethods()) {
                if (!m.getName().equals(name) || !isTest(m)) {
                    continue;
                }
                Points p = m.getAnnotation(Points.class);
                if (p == null) {
                    throw new IllegalArgumentException(
                            where + "." + name + " has no @Points: every graded test says what it is worth");
                }
                if (p.value() < 0) {
                    throw new IllegalArgumentException(where + "." + name + " is worth " + p.value() + " points");
                }
                tests.add(new GradedTest(name, p.value(), p.visibility()));
            }
        }
        return tests;
    }

    private static int sum(List<GradedTest> tests) {
        return tests.stream().mapToInt(GradedTest::points).sum();
    }

    /** The test classes a run of this scope selects: the visible class, and for every test the hidden ones. */
    public List<Class<?>> testClasses(Grader.Scope scope) {
        List<Class<?>> all = new ArrayList<>(List.of(testClass));
        if (scope == Grader.Scope.ALL_TESTS) {
            all.addAll(hiddenClasses);
        }
        return all;
    }

    /** Whether this class is one of the exercise's test classes, visible or hidden. */
    public boolean hasTestClass(Class<?> c) {
        return c == testClass || hiddenClasses.contains(c);
    }

    /**
     * The points a student's own check does not run: the hidden class's and the tests of the visible class that
     * are not {@link Visibility#VISIBLE}. They are graded at submission.
     */
    public int pointsNotChecked() {
        return points
                - tests.stream() // a hidden class's tests are never visible
                        .filter(t -> t.visibility() == Visibility.VISIBLE)
                        .mapToInt(GradedTest::points)
                        .sum();
    }

    /** Whether the exercise has hidden tests that the class path does not hold (as in a student edition). */
    public boolean hiddenTestsMissing() {
        return hiddenPoints > 0 && hiddenClasses.isEmpty();
    }

    private static boolean isTest(Method m) {
        return AnnotationSupport.isAnnotated(m, Test.class)
                || AnnotationSupport.isAnnotated(m, ParameterizedTest.class)
                || AnnotationSupport.isAnnotated(m, RepeatedTest.class)
                || AnnotationSupport.isAnnotated(m, TestTemplate.class)
                || AnnotationSupport.isAnnotated(m, TestFactory.class);
    }

    /** The exercise's number, e.g. 3 for E3. */
    public int number() {
        return Integer.parseInt(id.substring(1));
    }

    /** The student's class, e.g. {@code E3ForgetGate}. */
    public String className() {
        return handle.getSimpleName();
    }

    /** {@code org.lstmlab.exercises.E3ForgetGate}. */
    public String qualifiedName() {
        return SubmissionCompiler.PACKAGE + "." + className();
    }

    /** {@code E3ForgetGate.java}. */
    public String fileName() {
        return className() + ".java";
    }

    /** The graded test of this method name, or null. */
    public GradedTest test(String method) {
        return tests.stream().filter(t -> t.method().equals(method)).findFirst().orElse(null);
    }

    /**
     * The message of the exception a not-yet-implemented method throws, in both languages, English first: the
     * starter files are the same in both editions, and the grader recognises an unfinished exercise by the English
     * ({@code E4 (input gate and candidate) is not implemented yet: …}) and words it in the student's language.
     */
    public String todoMessage(String method) {
        return todoMessage(Locale.ENGLISH, method) + " / " + todoMessage(Bundle.VIETNAMESE, method);
    }

    private String todoMessage(Locale language, String method) {
        String titled =
                language.getLanguage().equals("vi") && Bundle.bundle(language).containsKey("title." + id)
                        ? Bundle.bundle(language).getString("title." + id)
                        : title;
        return Bundle.in(
                language, "starter.todo", id, titled, className(), method, equation(language, method), notebook);
    }

    /**
     * What {@code method} computes, in the student's language: its {@link Computes} equation, or where that holds
     * words ("… of one step"), the bundle's {@code computes.E8.lstmStepBackward}.
     */
    public String equation(String method) {
        return equation(Bundle.language(), method);
    }

    /** What {@code method} computes, in {@code language}'s words (English unless Vietnamese). */
    public String equation(Locale language, String method) {
        String key = "computes." + id + "." + method;
        return Bundle.has(key) ? Bundle.in(language, key) : equations.get(method);
    }

    /**
     * The library records the student's methods take or return (e.g. {@code org.lstmlab.nn.LstmParams}),
     * which the sandbox must hold; records the test class declares itself stay in the grader.
     */
    public Set<String> records() {
        Set<String> found = new TreeSet<>();
        for (Method m : handle.getDeclaredMethods()) {
            for (Type t : m.getGenericParameterTypes()) {
                collect(t, found);
            }
            collect(m.getGenericReturnType(), found);
        }
        return found;
    }

    private void collect(Type t, Set<String> found) {
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                collect(a, found);
            }
            return;
        }
        if (!(t instanceof Class<?> c) || !c.getName().startsWith("org.lstmlab.")) {
            return;
        }
        if (c.getEnclosingClass() != testClass && !found.add(c.getName())) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                collect(rc.getGenericType(), found);
            }
        }
    }
}
