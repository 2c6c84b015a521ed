/**
 * What the grader writes for others. {@link org.lstmlab.grade.edition.ExerciseGenerator} writes the starter
 * files of {@code exercises/} from {@code solutions/} (each {@code BEGIN SOLUTION … END SOLUTION} region becomes
 * a TODO that throws a helpful exception); {@link org.lstmlab.grade.edition.Edition} writes the student edition's
 * grading jar — the visible exercise classes alone, nothing of the hidden ones but their points — for
 * {@code ./lab release}; {@link org.lstmlab.grade.edition.Gradescope} writes Gradescope's autograder bundle and is
 * what its {@code run_autograder} runs.
 *
 * <p>May use: {@code grade.author}, {@code grade.report}, {@code grade.run} and {@code grade.sandbox}.
 */
package org.lstmlab.grade.edition;
