package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese edition follows {@code docs/glossary-vi.md}: one rendering per term, the English term in
 * parentheses at its first use in each notebook, and none of the competing renderings the glossary rules
 * out — in the notebooks, the grader's Vietnamese messages and the student README.
 */
class GlossaryTest {
    static final Path GLOSSARY = Path.of("docs/glossary-vi.md");

    /** One row of the glossary. */
    record Entry(String english, String vietnamese, String firstUse, List<String> forbidden) {}

    static List<Entry> entries() throws Exception {
        List<Entry> entries = new ArrayList<>();
        boolean table = false;
        for (String line : Files.readAllLines(GLOSSARY)) {
            if (line.startsWith("| English |")) {
                table = true;
                continue;
            }
            if (!table || line.startsWith("|---") || !line.startsWith("|")) continue;
            String[] c = line.substring(1, line.length() - 1).split("\\|", -1);
            assertEquals(5, c.length, "a glossary row has five columns: " + line);
            List<String> forbidden = Arrays.stream(c[4].split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(GlossaryTest::nfc)
                    .toList();
            entries.add(new Entry(c[0].strip(), nfc(c[1].strip()), nfc(c[2].strip()), forbidden));
        }
        assertTrue(entries.size() > 40, "the glossary table was not found in " + GLOSSARY);
        return entries;
    }

    @Test
    void everyTermHasOneRenderingAndEveryRenderingOneTerm() throws Exception {
        Set<String> english = new HashSet<>();
        Set<String> vietnamese = new HashSet<>();
        Set<String> renderings = new HashSet<>();
        for (Entry e : entries()) renderings.add(e.vietnamese().toLowerCase());
        for (Entry e : entries()) {
            assertTrue(english.add(e.english().toLowerCase()), e.english() + " has two rows in " + GLOSSARY);
            assertTrue(
                    vietnamese.add(e.vietnamese().toLowerCase()),
                    e.vietnamese() + " renders two English terms in " + GLOSSARY);
            assertTrue(
                    e.firstUse().isEmpty() || e.firstUse().startsWith(e.vietnamese() + " ("),
                    e.english() + ": the first use must be the rendering and the English in parentheses: " + e);
            for (String f : e.forbidden()) {
                assertTrue(
                        !renderings.contains(f.toLowerCase()),
                        f + " is forbidden for " + e.english() + " but is the rendering of another term");
            }
        }
    }

    @Test
    void noCompetingRenderingOfAGlossaryTermAppearsInTheVietnameseEdition() throws Exception {
        List<String> found = new ArrayList<>();
        for (var text : vietnameseTexts().entrySet()) {
            for (Entry e : entries()) {
                for (String variant : e.forbidden()) {
                    Matcher m = word(variant).matcher(text.getValue());
                    if (m.find()) {
                        found.add(text.getKey() + ": \"" + m.group() + "\" — the glossary renders " + e.english()
                                + " as \"" + e.vietnamese() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "renderings that " + GLOSSARY + " rules out");
    }

    @Test
    void eachNotebookGivesTheEnglishTermInParenthesesAtItsFirstUse() throws Exception {
        List<String> found = new ArrayList<>();
        for (var notebook : vietnameseMarkdown().entrySet()) {
            String text = notebook.getValue();
            for (Entry e : entries()) {
                if (e.firstUse().isEmpty()) continue;
                Matcher m = word(e.vietnamese()).matcher(withoutLongerTerms(text, e));
                if (!m.find()) continue;
                // "cổng quên (forget gate)", or with more in the parentheses: "chế độ nhanh (quick mode; …)"
                String open = e.firstUse().substring(0, e.firstUse().length() - 1);
                String at = text.substring(m.start(), Math.min(text.length(), m.start() + open.length() + 1));
                boolean glossed = at.length() == open.length() + 1
                        && at.substring(0, open.length()).equalsIgnoreCase(open)
                        && ");,".indexOf(at.charAt(open.length())) >= 0;
                if (!glossed) {
                    String context = text.substring(m.start(), Math.min(text.length(), m.start() + 60));
                    found.add(notebook.getKey() + ": the first \"" + e.vietnamese() + "\" should read \"" + e.firstUse()
                            + "\", but reads \"" + context.replace('\n', ' ') + "…\" — fix it in translations/vi/"
                            + Path.of(notebook.getKey())
                                    .getFileName()
                                    .toString()
                                    .replace(".ipynb", ".md")
                            + ", then ./lab translate");
                }
            }
        }
        assertEquals(List.of(), found, "first uses without the English term (" + GLOSSARY + ")");
    }

    /**
     * The text with every occurrence of a longer glossary term that contains {@code e}'s rendering blanked
     * out (same length), so that "độ lệch chuẩn" (standard deviation) is not a use of "độ lệch" (bias).
     */
    private static String withoutLongerTerms(String text, Entry e) throws Exception {
        StringBuilder masked = new StringBuilder(text);
        for (Entry other : entries()) {
            String longer = other.vietnamese();
            if (longer.length() <= e.vietnamese().length()
                    || !word(e.vietnamese()).matcher(longer).find()) continue;
            Matcher m = word(longer).matcher(text);
            while (m.find()) {
                for (int k = m.start(); k < m.end(); k++) masked.setCharAt(k, ' ');
            }
        }
        return masked.toString();
    }

    /** The term as a whole word or phrase, ignoring case. */
    private static Pattern word(String term) {
        return Pattern.compile(
                "(?<![\\p{L}\\p{M}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{M}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every Vietnamese text of the course: the notebooks' Markdown, the grader's messages, the student README. */
    private static Map<String, String> vietnameseTexts() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>(vietnameseMarkdown());
        for (Path p : List.of(
                Path.of("src/main/resources/org/lstmlab/grade/report/Messages_vi.properties"),
                Path.of("docs/student-README.vi.md"))) {
            if (Files.exists(p)) texts.put(p.toString(), nfc(Files.readString(p)));
        }
        return texts;
    }

    /** The Markdown of each notebook in notebooks/vi/, its cells in order. */
    private static Map<String, String> vietnameseMarkdown() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("notebooks/vi"))) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                JsonObject nb = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
                StringBuilder all = new StringBuilder();
                for (JsonElement e : nb.getAsJsonArray("cells")) {
                    JsonObject cell = e.getAsJsonObject();
                    if (!cell.get("cell_type").getAsString().equals("markdown")) continue;
                    for (JsonElement line : cell.getAsJsonArray("source")) all.append(line.getAsString());
                    all.append("\n\n");
                }
                texts.put(p.toString(), nfc(all.toString()));
            }
        }
        assertTrue(!texts.isEmpty(), "no notebooks in notebooks/vi/ (./lab translate writes them)");
        return texts;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
