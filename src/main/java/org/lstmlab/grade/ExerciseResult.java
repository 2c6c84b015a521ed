package org.lstmlab.grade;

import java.util.List;

/**
 * The grade of one exercise of one submission.
 *
 * @param exercise the exercise
 * @param tests    its graded tests, in order
 * @param feedback one line for the table: what to do next, or "all tests pass"
 */
public record ExerciseResult(Exercise exercise, List<TestResult> tests, String feedback) {

    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    public int maxScore() {
        return exercise.points();
    }

    /** A result that gives the exercise 0, with one test carrying the reason (no compile, a crash, …). */
    public static ExerciseResult zero(Exercise exercise, String reason) {
        return new ExerciseResult(
                exercise,
                List.of(new TestResult(
                        exercise.id() + " " + exercise.title(), 0, exercise.points(), reason, "visible")),
                reason);
    }
}
