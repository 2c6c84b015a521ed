/**
 * The grader, in rooms by role. Each exercise is a JUnit 5 test class of package {@code org.lstmlab.exercises}
 * (in {@code src/grading/java}, its hidden tests in {@code src/hidden/java}); the grader discovers the classes,
 * runs them on a submission and reports what they found. The rooms, each standing only on those before it:
 * <ol>
 *   <li>{@code grade.sandbox} — where a submission's code is compiled and runs (child JVMs, limits);
 *   <li>{@code grade.author} — the authoring API an exercise's test class is written with: {@code @Exercise},
 *       {@code @Points}, {@code Visibility}, {@code @Computes}, {@code @HiddenTests}, {@code @RandomisedCases},
 *       {@code Draw}, {@code Draws}, {@code Expect}, and the JUnit extension that hands a test the student's code;
 *       its package documentation is the guide to writing an exercise;
 *   <li>{@code grade.report} — what a grading run reports and every form it takes: the console table, the
 *       notebook's HTML table, Gradescope's {@code results.json}, the CSV gradebook and the gradebooks Canvas and
 *       Moodle import, the class report of a batch, the expected-output table, and the messages in English and
 *       Vietnamese;
 *   <li>{@code grade.run} — running a submission or a class: discovering the exercises, compiling a submission
 *       and starting its sandbox, the JUnit Platform launch, collecting results (with each failure's diagnosis);
 *   <li>{@code grade.similarity} — beside {@code grade.run}, on {@code grade.report}: the class report's similarity
 *       check (JPlag over a class's Java files, the starter code as base code);
 *   <li>{@code grade.edition} — what the grader writes for others: the student edition, {@code exercises/}
 *       generated from {@code solutions/}, and Gradescope's autograder bundle;
 *   <li>{@code grade.notebook} — what a student calls from a notebook: {@code check("E3")}, {@code mine(E3)},
 *       {@code expectedOutput(E3)}.
 * </ol>
 * The architecture test holds the order; the exercise classes use {@code grade.author} (and the library) alone.
 *
 * <p>May use: nothing — this package holds no classes, only this map of its rooms.
 */
package org.lstmlab.grade;
