/**
 * IJava's renderer registration API ({@code Renderer.createRegistration(Class).preferring(...).register(fn)}):
 * a notebook tells the kernel how to show objects of a type, and the kernel asks these registrations before its
 * own rendering, for a cell's value and for {@code display(...)}.
 *
 * <p>May use: {@code org.lstmlab.kernel} and the JDK. Nothing of the course uses this package.
 */
package io.github.spencerpark.jupyter.kernel.display;
