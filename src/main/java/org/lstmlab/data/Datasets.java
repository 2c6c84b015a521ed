package org.lstmlab.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's {@code datasets/} folder, wherever the course is started from.
 *
 * <p>Order: the system property {@value #DIRECTORY_PROPERTY}, the environment variable
 * {@value #DIRECTORY_ENV}, then a {@code datasets/} folder holding a {@code README.md} in the working
 * directory or one of its parents (a notebook runs in {@code notebooks/}, the tests in the root).
 */
public final class Datasets {
    /** System property naming the datasets folder. */
    public static final String DIRECTORY_PROPERTY = "lstmlab.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String DIRECTORY_ENV = "LSTM_LAB_DATASETS";

    private Datasets() {}

    /** The datasets folder; when none is found, {@code ./datasets} (so the error names that path). */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) configured = System.getenv(DIRECTORY_ENV);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("datasets");
            if (Files.isRegularFile(candidate.resolve("README.md"))) return candidate;
        }
        return start.resolve("datasets");
    }

    /** The path of {@code fileName} inside {@link #directory()}. */
    public static Path file(String fileName) {
        return directory().resolve(fileName);
    }
}
