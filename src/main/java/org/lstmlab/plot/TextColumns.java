package org.lstmlab.plot;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in columns as wide as their widest cell, so a table lines up in either language: "kiểm định" is
 * wider than "test", and a fixed {@code %-11s} made for the English pushes the Vietnamese columns apart. A cell's
 * width is what a monospace font shows: a letter with its tone marks is one place, however it is encoded.
 *
 * <pre>{@code
 * String table = TextColumns.of("lr", List.of(
 *         List.of(Words.term("column", "part"), Words.term("column", "windows")),
 *         List.of(Words.term("part", "train"), "2916")));
 * }</pre>
 */
public final class TextColumns {
    private TextColumns() {}

    /**
     * The rows, one line each, their cells one space apart (and no space after the last).
     *
     * @param alignment one letter per column: {@code l} pads a cell on the right, {@code r} on the left
     * @param rows      the header first, then the rows; each has one cell per letter of {@code alignment}
     */
    public static String of(String alignment, List<List<String>> rows) {
        if (!alignment.matches("[lr]+"))
            throw new IllegalArgumentException(
                    "alignment must be letters l or r, one per column, but is \"" + alignment + "\"");
        int[] widths = new int[alignment.length()];
        for (List<String> row : rows) {
            if (row.size() != widths.length) {
                throw new IllegalArgumentException("every row must have " + widths.length + " cells (alignment \""
                        + alignment + "\") but " + row + " has " + row.size());
            }
            for (int k = 0; k < widths.length; k++) widths[k] = Math.max(widths[k], width(row.get(k)));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < widths.length; k++) {
                String cell = row.get(k);
                String pad = " ".repeat(widths[k] - width(cell));
                if (k > 0) line.append(' ');
                line.append(alignment.charAt(k) == 'l' ? cell + pad : pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return String.join("\n", lines);
    }

    /** The places {@code text} takes in a monospace font: its characters, less the marks that sit on a letter. */
    public static int width(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return (int) composed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK
                        && Character.getType(c) != Character.ENCLOSING_MARK)
                .count();
    }
}
