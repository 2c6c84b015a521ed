package org.lstmlab.cli;

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The translated editions of the notebooks ({@code ./lab translate}): {@code notebooks/vi/NN.ipynb} is
 * {@code notebooks/NN.ipynb} with every Markdown cell replaced by its text from
 * {@code translations/vi/NN.md}, and every code cell copied as it is, so code has one source.
 *
 * <p>A translation file holds one block per Markdown cell, opened by a marker that names the cell's id
 * and the fingerprint of the English text it was translated from:
 *
 * <pre>
 * &lt;!-- cell 8eff0b80 en:3f2a9c1b7d4e --&gt;
 * ## Cổng quên tính gì
 * ...
 * </pre>
 *
 * The fingerprint is the first 12 hex digits of the SHA-256 of the English cell's source; when the
 * English text changes, the fingerprint no longer matches and the translation is stale. A marker
 * ending in {@code TODO} ({@code ./lab translate --stubs} writes them, with the English text) is a cell
 * still to translate. Nothing is written while a cell is missing or stale.
 */
public final class NotebookTranslations {
    /** {@code <!-- cell ID en:FINGERPRINT -->}, or {@code ... TODO -->} for a cell still to translate. */
    static final Pattern MARKER =
            Pattern.compile("^<!-- cell ([A-Za-z0-9_-]+) en:([0-9a-f]{12})( TODO)? -->$", Pattern.MULTILINE);

    private static final Gson NBFORMAT_STYLE = new GsonBuilder()
            .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" "))
            .disableHtmlEscaping()
            .serializeNulls() // "execution_count": null
            .create();

    private final Path notebooks;
    private final Path translations;
    private final String lang;

    /**
     * @param course the course folder, holding {@code notebooks/} and {@code translations/}
     * @param lang the edition's language, e.g. {@code "vi"}: {@code notebooks/vi/}, {@code translations/vi/}
     */
    public NotebookTranslations(Path course, String lang) {
        this.notebooks = course.resolve("notebooks");
        this.translations = course.resolve("translations").resolve(lang);
        this.lang = lang;
    }

    /** One translated Markdown cell: the text and the fingerprint of the English it was made from. */
    record Translation(String text, String fingerprint, boolean todo) {}

    /** {@code notebooks/NN.ipynb} for a notebook name. */
    Path english(String name) {
        return notebooks.resolve(name + ".ipynb");
    }

    /** {@code notebooks/vi/NN.ipynb}. */
    Path translated(String name) {
        return notebooks.resolve(lang).resolve(name + ".ipynb");
    }

    /** {@code translations/vi/NN.md}. */
    Path translationFile(String name) {
        return translations.resolve(name + ".md");
    }

    /** The English notebooks' names (without {@code .ipynb}), sorted. */
    public List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(notebooks)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length()))
                    .sorted()
                    .toList();
        }
    }

    /** The fingerprint of an English cell's text: the first 12 hex digits of its SHA-256. */
    public static String fingerprint(String english) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(english.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The blocks of a translation file by cell id, in file order. */
    static Map<String, Translation> parse(String file) {
        Map<String, Translation> cells = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(file);
        List<int[]> spans = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
        for (int k = 0; k < spans.size(); k++) {
            int from = spans.get(k)[1];
            int to = k + 1 < spans.size() ? spans.get(k + 1)[0] : file.length();
            String[] head = heads.get(k);
            String text = file.substring(from, to).strip();
            if (cells.put(head[0], new Translation(text, head[1], head[2] != null)) != null) {
                throw new IllegalArgumentException("cell " + head[0] + " is translated twice");
            }
        }
        return cells;
    }

    /**
     * What keeps notebook {@code name} from being generated: Markdown cells without a translation, stale
     * translations, translations of cells that no longer exist. Each line names the notebook, the cell and
     * what to do. Empty when the translation is complete.
     */
    public List<String> problems(String name) throws IOException {
        List<String> problems = new ArrayList<>();
        Path file = translationFile(name);
        String where = "notebooks/" + name + ".ipynb";
        Map<String, Translation> done = Files.exists(file) ? parse(Files.readString(file)) : Map.of();
        Map<String, String> markdown = markdownCells(read(english(name)));
        for (var cell : markdown.entrySet()) {
            String id = cell.getKey();
            String now = fingerprint(cell.getValue());
            Translation t = done.get(id);
            if (t == null || t.todo() || t.text().isEmpty()) {
                problems.add(where + ", Markdown cell " + id + ": no " + lang + " translation in " + file
                        + " — run ./lab translate --stubs, then translate the block marked \"cell " + id + " en:"
                        + now + " TODO\" and remove its TODO");
            } else if (!t.fingerprint().equals(now)) {
                problems.add(where + ", Markdown cell " + id + ": the " + lang
                        + " translation is stale, the English text changed since (" + file + " says en:"
                        + t.fingerprint() + ", the English is now en:" + now
                        + ") — update the translation to the English text, then set its marker to en:" + now);
            }
        }
        for (String id : done.keySet()) {
            if (!markdown.containsKey(id)) {
                problems.add(where + ": " + file + " translates cell " + id
                        + ", which is not a Markdown cell of the English notebook any more — delete that block");
            }
        }
        return problems;
    }

    /** The translated notebook as {@code ./lab translate} writes it, or an exception naming every problem. */
    public String generate(String name) throws IOException {
        List<String> problems = problems(name);
        if (!problems.isEmpty()) throw new IllegalStateException(String.join("\n", problems));
        Map<String, Translation> done = parse(Files.readString(translationFile(name)));
        JsonObject nb = read(english(name));
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("markdown")) {
                cell.add("source", lines(done.get(cell.get("id").getAsString()).text()));
            }
        }
        JsonObject meta = new JsonObject();
        meta.addProperty("lang", lang);
        meta.addProperty(
                "generated_from",
                "notebooks/" + name + ".ipynb and translations/" + lang + "/" + name
                        + ".md by ./lab translate: edit those, not this file");
        nb.getAsJsonObject("metadata").add("lstmlab", meta);
        return NBFORMAT_STYLE.toJson(sorted(nb)) + "\n";
    }

    /**
     * What differs between the committed translated notebooks and what {@code ./lab translate} would
     * write now: one line per notebook that is missing, stale, or edited by hand, saying what to do.
     */
    public List<String> outOfDate() throws IOException {
        List<String> differences = new ArrayList<>();
        for (String name : names()) {
            List<String> problems = problems(name);
            if (!problems.isEmpty()) {
                differences.addAll(problems);
                continue;
            }
            Path out = translated(name);
            if (!Files.exists(out)) {
                differences.add(out + " is missing — run ./lab translate");
            } else if (!Files.readString(out).equals(generate(name))) {
                differences.add(out + " differs from what notebooks/" + name + ".ipynb and " + translationFile(name)
                        + " give — run ./lab translate (edit the English notebook or the translation, never "
                        + out + ")");
            }
        }
        return differences;
    }

    /** Writes every translated notebook; returns the problems that kept some from being written. */
    public List<String> writeAll() throws IOException {
        List<String> problems = new ArrayList<>();
        Files.createDirectories(notebooks.resolve(lang));
        for (String name : names()) {
            List<String> p = problems(name);
            if (p.isEmpty()) {
                Files.writeString(translated(name), generate(name));
            } else {
                problems.addAll(p);
            }
        }
        return problems;
    }

    /**
     * Adds a {@code TODO} block, holding the English text, for every Markdown cell without a translation,
     * at the end of the notebook's translation file (created when missing).
     *
     * @return how many blocks were added
     */
    public int writeStubs() throws IOException {
        int added = 0;
        Files.createDirectories(translations);
        for (String name : names()) {
            Path file = translationFile(name);
            String text = Files.exists(file)
                    ? Files.readString(file)
                    : "<!-- LSTM Lab, " + lang + " translation of notebooks/" + name + ".ipynb: one block per"
                            + " Markdown cell, marked with the cell id and the fingerprint of the English text."
                            + " ./lab translate writes notebooks/" + lang + "/" + name + ".ipynb from it. -->\n";
            Map<String, Translation> done = parse(text);
            StringBuilder more = new StringBuilder();
            for (var cell : markdownCells(read(english(name))).entrySet()) {
                if (done.containsKey(cell.getKey())) continue;
                more.append("\n<!-- cell ")
                        .append(cell.getKey())
                        .append(" en:")
                        .append(fingerprint(cell.getValue()))
                        .append(" TODO -->\n")
                        .append(cell.getValue().strip())
                        .append('\n');
                added++;
            }
            if (!more.isEmpty() || !Files.exists(file)) Files.writeString(file, text + more);
        }
        return added;
    }

    /** The Markdown cells of a notebook: id to source, in order. */
    static Map<String, String> markdownCells(JsonObject nb) {
        Map<String, String> cells = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            index++;
            JsonObject cell = e.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("markdown")) continue;
            if (!cell.has("id")) throw new IllegalArgumentException("Markdown cell " + index + " has no id");
            cells.put(cell.get("id").getAsString(), source(cell));
        }
        return cells;
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonPrimitive()) return s.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement line : s.getAsJsonArray()) b.append(line.getAsString());
        return b.toString();
    }

    /** A text as nbformat stores it: a list of lines, each but the last ending in a newline. */
    private static JsonArray lines(String text) {
        JsonArray lines = new JsonArray();
        int from = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            lines.add(text.substring(from, nl + 1));
            from = nl + 1;
        }
        if (from < text.length()) lines.add(text.substring(from));
        return lines;
    }

    /** Keys in sorted order at every level, as nbformat writes them. */
    private static JsonElement sorted(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            new TreeMap<>(e.getAsJsonObject().asMap()).forEach((k, v) -> out.add(k, sorted(v)));
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement x : e.getAsJsonArray()) out.add(sorted(x));
            return out;
        }
        return e;
    }

    /**
     * {@code ./lab translate [--lang vi] [--check | --stubs]}: writes the translated notebooks, or only
     * reports what is out of date ({@code --check}), or adds TODO blocks for untranslated cells
     * ({@code --stubs}). Exits 1 when something is missing or stale.
     */
    public static void main(String[] args) throws IOException {
        String lang = "vi";
        String mode = "write";
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--lang" -> lang = args[++k];
                case "--check" -> mode = "check";
                case "--stubs" -> mode = "stubs";
                default -> {
                    System.err.println(
                            "lab translate: unknown option '" + args[k] + "' (expected --lang L, --check or --stubs)");
                    System.exit(2);
                }
            }
        }
        NotebookTranslations t = new NotebookTranslations(Path.of(""), lang);
        List<String> problems = switch (mode) {
            case "check" -> t.outOfDate();
            case "stubs" -> {
                System.err.println(
                        "lab translate: added " + t.writeStubs() + " TODO block(s) to translations/" + lang + "/");
                yield List.of();
            }
            default -> t.writeAll();
        };
        problems.forEach(p -> System.err.println("lab translate: " + p));
        if (!problems.isEmpty()) System.exit(1);
        if (mode.equals("write")) System.err.println("lab translate: wrote notebooks/" + lang + "/");
    }
}
