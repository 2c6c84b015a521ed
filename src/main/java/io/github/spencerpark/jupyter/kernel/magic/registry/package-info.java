/**
 * IJava's magics registry under IJava's names ({@code IJava.getKernelInstance().getMagics()}): apply a magic by
 * name from Java code, register a new one. Written for this kernel on its {@code Notebook} hooks; no IJava code
 * is in it.
 *
 * <p>May use: {@code org.lstmlab.kernel} and the JDK. Nothing of the course uses this package.
 */
package io.github.spencerpark.jupyter.kernel.magic.registry;
