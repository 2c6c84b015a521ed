package io.github.spencerpark.ijava;

/**
 * IJava's entry point for notebooks: {@code IJava.getKernelInstance()} is the running kernel as IJava's
 * notebooks and d2l-java's set-up cells reach it.
 */
public final class IJava {

    private static final JavaKernel KERNEL = new JavaKernel();

    private IJava() {}

    /** The kernel this notebook runs on. */
    public static JavaKernel getKernelInstance() {
        return KERNEL;
    }
}
