package org.lstmlab.plot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the library draws and prints — chart titles, axis labels, legends, the lines the course's scenes print —
 * in the student's language, so a code cell stays the same in both editions and its output follows the edition. The
 * language is the grader's: the system property {@code lstmlab.lang}, else the environment variable
 * {@code LSTMLAB_LANG}, else Vietnamese when the working directory is {@code notebooks/vi} (where Jupyter starts a
 * Vietnamese notebook's kernel), else English.
 *
 * <p>The Vietnamese is {@code org/lstmlab/plot/words-vi.txt}: one line per text, the English, a tab, the Vietnamese.
 * A whole text is looked up, never a part of one; {@code {0}}, {@code {1}} … in an English line stand for any text
 * (a number, a symbol) and are carried over, e.g. {@code Adding problem, T = {0}: training loss}. A text without a
 * line stays English. The Vietnamese keeps the spaces the English has at either end (a piece of a sentence).
 *
 * <p>A word alone means different things in different places ("test" the data's test part or a JUnit test; "true" a
 * yes/no answer or a truth value), so a line of one word names where it is meant: {@code @part test}, looked up with
 * {@link #term(String, String) term("part", "test")} only; {@link #t} never finds it. {@code WordsTest} holds that
 * every line of one word carries its place, except the words charts draw as labels and legends.
 */
public final class Words {
    private static final String RESOURCE = "words-vi.txt";
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)\\}");

    /** One line of the file: the English as a pattern, its parameters in order, the Vietnamese. */
    private record Line(Pattern english, List<Integer> parameters, String vietnamese) {}

    private static final Map<String, String> EXACT = new LinkedHashMap<>();
    /** The lines of one word, by {@code @place word}. */
    private static final Map<String, String> TERMS = new LinkedHashMap<>();

    private static final List<Line> TEMPLATES = new ArrayList<>();

    static {
        try (InputStream in = Words.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing beside " + Words.class.getName());
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab < 0) throw new IllegalStateException(RESOURCE + ": no tab in \"" + line + "\"");
                String en = line.substring(0, tab);
                // the Vietnamese keeps the English's spaces at either end (a piece of a sentence: " from %s …")
                String vi = en.substring(0, en.length() - en.stripLeading().length())
                        + line.substring(tab + 1).strip()
                        + en.substring(en.stripTrailing().length());
                if (en.startsWith("@")) {
                    TERMS.put(en, vi);
                    continue;
                }
                if (!PARAMETER.matcher(en).find()) {
                    EXACT.put(en, vi);
                    continue;
                }
                StringBuilder regex = new StringBuilder();
                List<Integer> order = new ArrayList<>();
                Matcher m = PARAMETER.matcher(en);
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(en.substring(last, m.start()))).append("(.+?)");
                    order.add(Integer.parseInt(m.group(1)));
                    last = m.end();
                }
                regex.append(Pattern.quote(en.substring(last)));
                TEMPLATES.add(new Line(Pattern.compile(regex.toString(), Pattern.DOTALL), order, vi));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the template with the most fixed text first: "Trained LSTM, T = {0}: unit {1} …" before "{0} unit {1}"
        TEMPLATES.sort((x, y) -> Integer.compare(fixedText(y), fixedText(x)));
    }

    private static int fixedText(Line l) {
        return l.english().pattern().replaceAll("\\(\\.\\+\\?\\)|\\\\[QE]", "").length();
    }

    private Words() {}

    /** {@code english} in the student's language. */
    public static String t(String english) {
        return vietnamese() ? vietnamese(english) : english;
    }

    /**
     * The word {@code english} in the student's language, in the sense it has in {@code place}: the line
     * {@code @place english}, e.g. {@code term("part", "test")} is "kiểm tra" in Vietnamese.
     */
    public static String term(String place, String english) {
        if (!vietnamese()) return english;
        String vi = TERMS.get(key(place, english));
        return vi == null ? english : vi;
    }

    /** A yes/no answer in the student's language: {@code true}/{@code false}, in Vietnamese "có"/"không". */
    public static String yes(boolean answer) {
        return term("yes/no", String.valueOf(answer));
    }

    private static String key(String place, String english) {
        return "@" + place + " " + english;
    }

    /**
     * {@code englishFormat} in the student's language, then {@link String#format} with {@code args} (root locale:
     * a decimal point in both editions). The file holds the format itself, e.g. {@code T = %d trained in %.0f s%n};
     * its Vietnamese keeps the same conversions in the same order ({@code WordsTest} holds it).
     */
    public static String format(String englishFormat, Object... args) {
        return String.format(Locale.ROOT, t(englishFormat), args);
    }

    /** {@code english} in Vietnamese where the file has it, else as it is. */
    static String vietnamese(String english) {
        if (english == null) return null;
        String exact = EXACT.get(english);
        if (exact != null) return exact;
        for (Line l : TEMPLATES) {
            Matcher m = l.english().matcher(english);
            if (!m.matches()) continue;
            String out = l.vietnamese();
            for (int k = 0; k < l.parameters().size(); k++) {
                out = out.replace("{" + l.parameters().get(k) + "}", m.group(k + 1));
            }
            return out;
        }
        return english;
    }

    /** Whether the file has {@code english}, whole, as a template or as a word of some place. */
    static boolean has(String english) {
        return !vietnamese(english).equals(english)
                || EXACT.containsKey(english)
                || TERMS.keySet().stream().anyMatch(k -> k.endsWith(" " + english));
    }

    /** Whether the student's language is Vietnamese (see the class comment). */
    public static boolean vietnamese() {
        String lang = System.getProperty("lstmlab.lang");
        if (lang == null || lang.isBlank()) lang = System.getenv("LSTMLAB_LANG");
        if (lang == null || lang.isBlank()) {
            Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
            return here.getFileName() != null
                    && here.getFileName().toString().equals("vi")
                    && here.getParent() != null
                    && here.getParent().getFileName() != null
                    && here.getParent().getFileName().toString().equals("notebooks");
        }
        return lang.strip().toLowerCase(Locale.ROOT).startsWith("vi");
    }
}
