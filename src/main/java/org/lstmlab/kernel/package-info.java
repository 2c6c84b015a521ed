/**
 * The course's Jupyter kernel: JShell executed in the kernel's own JVM on jjava-jupyter, so that
 * {@code display(...)} and a cell's value render as Jupyter rich output (charts as PNG, tables as HTML),
 * with interrupts, guarded {@code System.exit}, IJava's magics, and the library's packages imported at start
 * ({@code StartupSnippet}). {@link org.lstmlab.kernel.KernelSpec} writes the kernelspec {@code ./lab} installs.
 *
 * <p>May use: the library (on the notebook's class path) and its own shaded dependencies. The library never
 * uses this package.
 */
package org.lstmlab.kernel;
