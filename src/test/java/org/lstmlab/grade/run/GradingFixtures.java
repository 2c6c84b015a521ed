package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lstmlab.grade.report.ResultsJson;

/** Shared helpers: the course folders, submissions built from solutions/ with files replaced, results.json checks. */
public final class GradingFixtures {
    public static final Path HOME = Path.of("").toAbsolutePath();
    public static final Path SOLUTIONS = HOME.resolve("solutions");
    public static final Path EXERCISES = HOME.resolve("exercises");
    public static final Path RESOURCES = HOME.resolve("src/test/resources");
    public static final Path HOSTILE = RESOURCES.resolve("hostile");
    /** The course's exercise classes, as the test class path holds them. */
    public static final ExerciseCatalog COURSE = ExerciseCatalog.discover(GradingFixtures.class.getClassLoader());

    private GradingFixtures() {}

    /**
     * Runs {@code body} with the system property {@code lstmlab.home} (where {@code check} finds the student's
     * {@code exercises/}) set to {@code home}, and restores the property after.
     */
    public static void withHome(Path home, org.junit.jupiter.api.function.Executable body) throws Throwable {
        String before = System.getProperty("lstmlab.home");
        System.setProperty("lstmlab.home", home.toString());
        try {
            body.execute();
        } finally {
            if (before == null) {
                System.clearProperty("lstmlab.home");
            } else {
                System.setProperty("lstmlab.home", before);
            }
        }
    }

    /** A copy of solutions/ under {@code dir} with the files of {@code overrides} put in place of (or beside) the reference ones. */
    public static Path submission(Path dir, Path overrides) throws IOException {
        Path sub = dir.resolve("org/lstmlab/exercises");
        Files.createDirectories(sub);
        try (Stream<Path> files = Files.list(SOLUTIONS.resolve("org/lstmlab/exercises"))) {
            for (Path f : files.toList()) {
                Files.copy(f, sub.resolve(f.getFileName()));
            }
        }
        if (overrides != null) {
            try (Stream<Path> files = Files.list(overrides)) {
                for (Path f : files.toList()) {
                    Files.copy(f, sub.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    /** The processes under this JVM now. */
    public static java.util.Set<Long> descendants() {
        return ProcessHandle.current()
                .descendants()
                .map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Processes under this JVM that were not there before, with their command lines. */
    public static List<String> survivors(java.util.Set<Long> earlier) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> !earlier.contains(p.pid()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?").replaceAll("(.{200}).*", "$1…"))
                .toList();
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Every file under a folder with a hash of its bytes. */
    public static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> f = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                f.put(
                        dir.relativize(p).toString(),
                        Files.isDirectory(p)
                                ? "dir"
                                : Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
            }
        }
        return f;
    }

    public static List<GradedExercise> only(String... ids) {
        return COURSE.byIds(List.of(ids));
    }

    /**
     * Checks a results.json against Gradescope's specification: a numeric score, tests that each have
     * a name, a score within [0, max_score], an output and a valid visibility; returns it parsed.
     */
    public static JsonObject validResultsJson(Path file) throws IOException {
        JsonObject r = ResultsJson.read(Files.readString(file));
        assertTrue(r.get("score").getAsJsonPrimitive().isNumber(), "score is a number");
        assertTrue(r.get("max_score").getAsJsonPrimitive().isNumber(), "max_score is a number");
        assertTrue(r.get("execution_time").getAsJsonPrimitive().isNumber(), "execution_time is a number");
        assertEquals("hidden", r.get("stdout_visibility").getAsString(), "what the submission printed stays hidden");
        var tests = r.getAsJsonArray("tests");
        assertTrue(tests != null && !tests.isEmpty(), "tests is a non-empty list");
        double sum = 0;
        for (JsonElement e : tests) {
            JsonObject t = e.getAsJsonObject();
            assertTrue(t.has("name") && !t.get("name").getAsString().isBlank(), "every test has a name");
            assertTrue(t.get("number").getAsString().matches("\\d+\\.\\d+"), "every test has a number like 3.1: " + t);
            double score = t.get("score").getAsDouble();
            double max = t.get("max_score").getAsDouble();
            assertTrue(score >= 0 && score <= max, "0 ≤ score ≤ max_score in " + t);
            assertTrue(t.get("output").isJsonPrimitive(), "every test has an output");
            assertTrue(
                    List.of("hidden", "after_due_date", "after_published", "visible")
                            .contains(t.get("visibility").getAsString()),
                    "visibility is one of Gradescope's values in " + t);
            sum += score;
        }
        assertEquals(sum, r.get("score").getAsDouble(), 1e-9, "score is the sum of the tests' scores");
        return r;
    }

    /** A zip of {@code entries}, given as name, bytes, name, bytes, …, in order, with file names in {@code names}. */
    public static byte[] zip(java.nio.charset.Charset names, Object... entries) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes, names)) {
            for (int k = 0; k < entries.length; k += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry((String) entries[k]));
                zip.write((byte[]) entries[k + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip of {@code entries} (name, bytes, …) with UTF-8 names. */
    public static byte[] zip(Object... entries) throws IOException {
        return zip(java.nio.charset.StandardCharsets.UTF_8, entries);
    }
}
