package org.lstmlab.data;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Finds the course's {@code datasets/} folder, wherever the course is started from.
 *
 * <p>Order: the system property {@value #DIRECTORY_PROPERTY}, the environment variable
 * {@value #DIRECTORY_ENV} (or its older spelling {@value #DIRECTORY_ENV_ALIAS}), then {@code datasets/}
 * in the {@link CourseFolder}.
 */
public final class Datasets {
    /** System property naming the datasets folder. */
    public static final String DIRECTORY_PROPERTY = "lstmlab.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String DIRECTORY_ENV = "LSTMLAB_DATASETS";
    /** The variable's name before the course used one prefix for all; still read. */
    public static final String DIRECTORY_ENV_ALIAS = "LSTM_LAB_DATASETS";

    private Datasets() {}

    /** The datasets folder; when no course folder is found, {@code ./datasets} (so the error names that path). */
    public static Path directory() {
        return directory(System::getenv);
    }

    /** {@link #directory()} with the environment read through {@code env} (the tests give their own). */
    static Path directory(UnaryOperator<String> env) {
        for (String configured : new String[] {
            System.getProperty(DIRECTORY_PROPERTY), env.apply(DIRECTORY_ENV), env.apply(DIRECTORY_ENV_ALIAS)
        }) {
            if (configured != null && !configured.isBlank()) return Path.of(configured);
        }
        return CourseFolder.find()
                .orElse(Path.of(System.getProperty("user.dir")).toAbsolutePath())
                .resolve("datasets");
    }

    /** The path of {@code fileName} inside {@link #directory()}. */
    public static Path file(String fileName) {
        return directory().resolve(fileName);
    }
}
