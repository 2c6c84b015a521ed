package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A code cell is the same in both editions, so what it prints in words goes through {@link Words}: every string
 * literal inside a {@code System.out.print…(…)} of a code cell, or naming a slider or a dropdown, that holds a word is
 * the first argument of {@code Words.t} or {@code Words.format} and has a Vietnamese line.
 */
class NotebookWordsTest {
    /** Every notebook of the course, {@code notebooks/NN-*.ipynb}, in order: a new one is covered when it lands. */
    static List<String> courseNotebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*\\.ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyWordACodeCellPrintsHasAVietnameseForm() throws Exception {
        List<String> wrong = new ArrayList<>();
        int printed = 0;
        List<String> notebooks = courseNotebooks();
        assertTrue(notebooks.size() >= 10, "found only " + notebooks + " in notebooks/: run the test from the course");
        for (String name : notebooks) {
            for (Path edition : List.of(Path.of("notebooks"), Path.of("notebooks/vi"))) {
                Path file = edition.resolve(name + ".ipynb");
                JsonObject nb = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
                for (JsonElement c : nb.getAsJsonArray("cells")) {
                    JsonObject cell = c.getAsJsonObject();
                    if (!cell.get("cell_type").getAsString().equals("code")) continue;
                    StringBuilder source = new StringBuilder();
                    for (JsonElement line : cell.getAsJsonArray("source")) source.append(line.getAsString());
                    for (String problem : untranslatedPrints(source.toString())) wrong.add(file + ": " + problem);
                    printed += prints(source.toString()).size();
                }
            }
        }
        assertTrue(printed > 80, "found only " + printed + " print calls: has the way cells print changed?");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCheckFindsAnEnglishLineAndOneWithoutAVietnameseForm() {
        String cell = """
                double before = 1; // "a comment" is not printed
                System.out.println("steps cached: " + before);
                System.out.print(Words.format("global gradient norm ‖g‖ = %.4g before clipping, %.4g after clipping at θ = 1%n",
                        before, before));
                System.out.println(Words.t("a line nobody translated"));
                System.out.println(curves.table(10, 50));
                System.out.println(String.format("%-14s m = %6.2f", "x", 1.0));
                var k = new IntSlider("k steps", 1, 60, 1, 20);
                var f = new FloatSlider(Words.t("forget gate f"), 0.5, 0.99, 0.01, 0.95);
                """;
        assertEquals(
                List.of(
                        "\"steps cached: \" is printed without Words",
                        "\"a line nobody translated\" has no line in words-vi.txt",
                        "\"k steps\" is printed without Words"),
                untranslatedPrints(cell));
    }

    /** The argument text of every {@code System.out.print…(…)} call of a cell, and of every control it makes. */
    static List<String> prints(String source) {
        List<String> calls = new ArrayList<>();
        Matcher m = Pattern.compile("System\\.out\\.print(?:ln|f)?\\(|new (?:IntSlider|FloatSlider|Dropdown<>)\\(")
                .matcher(source);
        while (m.find()) {
            int depth = 1, k = m.end();
            boolean inString = false;
            for (; k < source.length() && depth > 0; k++) {
                char ch = source.charAt(k);
                if (ch == '"' && source.charAt(k - 1) != '\\') inString = !inString;
                else if (!inString && ch == '(') depth++;
                else if (!inString && ch == ')') depth--;
            }
            calls.add(source.substring(m.end(), k - 1));
        }
        return calls;
    }

    /** What a cell prints in words without Words, or with no Vietnamese line. */
    static List<String> untranslatedPrints(String source) {
        List<String> problems = new ArrayList<>();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String args : prints(source)) {
            String joined = args.replaceAll("\"\\s*\\+\\s*\"", "");
            Matcher m = literal.matcher(joined);
            while (m.find()) {
                String text = m.group(1);
                String words = text.replaceAll("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]", "")
                        .replaceAll("tanh", "");
                if (!words.matches("(?s).*\\b[a-z]{3,}\\b.*")) continue; // symbols and numbers only
                String before = joined.substring(0, m.start()).stripTrailing();
                if (!before.endsWith("Words.t(") && !before.endsWith("Words.format(")) {
                    problems.add("\"" + text + "\" is printed without Words");
                } else if (!Words.has(text.replace("\\n", "\n").replace("\\\"", "\""))) {
                    problems.add("\"" + text + "\" has no line in words-vi.txt");
                }
            }
        }
        return problems;
    }
}
