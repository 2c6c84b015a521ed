package org.lstmlab.grade.report;

/**
 * One graded test in Gradescope's terms.
 *
 * @param name e.g. {@code "E3 forget gate: fixed case"}
 * @param number e.g. {@code "3.1"}: the exercise, then the test's place in it
 * @param score points earned
 * @param maxScore points available
 * @param output the feedback, in the course's symbols
 * @param visibility Gradescope's visibility, e.g. {@code "visible"}
 */
public record TestResult(String name, String number, double score, double maxScore, String output, String visibility) {
    public boolean passed() {
        return score >= maxScore;
    }
}
