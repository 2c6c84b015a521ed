/**
 * The Java side of {@code ./lab}'s grading commands ({@code check}, {@code grade}, {@code gradescope},
 * {@code exercises}): parses arguments, finds the course folder and calls the grader.
 *
 * <p>May use: {@code grade} and the library. Nothing uses it.
 */
package org.lstmlab.cli;
