package org.lstmlab.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.lstmlab.data.CourseFolder;

/**
 * A student's self-check of their own {@code exercises/}, from a notebook cell in the course kernel
 * ({@code check("E3")}, shown as a table) or from {@code ./lab check}. Same grader, same isolation.
 */
public final class Check {
    private Check() {}

    /** Grades every exercise of the student's {@code exercises/}. */
    public static Report check() {
        return run(Exercises.ALL);
    }

    /**
     * Grades one exercise of the student's {@code exercises/}.
     *
     * @param exercise {@code "E1"} … {@code "E9"}
     * @throws IllegalArgumentException for an unknown exercise, naming the ones that exist
     */
    public static Report check(String exercise) {
        return run(List.of(Exercises.byId(exercise)));
    }

    static Report run(List<Exercise> exercises) {
        var folder = CourseFolder.withExercises().resolve("exercises");
        int cores = Runtime.getRuntime().availableProcessors();
        try (Grader g = new Grader(Limits.defaults(), Math.max(1, Math.min(cores, exercises.size())))) {
            return g.grade("exercises", folder, exercises, Grader.randomSeed());
        } catch (IOException e) {
            throw new UncheckedIOException("could not grade " + folder + ": " + e.getMessage(), e);
        }
    }
}
