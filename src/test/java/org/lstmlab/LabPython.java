package org.lstmlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python of the Jupyter stack the tests run (nbclient, jupyter_client, JupyterLab, JupyterHub): {@code LAB_PYTHON},
 * which {@code ./lab test} sets to the pinned stack's, or else the pinned stack's as {@code ./lab jupyter python}
 * prints it, installing the stack from {@code requirements/jupyter.txt} when it is missing.
 */
public final class LabPython {

    private static String path;

    private LabPython() {}

    /** The python executable, as an absolute path. */
    public static synchronized String path() {
        if (path == null) {
            path = find();
        }
        return path;
    }

    private static String find() {
        String python = System.getenv("LAB_PYTHON");
        if (python != null && !python.isBlank()) {
            return python;
        }
        try {
            Process lab = new ProcessBuilder("./lab", "jupyter", "python")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(lab.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!lab.waitFor(10, TimeUnit.MINUTES) || lab.exitValue() != 0 || !Files.isExecutable(Path.of(out))) {
                throw new IllegalStateException("./lab jupyter python should print the pinned Jupyter stack's python"
                        + " but printed '" + out + "'; run the tests with ./lab test, or set LAB_PYTHON");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./lab jupyter python: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the pinned Jupyter stack", e);
        }
    }
}
