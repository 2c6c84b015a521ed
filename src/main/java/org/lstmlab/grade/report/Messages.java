package org.lstmlab.grade.report;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The words of a student's report in the student's language: the table's headers, the exercises' titles
 * and the most common hints, from the resource bundle {@code org/lstmlab/grade/report/Messages*.properties}
 * (UTF-8). English is the default and the source; a translation gives a header or title by key, and a hint
 * as the replacement of the English pattern the base bundle holds under the same {@code feedback.} key.
 *
 * <p>The language is the system property {@value #LANG_PROPERTY}, else the environment variable
 * {@value #LANG_ENV} ({@code ./lab start --lang vi} sets it), else Vietnamese when the working directory
 * is the Vietnamese edition {@code notebooks/vi} (the kernel of a notebook runs in its folder), else
 * English.
 */
final class Messages {
    /** System property naming the report's language, e.g. {@code vi}. */
    static final String LANG_PROPERTY = "lstmlab.lang";
    /** Environment variable naming the report's language, e.g. {@code vi}. */
    static final String LANG_ENV = "LSTMLAB_LANG";

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String BUNDLE = "org.lstmlab.grade.report.Messages";
    // no fallback to the JVM's default locale: a Vietnamese machine still gets English unless asked
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle english = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, CONTROL);
    private final ResourceBundle local;
    private final List<Hint> hints;

    /** One hint: the English pattern and its translation. */
    private record Hint(Pattern english, String translated) {}

    Messages(Locale locale) {
        local = ResourceBundle.getBundle(BUNDLE, locale, CONTROL);
        hints = english.keySet().stream()
                .filter(k -> k.startsWith("feedback.") && !local.getString(k).equals(english.getString(k)))
                .sorted()
                .map(k -> new Hint(Pattern.compile(english.getString(k)), local.getString(k)))
                .toList();
    }

    /** The messages of the language the student chose (see the class comment). */
    static Messages current() {
        return new Messages(locale(
                System.getProperty(LANG_PROPERTY), System.getenv(LANG_ENV), Path.of(System.getProperty("user.dir"))));
    }

    /** Vietnamese for {@code vi…}, English for anything else; with neither set, from the working directory. */
    static Locale locale(String property, String env, Path workingDirectory) {
        String lang = property != null && !property.isBlank() ? property : env;
        if (lang == null || lang.isBlank()) {
            Path here = workingDirectory.toAbsolutePath().normalize();
            boolean vietnameseEdition = here.getFileName() != null
                    && here.getFileName().toString().equals("vi")
                    && here.getParent() != null
                    && here.getParent().getFileName() != null
                    && here.getParent().getFileName().toString().equals("notebooks");
            return vietnameseEdition ? VIETNAMESE : Locale.ENGLISH;
        }
        return lang.strip().toLowerCase(Locale.ROOT).startsWith("vi") ? VIETNAMESE : Locale.ENGLISH;
    }

    /** A header or phrase of the report, e.g. {@code report.points}, with {@code {0}} filled in. */
    String text(String key, Object... args) {
        return MessageFormat.format(local.getString(key).replace("'", "''"), args);
    }

    /** An exercise's title: its translation ({@code title.E3}) where there is one, else the English. */
    String title(String id, String englishTitle) {
        String key = "title." + id;
        return local.containsKey(key) ? local.getString(key) : englishTitle;
    }

    /** Feedback with every hint the bundle knows in the student's language; the rest stays as the grader wrote it. */
    String feedback(String text) {
        String out = text;
        for (Hint h : hints) out = h.english().matcher(out).replaceAll(h.translated());
        return out;
    }
}
