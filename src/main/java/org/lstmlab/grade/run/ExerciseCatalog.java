package org.lstmlab.grade.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.ReflectionSupport;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.HiddenTests;
import org.lstmlab.grade.sandbox.SubmissionCompiler;

/**
 * The course's exercises, found rather than listed: every class of package
 * {@code org.lstmlab.exercises} annotated {@link Exercise} that a class loader can see — the
 * grader's own (with {@code target/grading-classes} or the Gradescope bundle's grading jar on its
 * class path), or one made for a course folder. Adding an exercise is adding its solution file and
 * its test class. An exercise's {@link HiddenTests} class joins it when the loader sees it: the course
 * repository's {@code target/grading-classes} and the Gradescope bundle hold them, a student edition's grading
 * jar does not.
 */
public final class ExerciseCatalog {
    private final ClassLoader loader;
    private final List<GradedExercise> exercises;

    private ExerciseCatalog(ClassLoader loader, List<GradedExercise> exercises) {
        this.loader = loader;
        this.exercises = List.copyOf(exercises);
    }

    /**
     * The exercise classes {@code loader} sees, ordered E1, E2, ….
     *
     * @throws IllegalStateException when there are none, or two share an id
     * @throws IllegalArgumentException when a test class lacks what an exercise needs
     */
    public static ExerciseCatalog discover(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // JUnit scans the context class loader's class path
        List<Class<?>> classes;
        try {
            classes = ReflectionSupport.findAllClassesInPackage(
                    SubmissionCompiler.PACKAGE,
                    c -> c.isAnnotationPresent(Exercise.class) || c.isAnnotationPresent(HiddenTests.class),
                    name -> name.endsWith("Test"));
        } finally {
            thread.setContextClassLoader(before);
        }
        return of(loader, classes);
    }

    /** The catalog of these test classes: {@link Exercise} classes and the {@link HiddenTests} classes of them. */
    public static ExerciseCatalog of(ClassLoader loader, List<Class<?>> testClasses) {
        List<GradedExercise> all = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        Map<Class<?>, List<Class<?>>> hidden = new LinkedHashMap<>();
        for (Class<?> c : testClasses) {
            HiddenTests h = c.getAnnotation(HiddenTests.class);
            if (h != null) {
                if (!testClasses.contains(h.value()) || !h.value().isAnnotationPresent(Exercise.class)) {
                    throw new IllegalStateException(c.getName() + " holds the hidden tests of "
                            + h.value().getName() + ", which is not an exercise class here");
                }
                hidden.computeIfAbsent(h.value(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Class<?> c : testClasses) {
            if (!c.isAnnotationPresent(Exercise.class)) {
                continue;
            }
            List<Class<?>> its = new ArrayList<>(hidden.getOrDefault(c, List.of()));
            its.sort(Comparator.comparing(Class::getName));
            GradedExercise e = GradedExercise.of(c, its);
            if (!ids.add(e.id())) {
                throw new IllegalStateException(
                        "two exercise classes say they are " + e.id() + ", one of them " + c.getName());
            }
            all.add(e);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no exercise classes (@Exercise in package " + SubmissionCompiler.PACKAGE
                    + ") on the class path: build them with ./lab grade, or put target/grading-classes on it");
        }
        all.sort(Comparator.comparingInt(GradedExercise::number));
        return new ExerciseCatalog(loader, all);
    }

    /** Every exercise, E1 first. */
    public List<GradedExercise> all() {
        return exercises;
    }

    /** The class loader that holds the exercise classes. */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * The exercise with this id, case-insensitive.
     *
     * @throws IllegalArgumentException naming the ids that exist
     */
    public GradedExercise byId(String id) {
        for (GradedExercise e : exercises) {
            if (e.id().equalsIgnoreCase(id.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no exercise " + id.trim() + ": the exercises are "
                + String.join(", ", exercises.stream().map(GradedExercise::id).toList()));
    }

    /** The exercises with these ids, in course order. */
    public List<GradedExercise> byIds(List<String> ids) {
        List<GradedExercise> picked = new ArrayList<>();
        for (String id : ids) {
            picked.add(byId(id));
        }
        picked.sort(Comparator.comparingInt(GradedExercise::number));
        return List.copyOf(new java.util.LinkedHashSet<>(picked));
    }

    /** The exercise whose file has this name, e.g. {@code E3ForgetGate.java}, or null. */
    public GradedExercise byFileName(String fileName) {
        return exercises.stream()
                .filter(e -> e.fileName().equals(fileName))
                .findFirst()
                .orElse(null);
    }

    /** What the exercises are worth together. */
    public int maxScore() {
        return exercises.stream().mapToInt(GradedExercise::points).sum();
    }

    /** The exercises whose hidden tests this class path does not hold: in a student edition, those that have any. */
    public List<GradedExercise> withoutHiddenTests() {
        return exercises.stream().filter(GradedExercise::hiddenTestsMissing).toList();
    }

    /** The library records that any exercise's signatures name, for the sandbox. */
    public Set<String> records() {
        Set<String> all = new TreeSet<>();
        exercises.forEach(e -> all.addAll(e.records()));
        return all;
    }
}
