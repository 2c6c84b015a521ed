package org.lstmlab.grade.sandbox;

/**
 * Text that came from a submission (an exception's message, what it printed, a compiler error about its
 * source, a file or student name), made safe once where it enters the grader: an unpaired surrogate becomes
 * U+FFFD, so the text is valid UTF-8 in every report; NUL and every other control character but a line end
 * and a tab, the escape that starts ANSI and OSC sequences included, and the Unicode characters that reorder
 * text, are written as {@code \u001b} and the like, so nothing a student wrote can clear the instructor's
 * screen, write to their clipboard or hide text in a report.
 */
public final class Untrusted {
    /** Longer text is cut here: a message is read by a person, not a program. */
    static final int MAX_CHARS = 16_384;

    private Untrusted() {}

    /** {@code s} made safe to print and to write as UTF-8; null stays null. */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 16);
        int n = s.length();
        for (int i = 0; i < n && out.length() < MAX_CHARS; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\r') {
                if (i + 1 >= n || s.charAt(i + 1) != '\n') {
                    out.append('\n'); // a lone CR would overwrite the line on a console
                }
            } else if (Character.isISOControl(c) || isReordering(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_CHARS) {
            out.setLength(MAX_CHARS);
            out.append(" … (cut)");
        }
        return out.toString();
    }

    /** Longer names are cut here. */
    static final int MAX_NAME_CHARS = 80;

    /**
     * A name from a submission (a student's folder or zip) as {@link #text} makes it, on one line: line ends and
     * tabs written as {@code \u000a} and the like too, and cut to 80 characters.
     */
    public static String name(String s) {
        String t = text(s).replace("\n", "\\u000a").replace("\t", "\\u0009");
        return t.codePointCount(0, t.length()) <= MAX_NAME_CHARS
                ? t
                : t.substring(0, t.offsetByCodePoints(0, MAX_NAME_CHARS)) + "…";
    }

    /** The bidirectional controls that can make a report show other text than it holds. */
    private static boolean isReordering(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }
}
