package org.lstmlab.grade.author;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import org.lstmlab.grade.sandbox.Bundle;

/**
 * Every sentence a student reads, by key, in the student's language: the resource bundle
 * {@code org/lstmlab/grade/report/Messages.properties} (English, the source) and {@code Messages_vi.properties}
 * (UTF-8), looked up by {@link Bundle} (at the bottom of the grader's rooms, so the sandbox's messages use it too).
 * A message's parameters are {@code {0}}, {@code {1}} …, filled in as they come; every other brace is text, so the
 * course's symbols ({@code h_{t-1}}) need no quoting, and neither does an apostrophe. A parameter may carry a
 * {@link java.text.MessageFormat} style, e.g. {@code {0,choice,1#point|1<points}}.
 *
 * <p>An exercise's hint is {@code say("hint.E5.noInputGate")} or, with its symbols as parameters,
 * {@code say("hint.missesBias", "f_t", "b_f")}; {@code MessagesTest} fails when a key has no Vietnamese form or
 * the two languages' parameters differ, and when an exercise's source holds an English sentence outside a key.
 *
 * <p>The language is the system property {@value #LANG_PROPERTY}, else the environment variable
 * {@value #LANG_ENV} ({@code ./lab start --lang vi} sets it), else Vietnamese when the working directory is the
 * Vietnamese edition {@code notebooks/vi} (the kernel of a notebook runs in its folder), else English.
 */
public final class Say {
    /** System property naming the student's language, e.g. {@code vi}. */
    public static final String LANG_PROPERTY = Bundle.LANG_PROPERTY;
    /** Environment variable naming the student's language, e.g. {@code vi}. */
    public static final String LANG_ENV = Bundle.LANG_ENV;

    public static final Locale VIETNAMESE = Bundle.VIETNAMESE;

    /** The bundle's base name. */
    public static final String BUNDLE = Bundle.BUNDLE;

    private Say() {}

    /** The message {@code key} in the student's language, its parameters filled in. */
    public static String say(String key, Object... args) {
        return Bundle.say(key, args);
    }

    /** The message {@code key} in {@code locale}'s language (English unless Vietnamese), its parameters filled in. */
    public static String in(Locale locale, String key, Object... args) {
        return Bundle.in(locale, key, args);
    }

    /** Whether the English bundle has {@code key}. */
    public static boolean has(String key) {
        return Bundle.has(key);
    }

    /** The bundle of {@code locale}: Vietnamese for {@code vi}, else English. */
    public static ResourceBundle bundle(Locale locale) {
        return Bundle.bundle(locale);
    }

    /** {@code pattern} with {@code {n}} replaced by the n-th argument; other braces are text. */
    public static String format(String pattern, Object... args) {
        return Bundle.format(pattern, args);
    }

    /** The language the student chose (see the class comment). */
    public static Locale language() {
        return Bundle.language();
    }

    /** Vietnamese for {@code vi…}, English for anything else; with neither set, from the working directory. */
    public static Locale language(String property, String env, Path workingDirectory) {
        return Bundle.language(property, env, workingDirectory);
    }

    /** An exercise's title in the student's language: {@code title.E3} where the bundle has it, else the English. */
    public static String title(String id, String englishTitle) {
        ResourceBundle b = bundle(language());
        return b.containsKey("title." + id) ? b.getString("title." + id) : englishTitle;
    }
}
