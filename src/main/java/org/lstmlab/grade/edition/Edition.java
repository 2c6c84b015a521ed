package org.lstmlab.grade.edition;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lstmlab.grade.author.Visibility;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.sandbox.ChildRuntime;

/**
 * The grader's part of a student edition ({@code ./lab release}): in its {@code lib/}, beside the library's jar,
 * the grading jar — the exercises' visible test classes, never a {@link HiddenTests} class nor anything compiled
 * from {@code src/hidden/java} — and {@code sandbox-classpath.txt}, naming the jars of {@code lib/} the sandbox
 * may load. A student's check and {@code ./lab check} there run from these; the hidden tests stay with the
 * instructor ({@code ./lab grade}, the Gradescope bundle).
 */
public final class Edition {
    /** The grading jar's name in an edition's {@code lib/}. */
    public static final String GRADING_JAR = "lstm-lab-grading.jar";

    private static final String PACKAGE_DIR = "org/lstmlab/exercises/";

    /** A jar of native libraries for one platform, as JavaCPP names them: {@code nd4j-native-1.0.0-M2.1-linux-x86_64.jar}. */
    static final java.util.regex.Pattern NATIVE_JAR = java.util.regex.Pattern.compile(
            ".*-(android|ios|linux|macosx|windows)-(arm|arm64|armhf|ppc64le|x86|x86_64|mips64el|riscv64)(-\\w+)?\\.jar");

    private Edition() {}

    /**
     * Writes the grading jar and {@code sandbox-classpath.txt} into {@code lib}, which already holds the library's
     * jars.
     *
     * @param catalog the course's exercises, with their hidden tests (the course repository's)
     * @param hiddenSources the course's {@code src/hidden/java}: every class compiled from it stays out, whether
     *     or not it is a {@link HiddenTests} class
     * @return the classes the grading jar holds, as jar entries
     * @throws IllegalStateException when the catalog lacks hidden tests (an edition made from an edition), a
     *     visible class holds a {@link Visibility#HIDDEN} test, or a sandbox jar is not in {@code lib}
     */
    public static List<String> writeLib(Path lib, ExerciseCatalog catalog, Path hiddenSources) throws IOException {
        if (!catalog.withoutHiddenTests().isEmpty()) {
            throw new IllegalStateException("the hidden tests of "
                    + String.join(
                            ", ",
                            catalog.withoutHiddenTests().stream()
                                    .map(GradedExercise::id)
                                    .toList())
                    + " are not on the class path: a student edition is made in the course repository");
        }
        for (GradedExercise e : catalog.all()) {
            for (GradedExercise.GradedTest t : e.tests()) {
                boolean inVisibleClass = java.util.Arrays.stream(e.testClass().getDeclaredMethods())
                        .anyMatch(m -> m.getName().equals(t.method()));
                if (t.visibility() == Visibility.HIDDEN && inVisibleClass) {
                    throw new IllegalStateException(e.id() + "'s test " + t.method() + " is hidden but stands in "
                            + e.testClass().getSimpleName() + ", which a student edition carries: move it to the"
                            + " exercise's @HiddenTests class in src/hidden/java");
                }
            }
        }
        Set<String> hidden = new TreeSet<>();
        catalog.all()
                .forEach(e ->
                        e.hiddenClasses().forEach(c -> hidden.add(c.getName().replace('.', '/'))));
        if (Files.isDirectory(hiddenSources)) {
            try (Stream<Path> walk = Files.walk(hiddenSources)) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> hidden.add(hiddenSources
                                .relativize(p)
                                .toString()
                                .replace('\\', '/')
                                .replaceAll("\\.java$", "")));
            }
        }
        List<String> kept = new ArrayList<>();
        byte[] jar = Gradescope.jarOf(codeSource(catalog.all().get(0).testClass()), name -> {
            String top = name.replaceAll("(\\$.*)?\\.class$", "");
            boolean keep = name.startsWith(PACKAGE_DIR) && !hidden.contains(top);
            if (keep && name.endsWith(".class")) {
                kept.add(name);
            }
            return keep;
        });
        Files.createDirectories(lib);
        Files.write(lib.resolve(GRADING_JAR), jar);
        List<String> sandbox = new ArrayList<>();
        for (String entry :
                Files.readString(ChildRuntime.sandboxClasspathFile()).trim().split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            String name = Path.of(entry.trim()).getFileName().toString();
            if (NATIVE_JAR.matcher(name).matches()) {
                continue; // this build's natives: an edition carries its own, per platform, in lib/natives
            }
            if (!Files.isRegularFile(lib.resolve(name))) {
                throw new IllegalStateException(
                        "the sandbox needs " + name + ", but " + lib + " does not hold it (stage_library copies them)");
            }
            sandbox.add(name);
        }
        Path natives = lib.resolve("natives");
        if (Files.isDirectory(natives)) { // every platform's: JavaCPP loads only the running machine's
            try (Stream<Path> walk = Files.walk(natives)) {
                walk.filter(p -> p.toString().endsWith(".jar"))
                        .map(p -> lib.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .forEach(sandbox::add);
            }
        }
        Files.writeString(
                lib.resolve("sandbox-classpath.txt"),
                String.join(java.io.File.pathSeparator, sandbox) + "\n",
                StandardCharsets.UTF_8);
        return kept;
    }

    /** An edition's grading jar beside the library's jar (its {@code lib/}), or null outside an edition. */
    public static Path gradingJarBesideLibrary() {
        Path self = codeSource(Edition.class);
        Path jar = self.resolveSibling(GRADING_JAR);
        return Files.isRegularFile(self) && Files.isRegularFile(jar) ? jar : null;
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + c.getName(), e);
        }
    }
}
