package org.lstmlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the course folder — the one holding {@code lab} beside {@code exercises/}, {@code solutions/} or
 * {@code datasets/} — wherever the course is started from: a notebook runs in {@code notebooks/}, the
 * tests and {@code ./lab} in the folder itself. The one place that walks up from the working directory.
 *
 * <p>Order: the system property {@value #HOME_PROPERTY}, the environment variable {@value #HOME_ENV}, then
 * the nearest such folder at or above the working directory ({@code user.dir}).
 */
public final class CourseFolder {
    /** System property naming the course folder. */
    public static final String HOME_PROPERTY = "lstmlab.home";
    /** Environment variable naming the course folder. */
    public static final String HOME_ENV = "LSTMLAB_HOME";

    private CourseFolder() {}

    /** The course folder, when one is configured or found above the working directory. */
    public static Optional<Path> find() {
        String prop = System.getProperty(HOME_PROPERTY);
        if (prop != null && !prop.isBlank()) return Optional.of(Path.of(prop).toAbsolutePath());
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env).toAbsolutePath());
        return above(workingDirectory(), CourseFolder::isCourse);
    }

    /**
     * The nearest folder at or above {@code start} that satisfies {@code holds}: the one walk up the tree
     * that the course's lookups share.
     */
    public static Optional<Path> above(Path start, Predicate<Path> holds) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (holds.test(dir)) return Optional.of(dir);
        }
        return Optional.empty();
    }

    /**
     * The course folder that holds the student's exercises ({@code exercises/} or {@code solutions/}).
     *
     * @throws IllegalStateException saying where it looked and how to point at the folder
     */
    public static Path withExercises() {
        String prop = System.getProperty(HOME_PROPERTY);
        if (prop != null && !prop.isBlank()) return checked(Path.of(prop), "the system property " + HOME_PROPERTY);
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return checked(Path.of(env), "the environment variable " + HOME_ENV);
        Path start = workingDirectory();
        return above(start, dir -> hasExercises(dir) && Files.exists(dir.resolve("lab")))
                .orElseThrow(
                        () -> new IllegalStateException("cannot find the course folder (with exercises/ and lab) above "
                                + start + ": set " + HOME_ENV + " or -D" + HOME_PROPERTY + " to it"));
    }

    private static Path checked(Path p, String from) {
        if (!hasExercises(p)) {
            throw new IllegalStateException(from + " points to " + p + ", which has no exercises/ folder");
        }
        return p.toAbsolutePath();
    }

    private static boolean isCourse(Path dir) {
        return Files.exists(dir.resolve("lab"))
                && (hasExercises(dir)
                        || Files.isRegularFile(dir.resolve("datasets").resolve("README.md")));
    }

    private static boolean hasExercises(Path p) {
        return Files.isDirectory(p.resolve("exercises")) || Files.isDirectory(p.resolve("solutions"));
    }

    private static Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}
