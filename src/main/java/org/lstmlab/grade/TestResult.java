package org.lstmlab.grade;

/**
 * One graded test in Gradescope's terms.
 *
 * @param name       e.g. {@code "E3 forget gate: fixed case"}
 * @param score      points earned
 * @param maxScore   points available
 * @param output     the feedback, in the course's symbols
 * @param visibility Gradescope visibility ({@code "visible"} for every test: feedback is how students learn)
 */
public record TestResult(String name, double score, double maxScore, String output, String visibility) {

    public static TestResult of(String name, boolean passed, double points, String output) {
        return new TestResult(name, passed ? points : 0, points, output, "visible");
    }

    public boolean passed() {
        return score >= maxScore;
    }
}
