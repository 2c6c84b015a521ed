package org.lstmlab.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readable features of Java source text, one value per character, to compare a character model's cells
 * with (Karpathy, Johnson &amp; Fei-Fei 2015): whether the character is inside a string (or char) literal,
 * inside a comment, how deep in braces {@code { }} and in parentheses {@code ( )} it is, and its position in
 * the line. Each value describes the text up to and including the character, as a model that has just read
 * it could know it. A small lexer: {@code "…"} and {@code '…'} with backslash escapes, {@code //} to the end
 * of the line, {@code /* … *}{@code /}; text blocks count as strings.
 *
 * <pre>{@code
 * Map<String, double[]> f = CodeFeatures.of("if (a) { s = \"}\"; } // x");
 * f.get(CodeFeatures.IN_STRING);    // 1 on \"}\", 0 elsewhere
 * }</pre>
 */
public final class CodeFeatures {
    /** 1 inside a string or char literal, its quotes included, else 0. */
    public static final String IN_STRING = "inside a string";
    /** 1 inside a comment, its // or /* … *{@literal /} included, else 0. */
    public static final String IN_COMMENT = "inside a comment";
    /** Braces open after the character, outside strings and comments. */
    public static final String BRACE_DEPTH = "brace depth { }";
    /** Parentheses open after the character, outside strings and comments. */
    public static final String PAREN_DEPTH = "parenthesis depth ( )";
    /** 0 for the first character of a line (and for the line break itself), 1 for the next … */
    public static final String COLUMN = "position in the line";

    private CodeFeatures() {}

    /** Every feature of {@code text}, each {@code [N]}, in the order of the constants above. */
    public static Map<String, double[]> of(String text) {
        int n = text.length();
        double[] string = new double[n], comment = new double[n], braces = new double[n], parens = new double[n];
        double[] column = new double[n];
        boolean inString = false, inLineComment = false, inBlockComment = false, escaped = false;
        char quote = 0;
        int braceDepth = 0, parenDepth = 0, col = 0;
        for (int k = 0; k < n; k++) {
            char ch = text.charAt(k);
            char next = k + 1 < n ? text.charAt(k + 1) : 0;
            boolean inStringHere = inString, inCommentHere = inLineComment || inBlockComment;
            if (inString) {
                if (escaped) escaped = false;
                else if (ch == '\\') escaped = true;
                else if (ch == quote || ch == '\n') inString = false; // the closing quote is still inside
            } else if (inLineComment) {
                if (ch == '\n') inLineComment = false;
            } else if (inBlockComment) {
                if (ch == '/' && k > 0 && text.charAt(k - 1) == '*' && !isBlockOpening(text, k - 1)) {
                    inBlockComment = false;
                }
            } else if (ch == '"' || ch == '\'') {
                inString = true;
                quote = ch;
                inStringHere = true;
            } else if (ch == '/' && next == '/') {
                inLineComment = true;
                inCommentHere = true;
            } else if (ch == '/' && next == '*') {
                inBlockComment = true;
                inCommentHere = true;
            } else if (ch == '{') braceDepth++;
            else if (ch == '}') braceDepth = Math.max(0, braceDepth - 1);
            else if (ch == '(') parenDepth++;
            else if (ch == ')') parenDepth = Math.max(0, parenDepth - 1);
            string[k] = inStringHere ? 1 : 0;
            comment[k] = inCommentHere ? 1 : 0;
            braces[k] = braceDepth;
            parens[k] = parenDepth;
            column[k] = col;
            col = ch == '\n' ? 0 : col + 1;
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        features.put(IN_STRING, string);
        features.put(IN_COMMENT, comment);
        features.put(BRACE_DEPTH, braces);
        features.put(PAREN_DEPTH, parens);
        features.put(COLUMN, column);
        return features;
    }

    /** Whether the {@code *} at {@code star} is the one of the comment's own opening {@code /*}. */
    private static boolean isBlockOpening(String text, int star) {
        return star > 0 && text.charAt(star - 1) == '/' && (star < 2 || text.charAt(star - 2) != '*');
    }

    /**
     * Pearson's correlation of two series of the same length; 0 when either is constant.
     *
     * @param a {@code [N]}
     * @param b {@code [N]}
     */
    public static double correlation(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException(
                    "a correlation needs two series of the same length ≥ 2 but has " + a.length + " and " + b.length);
        }
        double ma = 0, mb = 0;
        for (int k = 0; k < a.length; k++) {
            ma += a[k];
            mb += b[k];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < a.length; k++) {
            double da = a[k] - ma, db = b[k] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
