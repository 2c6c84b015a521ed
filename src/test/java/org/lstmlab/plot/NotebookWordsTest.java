package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A code cell is the same in both editions, so what it prints in words goes through {@link Words}: every string
 * literal inside a {@code System.out.print…(…)} of a code cell that holds a word is the first argument of
 * {@code Words.t} or {@code Words.format} and has a Vietnamese line.
 */
class NotebookWordsTest {
    /** The notebooks whose code cells print through Words; 00, 02, 05 and 06 follow when their cells settle. */
    static final List<String> THROUGH_WORDS = List.of(
            "01-rnn-vanishing-gradients",
            "03-input-gate-and-candidate",
            "04-cell-state",
            "07-long-range-dependencies",
            "08-real-data",
            "10-lstm-that-writes");

    @Test
    void everyWordACodeCellPrintsHasAVietnameseForm() throws Exception {
        List<String> wrong = new ArrayList<>();
        int printed = 0;
        for (String name : THROUGH_WORDS) {
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
        assertTrue(printed > 20, "found only " + printed + " print calls: has the way cells print changed?");
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
                """;
        assertEquals(
                List.of(
                        "\"steps cached: \" is printed without Words",
                        "\"a line nobody translated\" has no line in words-vi.txt"),
                untranslatedPrints(cell));
    }

    /** The argument text of every {@code System.out.print…(…)} call of a cell. */
    static List<String> prints(String source) {
        List<String> calls = new ArrayList<>();
        Matcher m = Pattern.compile("System\\.out\\.print(?:ln|f)?\\(").matcher(source);
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
