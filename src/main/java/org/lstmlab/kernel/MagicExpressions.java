package org.lstmlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * IJava's magics in expression position: a line magic right after an {@code =} is a call of the notebook's
 * {@code lineMagic} ({@link Notebook#lineMagic}), so {@code List<String> jars = %jars lib/*.jar} assigns the paths
 * the magic added. As in IJava, the magic takes the rest of the line as its arguments (a trailing {@code ;} is
 * not one of them), and an {@code = %} inside a string, a text block or a comment is left alone.
 */
final class MagicExpressions {

    private static final Pattern AFTER_ASSIGNMENT = Pattern.compile("=[ \\t]*%([A-Za-z]\\w*)(.*)$");

    private MagicExpressions() {}

    /**
     * The code with each magic in expression position made a call; the rest as it is, line for line.
     *
     * @param code Java code (lines that are magics themselves already taken out)
     * @return the code to compile, with as many lines
     */
    static String transform(String code) {
        StringBuilder out = new StringBuilder(code.length());
        Matcher magic = AFTER_ASSIGNMENT.matcher(code);
        int k = 0;
        while (k < code.length()) {
            char c = code.charAt(k);
            if (code.startsWith("\"\"\"", k)) { // a text block, to its end
                int end = code.indexOf("\"\"\"", k + 3);
                end = end < 0 ? code.length() : end + 3;
                out.append(code, k, end);
                k = end;
            } else if (c == '"' || c == '\'') { // a literal, to its quote (or the line's end)
                int end = k + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, code.length());
                out.append(code, k, end);
                k = end;
            } else if (code.startsWith("//", k)) {
                int end = code.indexOf('\n', k);
                end = end < 0 ? code.length() : end;
                out.append(code, k, end);
                k = end;
            } else if (code.startsWith("/*", k)) {
                int end = code.indexOf("*/", k + 2);
                end = end < 0 ? code.length() : end + 2;
                out.append(code, k, end);
                k = end;
            } else if (c == '='
                    && (k == 0 || "=!<>".indexOf(code.charAt(k - 1)) < 0) // not ==, !=, <=, >=
                    && magic.region(k, lineEnd(code, k)).lookingAt()) {
                String arguments = magic.group(2).strip();
                if (arguments.endsWith(";")) {
                    arguments = arguments.substring(0, arguments.length() - 1).strip();
                }
                out.append("= lineMagic(")
                        .append(literal(magic.group(1)))
                        .append(", java.util.List.of(")
                        .append(split(arguments).stream()
                                .map(MagicExpressions::literal)
                                .collect(Collectors.joining(", ")))
                        .append("));");
                k = magic.end();
            } else {
                out.append(c);
                k++;
            }
        }
        return out.toString();
    }

    private static int lineEnd(String code, int from) {
        int end = code.indexOf('\n', from);
        return end < 0 ? code.length() : end;
    }

    /**
     * A magic's arguments split at blanks; a double-quoted argument keeps its blanks and loses its quotes.
     *
     * @param arguments the text after the magic's name
     * @return the arguments, none for blank text
     */
    static List<String> split(String arguments) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : arguments.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    parts.add(part.toString());
                }
                part.setLength(0);
                any = false;
            } else {
                part.append(c);
                any = true;
            }
        }
        if (any) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** The arguments back as one line, a blank-holding argument in quotes ({@link #split} reads it back). */
    static String join(List<String> arguments) {
        return arguments.stream()
                .map(a -> a.isEmpty() || a.chars().anyMatch(Character::isWhitespace) ? "\"" + a + "\"" : a)
                .collect(Collectors.joining(" "));
    }

    private static String literal(String text) {
        StringBuilder java = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> java.append("\\\"");
                case '\\' -> java.append("\\\\");
                case '\t' -> java.append("\\t");
                default -> java.append(c);
            }
        }
        return java.append('"').toString();
    }
}
