/**
 * What runs inside the sandboxed compiler's JVM: {@link org.lstmlab.grade.sandbox.compiler.CompileServer}, which
 * compiles one submission after another with the JDK's compiler and annotation processing off. Its jar
 * ({@code compiler.jar}) holds this package alone.
 *
 * <p>May use: the JDK only.
 */
package org.lstmlab.grade.sandbox.compiler;
