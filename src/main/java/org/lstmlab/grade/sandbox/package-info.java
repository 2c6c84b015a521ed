/**
 * Where a submission's code runs: compiled against the library by {@link org.lstmlab.grade.sandbox.SubmissionCompiler}
 * under the rules of an exercise, then called in one child JVM per submission
 * ({@link org.lstmlab.grade.sandbox.Sandbox}, fed by a {@link org.lstmlab.grade.sandbox.ChildPool}) with time,
 * memory, output, file and thread limits, a class path of ND4J and the parameter records only
 * ({@link org.lstmlab.grade.sandbox.ChildRuntime}), and numbers as the only thing that crosses.
 *
 * <p>May use: the JDK (its compiler included) and {@code grade.sandbox.child}; nothing of the library at compile
 * time — it reads the library's class files to build the child's jars. The grader uses it; it never uses the grader.
 */
package org.lstmlab.grade.sandbox;
