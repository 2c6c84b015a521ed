/**
 * What a student calls from a notebook. {@link org.lstmlab.grade.notebook.Check} grades the student's own
 * {@code exercises/} with the visible tests ({@code check("E3")}, shown as a table; {@code ./lab check} prints
 * it); {@link org.lstmlab.grade.notebook.Mine} calls the student's saved code in the kernel ({@code mine(E3)},
 * compiled by the grader's compiler and rules, see {@link org.lstmlab.grade.notebook.SavedExercises}) and
 * {@link org.lstmlab.grade.notebook.ExpectedOutput} shows it next to the expected output of the fixed case
 * ({@code expectedOutput(E3)}).
 *
 * <p>May use: the library, {@code grade.author}, {@code grade.report}, {@code grade.run}, {@code grade.edition}
 * (a student edition's grading jar) and {@code grade.sandbox}.
 */
package org.lstmlab.grade.notebook;
