package org.lstmlab.grade.report;

import java.nio.file.Path;
import java.util.Locale;
import org.lstmlab.grade.author.Say;

/**
 * The words of a report in one language: the headers, the exercises' titles and the class report's phrases, from
 * the resource bundle {@code org/lstmlab/grade/report/Messages*.properties} through {@link Say}. The hints in a
 * report were written in the student's language when the tests ran ({@link Say#say}).
 */
final class Messages {
    /** System property naming the report's language, e.g. {@code vi}. */
    static final String LANG_PROPERTY = Say.LANG_PROPERTY;
    /** Environment variable naming the report's language, e.g. {@code vi}. */
    static final String LANG_ENV = Say.LANG_ENV;

    static final Locale VIETNAMESE = Say.VIETNAMESE;

    private final Locale locale;

    Messages(Locale locale) {
        this.locale = locale;
    }

    /** The messages of the language the student chose (see {@link Say}). */
    static Messages current() {
        return new Messages(Say.language());
    }

    /** Vietnamese for {@code vi…}, English for anything else; with neither set, from the working directory. */
    static Locale locale(String property, String env, Path workingDirectory) {
        return Say.language(property, env, workingDirectory);
    }

    /** A header or phrase of the report, e.g. {@code report.points}, with {@code {0}} filled in. */
    String text(String key, Object... args) {
        return Say.in(locale, key, args);
    }

    /** An exercise's title: its translation ({@code title.E3}) where there is one, else the English. */
    String title(String id, String englishTitle) {
        var bundle = Say.bundle(locale);
        return bundle.containsKey("title." + id) ? bundle.getString("title." + id) : englishTitle;
    }
}
