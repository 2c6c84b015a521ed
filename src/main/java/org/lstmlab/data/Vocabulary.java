package org.lstmlab.data;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The characters a text uses, each with an id 0 … V−1 in code order: the position of the 1 in the one-hot
 * x_t a character model reads, and the index of its probability in the model's output.
 */
public final class Vocabulary {
    private final char[] symbols;
    private final int[] ids; // id by char, −1 where absent

    private Vocabulary(char[] symbols) {
        this.symbols = symbols;
        this.ids = new int[Character.MAX_VALUE + 1];
        Arrays.fill(ids, -1);
        for (int k = 0; k < symbols.length; k++) ids[symbols[k]] = k;
    }

    /** The vocabulary of every character in {@code text}. */
    public static Vocabulary of(String text) {
        TreeSet<Character> seen = new TreeSet<>();
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException("the text has a character outside the Basic Multilingual Plane at "
                        + k + " (U+" + Integer.toHexString(text.codePointAt(k)).toUpperCase() + "): one id per Java "
                        + "char cannot hold it");
            }
            seen.add(ch);
        }
        char[] symbols = new char[seen.size()];
        int k = 0;
        for (char ch : seen) symbols[k++] = ch;
        return new Vocabulary(symbols);
    }

    /** V. */
    public int size() {
        return symbols.length;
    }

    /** The id of {@code ch}. */
    public int id(char ch) {
        int id = ids[ch];
        if (id < 0) {
            throw new IllegalArgumentException(
                    "'" + printable(ch) + "' is not in the vocabulary of " + size() + " characters");
        }
        return id;
    }

    /** The character of {@code id}, 0 … V−1. */
    public char symbol(int id) {
        if (id < 0 || id >= symbols.length) {
            throw new IllegalArgumentException("a character id is in 0 … " + (symbols.length - 1) + " but is " + id);
        }
        return symbols[id];
    }

    /** One id per character. */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        for (int k = 0; k < out.length; k++) out[k] = id(text.charAt(k));
        return out;
    }

    /** The characters of {@code ids}. */
    public String decode(int[] ids) {
        StringBuilder s = new StringBuilder(ids.length);
        for (int id : ids) s.append(symbol(id));
        return s.toString();
    }

    /** {@code ch} as a reader sees it in a message: {@code \n} for a line break. */
    public static String printable(char ch) {
        return switch (ch) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch);
        };
    }

    @Override
    public String toString() {
        return "Vocabulary of " + size() + " characters";
    }
}
