package org.lstmlab.grade.report;

import java.util.List;

/**
 * The grade of one exercise of one submission.
 *
 * @param id e.g. {@code E3}
 * @param title e.g. {@code forget gate}
 * @param tests its graded tests, in the order they ran
 * @param feedback one line for the table: the first failed test's output, or "all tests pass"
 */
public record ExerciseResult(String id, String title, List<TestResult> tests, String feedback) {
    public double score() {
        return tests.stream().mapToDouble(TestResult::score).sum();
    }

    public double maxScore() {
        return tests.stream().mapToDouble(TestResult::maxScore).sum();
    }
}
