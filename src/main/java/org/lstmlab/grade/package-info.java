/**
 * The grader: runs each exercise's checks against a submission whose code executes only in a sandboxed child
 * JVM, compares with expected values computed here from the library, and writes the reports (console table,
 * the notebook's HTML table from {@code check("E3")}, Gradescope's {@code results.json}, a CSV gradebook).
 *
 * <p>May use: the library. The library never uses this package; {@code cli} drives it.
 */
package org.lstmlab.grade;
