package org.lstmlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Resolves the paths of {@code %classpath} and {@code %jars}, with {@code *} globs in file names. */
final class Globs {
    private Globs() {}

    /**
     * @param pattern a path, relative to the notebook's folder or absolute, whose last part may hold {@code *}
     * @return the existing paths it names, sorted
     * @throws IllegalArgumentException when nothing matches
     */
    static List<Path> resolve(String pattern) {
        return resolve(Path.of(""), pattern);
    }

    /**
     * @param folder where a relative pattern starts (the notebook's folder, or that of a file {@code %load} runs)
     * @param pattern a path, relative to the folder or absolute, whose last part may hold {@code *}
     * @return the existing paths it names, sorted
     * @throws IllegalArgumentException when nothing matches
     */
    static List<Path> resolve(Path folder, String pattern) {
        Path path = folder.resolve(pattern);
        if (!pattern.contains("*") && !pattern.contains("?")) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no file or folder " + path.toAbsolutePath());
            }
            return List.of(path);
        }
        Path parent = path.getParent() == null ? Path.of(".") : path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(
                    "nothing matches " + path.toAbsolutePath() + ": there is no folder " + parent.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(parent)) {
            List<Path> found =
                    files.filter(p -> matcher.matches(p.getFileName())).sorted().collect(Collectors.toList());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("nothing matches "
                        + parent.toAbsolutePath().resolve(path.getFileName().toString()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
