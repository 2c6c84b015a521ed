/**
 * IJava's kernel API under IJava's own names, so notebooks written for IJava (d2l-java's set-up cells among
 * them) compile here unedited: {@link io.github.spencerpark.ijava.IJava#getKernelInstance()} gives a
 * {@link io.github.spencerpark.ijava.JavaKernel} with the renderer registration API, {@code display} and
 * {@code updateDisplay}. Written for this kernel on its display machinery; no IJava code is in it.
 *
 * <p>May use: {@code org.lstmlab.kernel} (its {@code Notebook} and {@code Rendering} hooks) and the JDK. Nothing
 * of the course uses this package.
 */
package io.github.spencerpark.ijava;
