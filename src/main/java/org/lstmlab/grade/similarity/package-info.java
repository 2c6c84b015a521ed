/**
 * The class report's similarity check: {@link org.lstmlab.grade.similarity.SimilarityCheck} runs JPlag (4.3.0, the
 * newest release built for Java 17, with its Java language module) over the Java files of a class's submissions
 * after grading, in the grader's JVM and offline, with the starter code of {@code exercises/} as base code so the
 * given scaffolding is not counted, and returns the pairs at or above a threshold with links to JPlag's own report
 * files. Submissions enter it under numbered names, never their students' names.
 *
 * <p>May use: {@code grade.report} (what it returns is part of the class report) and JPlag. It stands beside
 * {@code grade.run}: the batch command calls both; neither knows the other.
 */
package org.lstmlab.grade.similarity;
