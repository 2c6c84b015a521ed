package org.lstmlab.data;

/**
 * A CSV file in {@code datasets/} that does not match its declared columns: the message names the
 * file, the line (1 is the header) and the column, says what was expected and what was found.
 */
public final class CsvFormatException extends IllegalArgumentException {
    private final String file;
    private final int line;
    private final String column;

    /**
     * @param file   the file name, e.g. {@code seattle-weather.csv}
     * @param line   the 1-based line number in the file (the header is line 1)
     * @param column the column name as declared, or {@code "(header)"} / {@code "(line)"} when the
     *               problem is not in one cell
     * @param detail what was expected and what was found
     */
    public CsvFormatException(String file, int line, String column, String detail) {
        super(file + " line " + line + ", column " + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The 1-based line number (1 is the header). */
    public int line() {
        return line;
    }

    /** The column name as declared. */
    public String column() {
        return column;
    }
}
