package org.lstmlab.kernel;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel the way Jupyter does: {@code java -cp KERNEL_JAR:NOTEBOOK_CLASSPATH
 * org.lstmlab.kernel.KernelMain CONNECTION_FILE}. Notebook code sees the classpath without the
 * kernel's own jar, so only the library's dependencies are visible to it.
 */
public final class KernelMain {

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp KERNEL_JAR:CLASSPATH org.lstmlab.kernel.KernelMain CONNECTION_FILE"
                    + " (got " + args.length + " arguments)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        ParentWatch.start();
        String connection = Files.readString(Path.of(args[0]));
        java.io.PrintStream log = System.err;
        LabConnection jupyter;
        try {
            jupyter = quietly(() -> new LabConnection(KernelConnectionProperties.parse(connection), log));
        } catch (IllegalArgumentException e) {
            System.err.println("lstm-lab kernel: cannot start with " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        LabKernel kernel = LabKernel.create(notebookClasspath());
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        // JShell starts after the first kernel_info reply, or after a second without one.
        java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS)
                .execute(kernel::startInBackground);
        jupyter.waitUntilClose();
        kernel.onShutdown(false);
        System.exit(0); // ND4J and AWT leave non-daemon threads behind
    }

    /**
     * Runs an action with stderr silenced: the base library's (relocated) SLF4J has no provider and
     * says so on first use. Setting {@code slf4j.provider} instead would also reach the library's
     * own SLF4J, which notebook code uses.
     */
    static <T> T quietly(java.util.concurrent.Callable<T> action) throws Exception {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return action.call();
        } finally {
            System.setErr(err);
        }
    }

    /** The JVM's classpath without the kernel's own (shaded) jar. */
    static List<String> notebookClasspath() throws URISyntaxException {
        String own = ownLocation();
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !Path.of(entry).toAbsolutePath().toString().equals(own)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static String ownLocation() throws URISyntaxException {
        var source = KernelMain.class.getProtectionDomain().getCodeSource();
        return source == null
                ? ""
                : Path.of(source.getLocation().toURI()).toAbsolutePath().toString();
    }
}
