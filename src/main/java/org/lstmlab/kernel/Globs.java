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
        Path path = Path.of(pattern);
        if (!pattern.contains("*") && !pattern.contains("?")) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no file or folder " + path.toAbsolutePath());
            }
            return List.of(path);
        }
        Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found =
                    files.filter(p -> matcher.matches(p.getFileName())).sorted().collect(Collectors.toList());
            if (found.isEmpty()) {
                throw new IllegalArgumentException("nothing matches "
                        + folder.toAbsolutePath().resolve(path.getFileName().toString()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
