/**
 * The course's scenes: what a notebook runs in one call, so that its cells stay thin —
 * {@link org.lstmlab.course.VanishingExperiment} (notebooks 01 and 04), {@link org.lstmlab.course.AddingExperiment}
 * (07), {@link org.lstmlab.course.ForecastExperiment} (08), {@link org.lstmlab.course.CharModelExperiment} (10), {@link org.lstmlab.course.InstallationCheck} (00), the
 * figures of the explorables a notebook wires to its sliders ({@link org.lstmlab.course.Explorables},
 * {@link org.lstmlab.course.GateExplorer}) —
 * and {@link org.lstmlab.course.Quick}, the one switch ({@code LSTMLAB_QUICK}) that shrinks training for the
 * test suite while a student gets the full run.
 *
 * <p>May use: every library package ({@code nn}, {@code nn.fused}, {@code data}, {@code train}, {@code grad},
 * {@code plot}). Never used by them; the kernel imports it into every notebook.
 */
package org.lstmlab.course;
