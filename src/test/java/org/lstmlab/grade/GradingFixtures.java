package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared helpers: the course folders, submissions built from solutions/ with files replaced, results.json checks. */
final class GradingFixtures {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path SOLUTIONS = HOME.resolve("solutions");
    static final Path EXERCISES = HOME.resolve("exercises");
    static final Path HOSTILE = HOME.resolve("src/test/resources/hostile");

    private GradingFixtures() {}

    /** A copy of solutions/ under {@code dir} with the files of {@code overrides} put in place of the reference ones. */
    static Path submission(Path dir, Path overrides) throws IOException {
        Path sub = dir.resolve("org/lstmlab/exercises");
        Files.createDirectories(sub);
        try (Stream<Path> files = Files.list(SOLUTIONS.resolve("org/lstmlab/exercises"))) {
            for (Path f : files.toList()) Files.copy(f, sub.resolve(f.getFileName()));
        }
        if (overrides != null) {
            try (Stream<Path> files = Files.list(overrides)) {
                for (Path f : files.toList())
                    Files.copy(f, sub.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /**
     * Checks a results.json against Gradescope's specification: a numeric score, tests that each have
     * a name, a score within [0, max_score], an output and a valid visibility; returns it parsed.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> validResultsJson(Path file) throws IOException {
        Map<String, Object> r = Json.object(Files.readString(file));
        assertTrue(r.get("score") instanceof Double, "score is a number");
        assertTrue(r.get("max_score") instanceof Double, "max_score is a number");
        List<Object> tests = (List<Object>) r.get("tests");
        assertTrue(tests != null && !tests.isEmpty(), "tests is a non-empty list");
        double sum = 0;
        for (Object o : tests) {
            Map<String, Object> t = (Map<String, Object>) o;
            assertTrue(t.get("name") instanceof String name && !name.isBlank(), "every test has a name");
            double score = (Double) t.get("score");
            double max = (Double) t.get("max_score");
            assertTrue(score >= 0 && score <= max, "0 ≤ score ≤ max_score in " + t);
            assertTrue(t.get("output") instanceof String, "every test has an output");
            assertTrue(
                    List.of("hidden", "after_due_date", "after_published", "visible")
                            .contains(t.get("visibility")),
                    "visibility is one of Gradescope's values in " + t);
            sum += score;
        }
        assertEquals(sum, (Double) r.get("score"), 1e-9, "score is the sum of the tests' scores");
        return r;
    }
}
