/**
 * A whole class, tested on one machine: the course image built with podman ({@code ./lab image}), JupyterHub
 * (Debian's package) serving three students at once and one student whose server runs in the image, the
 * Gradescope bundle run in a clean container laid out as Gradescope lays it out, and the memory one student's
 * kernel holds. The tests need root on Debian (./lab test installs podman, runc, debootstrap and jupyterhub); they
 * fail there rather than skip, and skip elsewhere only naming what is missing.
 *
 * <p>May use: the library's {@code org.lstmlab.kernel.KernelSpec} (to write the kernelspec the hub's students
 * get), Gson, the JDK's HTTP and WebSocket clients, and {@code ./lab} as a command.
 */
package org.lstmlab.classroom;
