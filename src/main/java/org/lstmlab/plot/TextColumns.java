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
        return columns(alignment, rows, " ");
    }

    /** The rows in columns {@code gap} apart; see {@link #of}. */
    private static String columns(String alignment, List<List<String>> rows, String gap) {
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
                if (k > 0) line.append(gap);
                line.append(alignment.charAt(k) == 'l' ? cell + pad : pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return String.join("\n", lines);
    }

    /**
     * The rows under a header whose cells fold onto two lines where they are wider than their column's values, so
     * that a long title ("học được một phần") does not widen a column of short numbers: such a cell breaks at a space
     * near its middle (see {@link #foldAt}), the first part on the upper line. Cells at most two places wider than
     * their values ("giải được" over "2 trên 2"), or without a space, stay whole on the lower line. Where a title
     * folds, the columns stand two spaces apart: one space on the upper line ("stayed at" beside "mean MSE ÷") would
     * read as one run of words.
     *
     * @param alignment as for {@link #of}: one letter per column
     * @param header    the columns' titles, one per letter of {@code alignment}
     * @param rows      the rows under it, each with one cell per letter of {@code alignment}
     */
    public static String withHeader(String alignment, List<String> header, List<List<String>> rows) {
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int k = 0; k < header.size(); k++) {
            int values = 0;
            for (List<String> row : rows) {
                if (row.size() == header.size()) values = Math.max(values, width(row.get(k)));
            }
            String title = header.get(k);
            int at = width(title) > values + 2 ? foldAt(title) : -1;
            upper.add(at < 0 ? "" : title.substring(0, at));
            lower.add(at < 0 ? title : title.substring(at + 1));
        }
        boolean folded = upper.stream().anyMatch(u -> !u.isEmpty());
        List<List<String>> all = new ArrayList<>();
        if (folded) all.add(upper);
        all.add(lower);
        all.addAll(rows);
        return columns(alignment, all, folded ? "  " : " ");
    }

    /**
     * Where {@code text} folds: the space after a comma or before a parenthesis nearest its middle if it has one
     * ("MSE ÷ mốc so sánh, trung bình", "val. MSE (°C²)"), else the space nearest its middle; −1 if it has no space.
     */
    private static int foldAt(String text) {
        int best = -1;
        boolean bestAtAPause = false;
        for (int k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) {
            boolean pause =
                    (k > 0 && text.charAt(k - 1) == ',') || (k + 1 < text.length() && text.charAt(k + 1) == '(');
            boolean nearer = best < 0 || Math.abs(2 * k - text.length()) < Math.abs(2 * best - text.length());
            if ((pause && !bestAtAPause) || (pause == bestAtAPause && nearer)) {
                best = k;
                bestAtAPause = pause;
            }
        }
        return best;
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
