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
 * not one of them), and an {@code = %} inside a string literal or after {@code //} is left alone.
 */
final class MagicExpressions {

    private static final Pattern AFTER_ASSIGNMENT = Pattern.compile("=[ \\t]*%([A-Za-z]\\w*)(.*)$");

    private MagicExpressions() {}

    /**
     * The line with its magic in expression position made a call, or the line itself when it has none.
     *
     * @param line one line of Java code (not a line that is a magic itself)
     * @return the line to compile
     */
    static String transform(String line) {
        Matcher magic = AFTER_ASSIGNMENT.matcher(line);
        if (!magic.find()
                || magic.start() > 0 && "=!<>".indexOf(line.charAt(magic.start() - 1)) >= 0 // ==, !=, <=, >=
                || inStringOrComment(line.substring(0, magic.start()))) {
            return line;
        }
        String arguments = magic.group(2).strip();
        if (arguments.endsWith(";")) {
            arguments = arguments.substring(0, arguments.length() - 1).strip();
        }
        return line.substring(0, magic.start()) + "= lineMagic(" + literal(magic.group(1)) + ", java.util.List.of("
                + split(arguments).stream().map(MagicExpressions::literal).collect(Collectors.joining(", ")) + "));";
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

    /** Whether the end of this code is inside a string or character literal or a {@code //} comment. */
    private static boolean inStringOrComment(String code) {
        char quote = 0;
        for (int k = 0; k < code.length(); k++) {
            char c = code.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && k + 1 < code.length() && code.charAt(k + 1) == '/') {
                return true;
            }
        }
        return quote != 0;
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
