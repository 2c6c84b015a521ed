package org.lstmlab.grade.edition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.sandbox.Bundle;

/**
 * Makes the students' {@code exercises/} from the reference {@code solutions/}, nbgrader-style: each
 * region between {@code // BEGIN SOLUTION} and {@code // END SOLUTION} becomes a TODO that throws an
 * exception naming the exercise and the equation its test class's {@link Computes} gives, in English and in
 * Vietnamese (one file serves both editions; an equation with words gets its Vietnamese line too). Everything
 * else — Javadoc, signatures, imports, helper classes — is copied, so the two trees never drift.
 */
public final class ExerciseGenerator {
    static final String BEGIN = "// BEGIN SOLUTION";
    static final String END = "// END SOLUTION";
    private static final Pattern METHOD = Pattern.compile("public\\s+static\\s+[\\w<>\\[\\], .]+?\\s+(\\w+)\\s*\\(");

    private ExerciseGenerator() {}

    /**
     * The student version of one solution file.
     *
     * @param catalog the exercises, whose test classes give each method's equation
     * @param fileName e.g. {@code E3ForgetGate.java}, to find the exercise
     * @param source   the solution's text
     * @throws IllegalArgumentException when the markers do not pair up or a region is outside a known method
     */
    public static String generate(ExerciseCatalog catalog, String fileName, String source) {
        GradedExercise exercise = catalog.byFileName(fileName);
        if (exercise == null) {
            if (source.contains(BEGIN) || source.contains(END)) {
                throw new IllegalArgumentException(fileName + " has solution markers but is not an exercise file: no"
                        + " exercise class of "
                        + catalog.all().stream().map(GradedExercise::fileName).toList()
                        + " is for it");
            }
            return source; // a helper class: the starter code has it as it is
        }
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        String method = null;
        int regions = 0;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            Matcher m = METHOD.matcher(line);
            if (m.find()) method = m.group(1);
            if (line.trim().equals(BEGIN)) {
                if (method == null || !exercise.equations().containsKey(method)) {
                    throw new IllegalArgumentException(fileName + ":" + (k + 1) + ": " + BEGIN
                            + " must sit inside one of " + exercise.equations().keySet() + " but is in " + method);
                }
                int end = k + 1;
                while (end < lines.length && !lines[end].trim().equals(END)) {
                    if (lines[end].trim().equals(BEGIN)) end = lines.length;
                    else end++;
                }
                if (end >= lines.length) {
                    throw new IllegalArgumentException(fileName + ":" + (k + 1) + ": " + BEGIN + " has no " + END);
                }
                String indent = line.substring(0, line.indexOf('/'));
                out.append(indent)
                        .append("// TODO ")
                        .append(exercise.id())
                        .append(": ")
                        .append(exercise.equations().get(method))
                        .append('\n');
                String vietnamese = exercise.equation(Bundle.VIETNAMESE, method);
                if (!vietnamese.equals(exercise.equations().get(method))) { // the equation holds words
                    out.append(indent)
                            .append("//      ")
                            .append(" ".repeat(exercise.id().length()))
                            .append(vietnamese)
                            .append('\n');
                }
                out.append(indent)
                        .append("throw new UnsupportedOperationException(\"")
                        .append(javaString(exercise.todoMessage(method)))
                        .append("\");");
                k = end;
                regions++;
            } else if (line.trim().equals(END)) {
                throw new IllegalArgumentException(fileName + ":" + (k + 1) + ": " + END + " without " + BEGIN);
            } else {
                out.append(line);
            }
            if (k < lines.length - 1) out.append('\n');
        }
        if (regions != exercise.equations().size()) {
            throw new IllegalArgumentException(fileName + " has " + regions + " solution regions but "
                    + exercise.equations().size() + " methods to implement: "
                    + exercise.equations().keySet());
        }
        return out.toString();
    }

    /** Every exercise file generated from {@code solutions}, by path relative to it. */
    public static Map<Path, String> generateAll(ExerciseCatalog catalog, Path solutions) {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(solutions)) {
            for (Path p :
                    walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files.put(
                        solutions.relativize(p),
                        generate(catalog, p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (GradedExercise e : catalog.all()) {
            if (files.keySet().stream()
                    .noneMatch(p -> p.getFileName().toString().equals(e.fileName()))) {
                throw new IllegalArgumentException(solutions + " has no " + e.fileName() + " for " + e.id());
            }
        }
        return files;
    }

    /** Writes the generated files under {@code exercises}, replacing what is there; returns the paths written. */
    public static List<Path> write(ExerciseCatalog catalog, Path solutions, Path exercises) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> f : generateAll(catalog, solutions).entrySet()) {
            Path target = exercises.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            written.add(target);
        }
        return written;
    }

    /** The files under {@code exercises} that differ from generation, or are missing; empty when in step. */
    public static List<String> differences(ExerciseCatalog catalog, Path solutions, Path exercises) throws IOException {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<Path, String> f : generateAll(catalog, solutions).entrySet()) {
            Path target = exercises.resolve(f.getKey());
            if (!Files.exists(target)) diffs.add(target + " is missing");
            else if (!Files.readString(target, StandardCharsets.UTF_8).equals(f.getValue()))
                diffs.add(target + " differs");
        }
        return diffs;
    }

    private static String javaString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
