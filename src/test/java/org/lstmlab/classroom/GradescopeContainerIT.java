package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundle of {@code ./lab gradescope}, for real: built into a clean Debian container laid out as Gradescope lays
 * it out (src/test/resources/classroom/gradescope/Containerfile: setup.sh at build, as root), then
 * {@code /autograder/run_autograder} once per submission in a fresh container without network, as root, and the
 * {@code results.json} it leaves checked against Gradescope's format.
 */
class GradescopeContainerIT {

    static final String IMAGE = "localhost/lstm-lab-gradescope:test";
    static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    private static Path work;

    @BeforeAll
    static void buildTheAutograderImage() throws Exception {
        work = Classroom.fresh("gradescope");
        String base = Containers.baseImage();
        long started = System.nanoTime();
        Path zip = work.resolve("autograder.zip");
        Containers.run(
                        List.of("./lab", "gradescope", "--out", zip.toString()),
                        Duration.ofMinutes(15),
                        work.resolve("bundle.log"))
                .orFail("./lab gradescope");
        Path context = Files.createDirectories(work.resolve("context"));
        List<String> entries = unzip(zip, context.resolve("source"));
        assertTrue(entries.containsAll(List.of("setup.sh", "run_autograder")), "the bundle's root: " + entries);
        Files.copy(Path.of("src/test/resources/classroom/gradescope/Containerfile"), context.resolve("Containerfile"));
        List<String> build = new ArrayList<>(List.of("build", "--pull=never"));
        build.addAll(Containers.options("host"));
        build.addAll(List.of("-t", IMAGE, "-f", context.resolve("Containerfile").toString(), context.toString()));
        Containers.engine(Duration.ofMinutes(30), work.resolve("build.log"), build)
                .orFail("building the Gradescope container on " + base + " (log: " + work.resolve("build.log") + ")");
        System.out.printf(
                "classroom: Gradescope's container (bundle, setup.sh on %s) built in %.0f s, %d MB%n",
                base, (System.nanoTime() - started) / 1e9, Containers.sizeMb(IMAGE));
    }

    @Test
    void theReferenceSolutionsScoreFullMarks() throws Exception {
        JsonObject results = grade("reference", null, List.of());
        assertEquals(122.0, maxScore(results), results.toString());
        assertEquals(122.0, results.get("score").getAsDouble(), results.toString());
    }

    @Test
    void aHostileSubmissionScoresZeroForItselfWhileTheOtherExercisesAreGraded() throws Exception {
        JsonObject results = grade("hostile", Path.of("src/test/resources/classroom/hostile"), List.of());
        double hostile = 0;
        double others = 0;
        double othersMax = 0;
        for (JsonElement t : results.getAsJsonArray("tests")) {
            JsonObject test = t.getAsJsonObject();
            String exercise = test.get("name").getAsString().split(" ")[0];
            if (exercise.equals("E3") || exercise.equals("E7")) { // E7, the full step, calls the student's E3
                hostile += test.get("score").getAsDouble();
            } else {
                others += test.get("score").getAsDouble();
                othersMax += test.get("max_score").getAsDouble();
            }
        }
        assertEquals(0.0, hostile, "the hostile E3 (or E7 through it) scored:\n" + results);
        assertEquals(102.0, othersMax, "E1, E2, E4–E6, E8, E9, E10, E11 are 102 points:\n" + results);
        assertEquals(othersMax, others, "the other exercises were not all graded in full:\n" + results);
        assertEquals(102.0, results.get("score").getAsDouble(), results.toString());
        assertTrue(!results.toString().contains("forged"), "the forged results.json survived:\n" + results);
    }

    /**
     * Where the container forbids namespaces (as Gradescope's does; {@code LSTMLAB_SANDBOX_NO_NAMESPACES=1} makes this
     * one look so), each child is a user of its own: a submission that reads the hidden tests' jar, lists
     * {@code /autograder/source} and writes results.json is refused all three (it answers correctly only then), and
     * the log and results.json say {@code isolation: user}.
     */
    @Test
    void withoutNamespacesEachChildIsAUserOfItsOwnThatCannotReadTheHiddenTestsOrWriteTheResults() throws Exception {
        JsonObject results = grade(
                "user",
                Path.of("src/test/resources/classroom/reads-hidden-tests"),
                List.of("-e", "LSTMLAB_SANDBOX_NO_NAMESPACES=1"));
        String isolation =
                results.getAsJsonObject("extra_data").get("isolation").getAsString();
        assertTrue(isolation.startsWith("isolation: user ("), isolation);
        for (JsonElement t : results.getAsJsonArray("tests")) {
            JsonObject test = t.getAsJsonObject();
            if (test.get("name").getAsString().startsWith("E3 ")) {
                assertEquals(
                        test.get("max_score").getAsDouble(),
                        test.get("score").getAsDouble(),
                        "the hidden tests and results.json were out of its reach: " + test);
            }
        }
        assertEquals(122.0, results.get("score").getAsDouble(), results.toString());
    }

    /**
     * Grades a submission (the reference solutions, with {@code overrides} replacing some files) in a fresh container
     * of the autograder image, as Gradescope's harness does, with the engine's {@code options} besides, and returns the
     * results.json it wrote, validated.
     */
    private static JsonObject grade(String name, Path overrides, List<String> options) throws Exception {
        Path submission = Files.createDirectories(work.resolve(name).resolve("submission/org/lstmlab/exercises"));
        Path results = Files.createDirectories(work.resolve(name).resolve("results"));
        try (Stream<Path> files = Files.list(Path.of("solutions/org/lstmlab/exercises"))) {
            for (Path f : files.toList()) {
                Files.copy(f, submission.resolve(f.getFileName()));
            }
        }
        if (overrides != null) {
            try (Stream<Path> files = Files.list(overrides)) {
                for (Path f : files.toList()) {
                    Files.copy(f, submission.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> run = new ArrayList<>(List.of("run", "--rm"));
        run.addAll(Containers.options("none"));
        run.addAll(options);
        run.addAll(List.of(
                "-v",
                work.resolve(name).resolve("submission") + ":/autograder/submission:ro",
                "-v",
                results + ":/autograder/results",
                IMAGE,
                "/autograder/run_autograder"));
        long started = System.nanoTime();
        Containers.Result graded = Containers.engine(Duration.ofMinutes(20), work.resolve(name + ".log"), run);
        System.out.printf(
                "classroom: Gradescope's run_autograder on the %s submission (no network): %.0f s, exit %d%n",
                name, (System.nanoTime() - started) / 1e9, graded.exitCode());
        Path json = results.resolve("results.json");
        assertTrue(Files.isRegularFile(json), "run_autograder wrote no results.json:\n" + graded.output());
        JsonObject parsed = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8))
                .getAsJsonObject();
        validate(parsed);
        assertTrue(
                graded.output().contains("LSTM Lab autograder: isolation: "),
                "the log says which isolation the run used:\n" + graded.output());
        assertTrue(
                parsed.getAsJsonObject("extra_data")
                        .get("isolation")
                        .getAsString()
                        .startsWith("isolation: "),
                "results.json says which isolation the run used: " + parsed);
        System.out.printf(
                "classroom:   results.json: score %s of %s, %d tests%n",
                parsed.get("score"),
                maxScore(parsed),
                parsed.getAsJsonArray("tests").size());
        return parsed;
    }

    /** Gradescope's results.json: a score, and tests each with a name, a score and max_score, a known visibility. */
    static void validate(JsonObject results) {
        assertTrue(
                results.has("score")
                        && results.get("score").getAsJsonPrimitive().isNumber(),
                results.toString());
        assertTrue(results.has("tests") && results.get("tests").isJsonArray(), results.toString());
        double sum = 0;
        for (JsonElement t : results.getAsJsonArray("tests")) {
            JsonObject test = t.getAsJsonObject();
            assertTrue(test.has("name") && test.get("name").getAsJsonPrimitive().isString(), test.toString());
            assertTrue(test.has("score") && test.has("max_score"), test.toString());
            double score = test.get("score").getAsDouble();
            assertTrue(score >= 0 && score <= test.get("max_score").getAsDouble(), test.toString());
            if (test.has("visibility")) {
                assertTrue(VISIBILITIES.contains(test.get("visibility").getAsString()), test.toString());
            }
            sum += score;
        }
        for (String key : List.of("visibility", "stdout_visibility")) {
            if (results.has(key)) {
                assertTrue(VISIBILITIES.contains(results.get(key).getAsString()), key + ": " + results);
            }
        }
        assertEquals(sum, results.get("score").getAsDouble(), 1e-9, "the tests' scores add up to the score");
    }

    private static double maxScore(JsonObject results) {
        if (results.has("max_score")) {
            return results.get("max_score").getAsDouble();
        }
        double max = 0;
        for (JsonElement t : results.getAsJsonArray("tests")) {
            max += t.getAsJsonObject().get("max_score").getAsDouble();
        }
        return max;
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("the bundle's entry " + e.getName() + " leaves its folder");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return names;
    }
}
