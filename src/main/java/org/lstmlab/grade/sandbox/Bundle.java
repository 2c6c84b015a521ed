package org.lstmlab.grade.sandbox;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sentence a student reads, by key, in the student's language — the lookup itself, at the bottom of the
 * grader's rooms so that the sandbox's own messages (time limits, broken rules, refused files, compile errors)
 * use it too; the exercises' tests call it as {@code org.lstmlab.grade.author.Say}. The bundle: the resource bundle
 * {@code org/lstmlab/grade/report/Messages.properties} (English, the source) and {@code Messages_vi.properties}
 * (UTF-8). A message's parameters are {@code {0}}, {@code {1}} …, filled in as they come; every other brace is
 * text, so the course's symbols ({@code h_{t-1}}) need no quoting, and neither does an apostrophe. A parameter
 * may carry a {@link MessageFormat} style, e.g. {@code {0,choice,1#point|1<points}}.
 *
 * <p>An exercise's hint is {@code say("hint.E5.noInputGate")} or, with its symbols as parameters,
 * {@code say("hint.missesBias", "f_t", "b_f")}; {@code MessagesTest} fails when a key has no Vietnamese form or
 * the two languages' parameters differ, and when an exercise's source holds an English sentence outside a key.
 *
 * <p>The language is the system property {@value #LANG_PROPERTY}, else the environment variable
 * {@value #LANG_ENV} ({@code ./lab start --lang vi} sets it), else Vietnamese when the working directory is the
 * Vietnamese edition {@code notebooks/vi} (the kernel of a notebook runs in its folder), else English.
 */
public final class Bundle {
    /** System property naming the student's language, e.g. {@code vi}. */
    public static final String LANG_PROPERTY = "lstmlab.lang";
    /** Environment variable naming the student's language, e.g. {@code vi}. */
    public static final String LANG_ENV = "LSTMLAB_LANG";

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The bundle's base name. */
    public static final String BUNDLE = "org.lstmlab.grade.report.Messages";

    // no fallback to the JVM's default locale: a Vietnamese machine still gets English unless asked
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\d+)(,[^{}]*(?:\\{[^{}]*\\}[^{}]*)*)?\\}");

    private Bundle() {}

    /** The message {@code key} in the student's language, its parameters filled in. */
    public static String say(String key, Object... args) {
        return in(language(), key, args);
    }

    /** The message {@code key} in {@code locale}'s language (English unless Vietnamese), its parameters filled in. */
    public static String in(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            throw new MissingResourceException(
                    "no message '" + key + "' in " + BUNDLE.replace('.', '/') + ".properties: add it there and in"
                            + " Messages_vi.properties",
                    BUNDLE,
                    key);
        }
        return format(bundle.getString(key), args);
    }

    /** Whether the English bundle has {@code key}. */
    public static boolean has(String key) {
        return bundle(Locale.ROOT).containsKey(key);
    }

    /** The bundle of {@code locale}: Vietnamese for {@code vi}, else English. */
    public static ResourceBundle bundle(Locale locale) {
        Locale l = locale.getLanguage().equals("vi") ? VIETNAMESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, CONTROL);
    }

    /** {@code pattern} with {@code {n}} replaced by the n-th argument; other braces are text. */
    public static String format(String pattern, Object... args) {
        Matcher m = PARAMETER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= args.length) {
                throw new IllegalArgumentException(
                        "the message '" + pattern + "' needs argument {" + n + "} but got " + args.length);
            }
            String value = m.group(2) == null
                    ? String.valueOf(args[n])
                    : new MessageFormat("{0" + m.group(2) + "}", Locale.ROOT).format(new Object[] {args[n]});
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The language the student chose (see the class comment). */
    public static Locale language() {
        return language(
                System.getProperty(LANG_PROPERTY), System.getenv(LANG_ENV), Path.of(System.getProperty("user.dir")));
    }

    /** Vietnamese for {@code vi…}, English for anything else; with neither set, from the working directory. */
    public static Locale language(String property, String env, Path workingDirectory) {
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
}
