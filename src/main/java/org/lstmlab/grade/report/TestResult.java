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
 * @param diagnosis what a failed test found, the same for every student and case; null when it passed or nobody
 *     diagnosed it
 */
public record TestResult(
        String name,
        String number,
        double score,
        double maxScore,
        String output,
        String visibility,
        Diagnosis diagnosis) {

    /** A test result without a diagnosis. */
    public TestResult(String name, String number, double score, double maxScore, String output, String visibility) {
        this(name, number, score, maxScore, output, visibility, null);
    }

    public boolean passed() {
        return score >= maxScore;
    }
}
