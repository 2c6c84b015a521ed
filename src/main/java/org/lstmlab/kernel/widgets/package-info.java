/**
 * Figures a student can move: Jupyter comms and the ipywidgets 8 protocol for the course kernel, behind a small
 * API that reads like the course. A notebook wires a control to a figure of the library:
 *
 * <pre>{@code
 * var rho = new FloatSlider("spectral norm ρ", 0.5, 1.5, 0.05, 0.9);
 * display(Widgets.interact(() -> Explorables.spectralNorm(experiment, rho.value()), rho));
 * }</pre>
 *
 * <p>{@link org.lstmlab.kernel.widgets.Comms} holds the open comms (targets {@code jupyter.widget} and
 * {@code jupyter.widget.control}); each {@link org.lstmlab.kernel.widgets.Widget} is one comm whose state the front
 * end mirrors ({@code update} both ways, {@code echo_update}, {@code request_state}, binary buffers with
 * {@code buffer_paths}); {@link org.lstmlab.kernel.widgets.Widgets#interact} recomputes a figure when a control
 * moves. Protocol: the Jupyter messaging specification (comms) and ipywidgets' {@code jupyterwidgetmodels.latest.md}
 * (protocol version 2.1.0, model modules 2.0.0).
 *
 * <p>May use: the JDK and XChart (a figure becomes PNG bytes). The kernel package uses this one (it hands it the
 * comm messages and shows widgets); this package never uses the kernel package, and the library never uses either.
 */
package org.lstmlab.kernel.widgets;
