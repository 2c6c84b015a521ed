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

    /** Writes {@code results.json} to {@code dir}, creating it (again, if a submission removed it). */
    public static Path write(Path dir, Report r) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("results.json");
        Path tmp = Files.createTempFile(dir, "results", ".json.tmp");
        Files.writeString(tmp, of(r), StandardCharsets.UTF_8);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return f;
    }

    /** A results.json read back, e.g. to check it. @throws com.google.gson.JsonParseException when it is no JSON object */
    public static JsonObject read(String json) {
        return GSON.fromJson(json, JsonObject.class);
    }

    private static JsonPrimitive number(double v) {
        return v == Math.rint(v) ? new JsonPrimitive((long) v) : new JsonPrimitive(v);
    }
}
