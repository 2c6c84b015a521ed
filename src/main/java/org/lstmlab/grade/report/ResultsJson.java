package org.lstmlab.grade.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Gradescope's {@code results.json} of a {@link Report}: score, max_score and execution_time at the
 * top, and one test per graded test with name, number, score, max_score, output and visibility. What
 * the submission printed is never in it, and stdout_visibility is hidden. Written with Gson.
 */
public final class ResultsJson {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultsJson() {}

    /** The JSON text. */
    public static String of(Report r) {
        JsonObject root = new JsonObject();
        root.add("score", number(r.score()));
        root.add("max_score", number(r.maxScore()));
        root.addProperty("execution_time", Math.round(r.seconds()));
        root.addProperty("visibility", "visible");
        root.addProperty("stdout_visibility", "hidden");
        root.addProperty(
                "output",
                "LSTM Lab grader: " + Report.points(r.score()) + "/" + Report.points(r.maxScore())
                        + ". Randomised cases used seed " + r.seed() + ".");
        JsonArray tests = new JsonArray();
        for (ExerciseResult e : r.exercises()) {
            for (TestResult t : e.tests()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", t.name());
                o.addProperty("number", t.number());
                o.add("score", number(t.score()));
                o.add("max_score", number(t.maxScore()));
                o.addProperty("output", t.output());
                o.addProperty("visibility", t.visibility());
                tests.add(o);
            }
        }
        root.add("tests", tests);
        return GSON.toJson(root) + "\n";
    }

    /**
     * Writes {@code results.json} to {@code dir} atomically (a temporary file, then a rename), creating the folder
     * (again, if a submission removed it): a reader sees the old report or the new one, never half of one.
     */
    public static Path write(Path dir, Report r) throws IOException {
        return write(dir, r, null);
    }

    /**
     * {@link #write(Path, Report)}, with the isolation the submission was graded in (the log's {@code isolation:}
     * line) as Gradescope's {@code extra_data}, unless null.
     */
    public static Path write(Path dir, Report r, String isolation) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Path tmp = Files.createTempFile(dir, "results", ".json.tmp");
        String json = of(r);
        if (isolation != null) {
            JsonObject o = read(json);
            JsonObject extra = new JsonObject();
            extra.addProperty("isolation", isolation);
            o.add("extra_data", extra);
            json = GSON.toJson(o) + "\n";
        }
        Files.write(tmp, json.getBytes(StandardCharsets.UTF_8)); // never throws on text: what cannot be encoded is '?'

        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return f;
    }

    /** A results.json read back, e.g. to check it. @throws com.google.gson.JsonParseException when it is no JSON object */
    public static JsonObject read(String json) {
        return GSON.fromJson(json, JsonObject.class);
    }

    /**
     * A complete {@code results.json} read back as a report (an exercise per test number's first part, e.g. the
     * tests 3.1 and 3.2 are E3), for a batch that resumes; empty when the file is missing, cut short or not ours.
     */
    public static java.util.Optional<Report> readReport(Path file, String student) {
        try {
            JsonObject root = read(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.has("score") || !root.has("tests")) {
                return java.util.Optional.empty();
            }
            java.util.Map<String, java.util.List<TestResult>> byExercise = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> titles = new java.util.HashMap<>();
            for (var e : root.getAsJsonArray("tests")) {
                JsonObject t = e.getAsJsonObject();
                String number = t.get("number").getAsString();
                String id = "E" + number.substring(0, number.indexOf('.'));
                String name = t.get("name").getAsString();
                int colon = name.indexOf(':');
                titles.putIfAbsent(id, colon > id.length() ? name.substring(id.length() + 1, colon) : id);
                byExercise
                        .computeIfAbsent(id, k -> new java.util.ArrayList<>())
                        .add(new TestResult(
                                name,
                                number,
                                t.get("score").getAsDouble(),
                                t.get("max_score").getAsDouble(),
                                t.has("output") ? t.get("output").getAsString() : "",
                                t.has("visibility") ? t.get("visibility").getAsString() : "visible"));
            }
            java.util.List<ExerciseResult> exercises = new java.util.ArrayList<>();
            byExercise.forEach((id, tests) -> exercises.add(new ExerciseResult(
                    id,
                    titles.get(id),
                    java.util.List.copyOf(tests),
                    tests.stream()
                            .filter(t -> !t.passed())
                            .map(TestResult::output)
                            .findFirst()
                            .orElse(org.lstmlab.grade.author.Say.say("result.allPass")))));
            double seconds =
                    root.has("execution_time") ? root.get("execution_time").getAsDouble() : 0;
            return java.util.Optional.of(new Report(student, 0, exercises, seconds, 0));
        } catch (IOException | RuntimeException incomplete) {
            return java.util.Optional.empty();
        }
    }

    private static JsonPrimitive number(double v) {
        return v == Math.rint(v) ? new JsonPrimitive((long) v) : new JsonPrimitive(v);
    }
}
