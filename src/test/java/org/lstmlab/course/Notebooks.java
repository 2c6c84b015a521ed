package org.lstmlab.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The course's notebooks: their names in order, and reading an .ipynb file's cells and outputs. */
final class Notebooks {
    /** The notebooks of the course, in the order a student takes them. */
    static final List<String> COURSE = List.of(
            "00-setup",
            "01-rnn-vanishing-gradients",
            "02-forget-gate",
            "03-input-gate-and-candidate",
            "04-cell-state",
            "05-output-gate",
            "06-full-lstm",
            "07-long-range-dependencies",
            "08-real-data",
            "09-which-parts-matter",
            "10-lstm-that-writes");

    static final Path FOLDER = Path.of("notebooks");

    /** The Vietnamese edition, generated from {@link #FOLDER} by {@code ./lab translate}. */
    static final Path VIETNAMESE = FOLDER.resolve("vi");

    /** Both editions: every rule of the course's notebooks holds for each. */
    static final List<Path> EDITIONS = List.of(FOLDER, VIETNAMESE);

    /**
     * JupyterLab 4 at 1280 px, file browser open, shows 105 monospace places of a cell's text output (measured in
     * headless Chromium; a longer line wraps, mid-word): what the course prints keeps to 100.
     */
    static final int OUTPUT_PLACES = 100;

    private Notebooks() {}

    /**
     * The lines of a code cell's text output that JupyterLab wraps: its streams and the results it shows as plain
     * text (no HTML, image, Markdown or widget beside them), each wider than {@link #OUTPUT_PLACES}, with the width.
     */
    static List<String> tooWide(JsonObject cell) {
        List<String> wide = new java.util.ArrayList<>();
        JsonArray outputs = cell.getAsJsonArray("outputs");
        if (outputs == null) return wide;
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            String text = null;
            if (out.has("text")) text = join(out.get("text"));
            JsonObject data = out.has("data") ? out.getAsJsonObject("data") : null;
            if (data != null && data.has("text/plain") && data.keySet().size() == 1)
                text = join(data.get("text/plain"));
            if (text == null) continue;
            for (String line : text.split("\n")) {
                int places = org.lstmlab.plot.TextColumns.width(line);
                if (places > OUTPUT_PLACES) wide.add(places + " places: " + line);
            }
        }
        return wide;
    }

    /** The lines of {@code printed} wider than {@link #OUTPUT_PLACES}, with their widths. */
    static List<String> tooWide(String printed) {
        return printed.lines()
                .filter(l -> org.lstmlab.plot.TextColumns.width(l) > OUTPUT_PLACES)
                .map(l -> org.lstmlab.plot.TextColumns.width(l) + " places: " + l)
                .toList();
    }

    /** The .ipynb file names (without extension) in a folder, sorted. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length()))
                    .sorted()
                    .toList();
        }
    }

    static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    static JsonArray cells(JsonObject notebook) {
        return notebook.getAsJsonArray("cells");
    }

    /** A cell's source as one string (nbformat allows a string or a list of lines). */
    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonPrimitive()) return s.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement line : s.getAsJsonArray()) b.append(line.getAsString());
        return b.toString();
    }

    /** All text a code cell showed: streams, text/plain and text/html results, error names and values. */
    static String text(JsonObject cell) {
        StringBuilder b = new StringBuilder();
        JsonArray outputs = cell.getAsJsonArray("outputs");
        if (outputs == null) return "";
        for (JsonElement o : outputs) {
            JsonObject out = o.getAsJsonObject();
            if (out.has("text")) b.append(join(out.get("text")));
            if (out.has("data")) {
                JsonObject data = out.getAsJsonObject("data");
                if (data.has("text/plain"))
                    b.append(join(data.get("text/plain"))).append('\n');
                if (data.has("text/html")) b.append(join(data.get("text/html"))).append('\n');
            }
            if (out.has("ename"))
                b.append(out.get("ename").getAsString())
                        .append(": ")
                        .append(out.get("evalue").getAsString())
                        .append('\n');
        }
        return b.toString();
    }

    private static String join(JsonElement e) {
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) b.append(line.getAsString());
        return b.toString();
    }
}
