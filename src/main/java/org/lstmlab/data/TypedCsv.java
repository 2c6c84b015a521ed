package org.lstmlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV into a Tablesaw {@link Table} with every column type declared (never sniffed).
 *
 * <p>The file is first checked line by line against the declared columns so that a problem is
 * reported as {@code seattle-weather.csv line 12, column temp_max: expected a number (°C) but found "warm"}
 * instead of a parser stack trace; only a file that passes is handed to Tablesaw. Empty cells are
 * errors: the course's series have no gaps to fill. Fields may be quoted as in RFC 4180, but a
 * quoted field may not span lines.
 */
public final class TypedCsv {
    private TypedCsv() {}

    /**
     * Reads {@code file} with the declared {@code columns}.
     *
     * @param file    the CSV file; its name is used in every error
     * @param columns the columns in file order, names exactly as in the header
     * @return a table named after the file, one Tablesaw column per declared column
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} when the file is missing
     * @throws CsvFormatException   naming the file, line and column of the first malformed value
     */
    public static Table read(Path file, List<CsvColumn> columns) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            String message = file.toAbsolutePath() + ": " + name
                    + " not found; the course reads it from the datasets/ folder of" + " the repository (set -D"
                    + Datasets.DIRECTORY_PROPERTY + "=/path/to/datasets to point elsewhere)";
            throw new UncheckedIOException(
                    message, new NoSuchFileException(file.toAbsolutePath().toString()));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        validate(name, lines, columns);
        ColumnType[] types = columns.stream().map(CsvColumn::type).toArray(ColumnType[]::new);
        CsvReadOptions options = CsvReadOptions.builder(file.toFile())
                .tableName(name)
                .header(true)
                .separator(',')
                .columnTypes(types)
                .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
                .build();
        return Table.read().usingOptions(options);
    }

    private static void validate(String name, List<String> lines, List<CsvColumn> columns) {
        if (lines.isEmpty()) {
            throw new CsvFormatException(
                    name,
                    1,
                    "(header)",
                    "expected the header "
                            + columns.stream().map(CsvColumn::name).toList() + " but the file is empty");
        }
        List<String> header = split(name, 1, lines.get(0));
        List<String> expected = columns.stream().map(CsvColumn::name).toList();
        for (int k = 0; k < Math.max(header.size(), expected.size()); k++) {
            String want = k < expected.size() ? expected.get(k) : null;
            String got = k < header.size() ? header.get(k) : null;
            if (want == null || !want.equals(got)) {
                throw new CsvFormatException(
                        name,
                        1,
                        want == null ? "(header)" : want,
                        "expected the header " + expected + " but found " + header);
            }
        }
        if (lines.size() < 2) {
            throw new CsvFormatException(
                    name, 2, "(line)", "expected at least one data line after the header but found none");
        }
        for (int n = 1; n < lines.size(); n++) {
            int lineNo = n + 1;
            List<String> cells = split(name, lineNo, lines.get(n));
            if (cells.size() != columns.size()) {
                String column = cells.size() < columns.size()
                        ? columns.get(cells.size()).name()
                        : "(line)";
                throw new CsvFormatException(
                        name,
                        lineNo,
                        column,
                        "expected " + columns.size() + " comma-separated values " + expected + " but found "
                                + cells.size());
            }
            for (int k = 0; k < cells.size(); k++) {
                check(name, lineNo, columns.get(k), cells.get(k));
            }
        }
    }

    private static void check(String name, int lineNo, CsvColumn column, String cell) {
        if (cell.isEmpty()) {
            throw new CsvFormatException(
                    name, lineNo, column.name(), "expected " + describe(column) + " but the cell is empty");
        }
        if (column.type().equals(ColumnType.DOUBLE)) {
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new CsvFormatException(
                        name, lineNo, column.name(), "expected " + describe(column) + " but found \"" + cell + "\"");
            }
            if (!Double.isFinite(v)) {
                throw new CsvFormatException(
                        name, lineNo, column.name(), "expected a finite number but found \"" + cell + "\"");
            }
        } else if (column.type().equals(ColumnType.LOCAL_DATE)) {
            try {
                LocalDate.parse(cell, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw new CsvFormatException(
                        name, lineNo, column.name(), "expected " + describe(column) + " but found \"" + cell + "\"");
            }
        }
    }

    private static String describe(CsvColumn column) {
        if (column.type().equals(ColumnType.DOUBLE)) return "a number (" + column.unit() + ")";
        if (column.type().equals(ColumnType.LOCAL_DATE)) return "a date yyyy-MM-dd";
        return "a text value";
    }

    /** Splits one line at commas, honouring RFC 4180 double quotes within the line. */
    private static List<String> split(String name, int lineNo, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (quoted) {
                if (ch == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new CsvFormatException(name, lineNo, "(line)", "a quoted value is not closed on this line");
        }
        cells.add(cell.toString());
        return cells;
    }
}
