package org.lstmlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A class built from {@code solutions/} and {@code exercises/} with seeded mistakes, each student's own code apart
 * from the starter in one exercise (or, for the copied pair, all of them), so only the copies are alike:
 *
 * <ul>
 *   <li>{@code tanh}: E3 with tanh instead of σ, the rest the starter;
 *   <li>{@code swapped}: E1 with [x_t, h_{t-1}] concatenated, the rest the starter;
 *   <li>{@code nobias}: E6 whose o_t misses b_o (its h_t right), the rest the starter;
 *   <li>{@code copy1}: every solution but E9, left as the starter;
 *   <li>{@code copy2}: copy1 with its variables renamed;
 *   <li>{@link #BROKEN}: E5 that does not compile, the rest the starter, under a name full of markup.
 * </ul>
 */
final class SyntheticClass {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path SOLUTIONS = HOME.resolve("solutions/org/lstmlab/exercises");
    static final Path STARTER = HOME.resolve("exercises");
    static final String BROKEN = "broken <b>&\"";

    static final String TANH_HINT = "f_t equals tanh(W_f·[h_{t-1}, x_t] + b_f): did you use tanh instead of σ?"
            + " A gate's values lie in (0, 1)";
    static final String SWAPPED_HINT =
            "your result equals tanh(W_h·[x_t, h_{t-1}] + b_h): the course concatenates h first, [h_{t-1}, x_t]";
    static final String BIAS_HINT = "o_t misses the bias b_o";

    private SyntheticClass() {}

    /** The students' folders under {@code dir}, by name, in the order above. */
    static Map<String, Path> build(Path dir) throws IOException {
        Map<String, Path> students = new LinkedHashMap<>();
        students.put(
                "tanh", starterWith(dir.resolve("tanh"), "E3ForgetGate", "Transforms.sigmoid(", "Transforms.tanh("));
        students.put(
                "swapped",
                starterWith(
                        dir.resolve("swapped"), "E1RnnStep", "Nd4j.concat(1, hPrev, x)", "Nd4j.concat(1, x, hPrev)"));
        students.put("nobias", starterWith(dir.resolve("nobias"), "E6OutputGate", ".addRowVector(bO)", ""));
        Path copy1 = solutionsBut(dir.resolve("copy1"), "E9GradientClipping");
        students.put("copy1", copy1);
        Path copy2 = solutionsBut(dir.resolve("copy2"), "E9GradientClipping");
        try (Stream<Path> files = Files.list(pkg(copy2))) {
            for (Path f : files.toList()) {
                String s = Files.readString(f, StandardCharsets.UTF_8)
                        .replaceAll("\\bhx\\b", "joined")
                        .replaceAll("\\bcTilde\\b", "candidate")
                        .replaceAll("\\btanhC\\b", "squashed")
                        .replaceAll("\\bhidden\\b", "width");
                Files.writeString(f, s, StandardCharsets.UTF_8);
            }
        }
        students.put("copy2", copy2);
        students.put(
                BROKEN, starterWith(dir.resolve(BROKEN), "E5CellState", "addi(i.mul(cTilde));", "addi(i.mul(cTilde);"));
        return students;
    }

    private static Path pkg(Path student) {
        return student.resolve("org/lstmlab/exercises");
    }

    /** The starter code with one exercise's solution, {@code from} replaced by {@code to} in it. */
    private static Path starterWith(Path student, String className, String from, String to) throws IOException {
        copy(STARTER.resolve("org/lstmlab/exercises"), pkg(student));
        String s = Files.readString(SOLUTIONS.resolve(className + ".java"), StandardCharsets.UTF_8);
        if (!s.contains(from)) throw new IllegalStateException(className + " no longer holds " + from);
        Files.writeString(pkg(student).resolve(className + ".java"), s.replace(from, to), StandardCharsets.UTF_8);
        return student;
    }

    /** Every solution, but one exercise left as the starter. */
    private static Path solutionsBut(Path student, String starter) throws IOException {
        copy(SOLUTIONS, pkg(student));
        Files.copy(
                STARTER.resolve("org/lstmlab/exercises/" + starter + ".java"),
                pkg(student).resolve(starter + ".java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return student;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
