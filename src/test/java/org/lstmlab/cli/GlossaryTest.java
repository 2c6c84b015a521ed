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
 * parentheses once per course (at the first use, never in a heading, never nested), and none of the competing
 * renderings the glossary rules out — in the notebooks, the grader's Vietnamese messages and the student README.
 */
class GlossaryTest {
    static final Path GLOSSARY = Path.of("docs/glossary-vi.md");

    /** One row of the glossary. */
    record Entry(String english, String vietnamese, String firstUse, List<String> forbidden) {}

    private static final List<Entry> ENTRIES = load();

    static List<Entry> entries() {
        return ENTRIES;
    }

    private static List<Entry> load() {
        try {
            return read();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Entry> read() throws java.io.IOException {
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
                    // "độ lệch" is ruled out for bias, but "độ lệch chuẩn" (standard deviation) is a term of its own
                    Matcher m = word(variant).matcher(withoutLongerTerms(text.getValue(), variant));
                    if (m.find()) {
                        found.add(text.getKey() + ": \"" + m.group() + "\" — the glossary renders " + e.english()
                                + " as \"" + e.vietnamese() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "renderings that " + GLOSSARY + " rules out");
    }

    /**
     * Once per course: the first use of a term, in the first notebook that uses it (00, 01, … in order), gives the
     * English in parentheses; no later use does, in that notebook or another; no heading does.
     */
    @Test
    void theCourseGivesTheEnglishTermOnceAtItsFirstUseAndNeverInAHeading() throws Exception {
        List<String> found = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.firstUse().isEmpty()) continue;
            boolean used = false;
            for (var notebook : vietnameseMarkdown().entrySet()) {
                String name =
                        Path.of(notebook.getKey()).getFileName().toString().replace(".ipynb", ".md");
                String text = notebook.getValue();
                String prose = withoutHeadings(text);
                for (String heading : headings(text)) {
                    if (glossed(heading, e) >= 0) {
                        found.add(name + ": the heading \"" + heading.strip() + "\" glosses \"" + e.vietnamese()
                                + "\": give the English in the text below it, never in a heading");
                    }
                }
                Matcher m = word(e.vietnamese()).matcher(withoutLongerTerms(prose, e.vietnamese()));
                while (m.find()) {
                    boolean isGlossed = isGlossedAt(prose, m.start(), e);
                    if (!used && !isGlossed) {
                        found.add(name + ": the course's first \"" + e.vietnamese() + "\" should read \"" + e.firstUse()
                                + "\", but reads \"" + context(prose, m.start()) + "…\" — fix it in translations/vi/"
                                + name + ", then ./lab translate");
                    } else if (used && isGlossed) {
                        found.add(name + ": \"" + e.firstUse() + "\" again — the English is given once per course, at"
                                + " the first use; write only \"" + e.vietnamese() + "\" here");
                    }
                    used = true;
                }
            }
        }
        assertEquals(List.of(), found, "English glosses (" + GLOSSARY + ")");
    }

    /** A gloss is never inside another parenthesis nor right beside one: "(gradient tiêu biến (vanishing gradient))". */
    @Test
    void noGlossIsNestedOrClumpedWithAnotherParenthesis() throws Exception {
        List<String> found = new ArrayList<>();
        for (var notebook : vietnameseMarkdown().entrySet()) {
            String name = Path.of(notebook.getKey()).getFileName().toString();
            String text = withoutMathAndCode(notebook.getValue());
            for (Entry e : entries()) {
                if (e.firstUse().isEmpty()) continue;
                Matcher m = word(e.firstUse()).matcher(text);
                while (m.find()) {
                    int depth = 0;
                    int lineStart = text.lastIndexOf('\n', m.start()) + 1;
                    for (int k = lineStart; k < m.start(); k++) {
                        if (text.charAt(k) == '(') depth++;
                        if (text.charAt(k) == ')') depth = Math.max(0, depth - 1);
                    }
                    String after = text.substring(m.end()).stripLeading();
                    if (depth > 0 || after.startsWith("(")) {
                        found.add(name + ": \"" + context(text, Math.max(lineStart, m.start() - 20)) + "…\" — a gloss"
                                + " stands alone, never inside or beside another parenthesis");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "nested or clumped glosses (" + GLOSSARY + ")");
    }

    @Test
    void theGlossRulesFindWhatTheyRuleOut() {
        Entry vanishing = new Entry(
                "vanishing gradient", "gradient tiêu biến", "gradient tiêu biến (vanishing gradient)", List.of());
        assertTrue(isGlossedAt("Đây là gradient tiêu biến (vanishing gradient).", 7, vanishing));
        assertTrue(!isGlossedAt("Đây là gradient tiêu biến.", 7, vanishing));
        assertEquals(
                List.of("## Vì sao gradient tiêu biến (vanishing gradient)"),
                headings("Chữ.\n## Vì sao gradient tiêu biến (vanishing gradient)\nChữ."));
        assertEquals("a     b", withoutMathAndCode("a $x$ b"));
        assertTrue(!word("độ lệch")
                .matcher(withoutLongerTerms("bias và độ lệch chuẩn", "độ lệch"))
                .find());
        assertTrue(word("độ lệch")
                .matcher(withoutLongerTerms("độ lệch của cổng quên", "độ lệch"))
                .find());
    }

    private static boolean isGlossedAt(String text, int at, Entry e) {
        String open = e.firstUse().substring(0, e.firstUse().length() - 1);
        String here = text.substring(at, Math.min(text.length(), at + open.length() + 1));
        return here.length() == open.length() + 1
                && here.substring(0, open.length()).equalsIgnoreCase(open)
                && ");,".indexOf(here.charAt(open.length())) >= 0;
    }

    private static int glossed(String text, Entry e) {
        Matcher m = word(e.vietnamese()).matcher(text);
        while (m.find()) if (isGlossedAt(text, m.start(), e)) return m.start();
        return -1;
    }

    private static String context(String text, int at) {
        return text.substring(at, Math.min(text.length(), at + 60)).replace('\n', ' ');
    }

    private static List<String> headings(String text) {
        return text.lines().filter(l -> l.startsWith("#")).toList();
    }

    /** The text with its heading lines blanked out (same length). */
    private static String withoutHeadings(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.startsWith("#") ? " ".repeat(line.length()) : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** The text with $…$, $$…$$ and `…` blanked out (same length). */
    static String withoutMathAndCode(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = Pattern.compile("\\$\\$.*?\\$\\$|\\$[^$]*\\$|`[^`]*`", Pattern.DOTALL)
                .matcher(text);
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) if (out.charAt(k) != '\n') out.setCharAt(k, ' ');
        }
        return out.toString();
    }

    /**
     * The text with every occurrence of a longer glossary term that contains {@code term} blanked
     * out (same length), so that "độ lệch chuẩn" (standard deviation) is not a use of "độ lệch" (bias).
     */
    static String withoutLongerTerms(String text, String term) {
        StringBuilder masked = new StringBuilder(text);
        for (Entry other : ENTRIES) {
            String longer = other.vietnamese();
            if (longer.length() <= term.length() || !word(term).matcher(longer).find()) continue;
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
