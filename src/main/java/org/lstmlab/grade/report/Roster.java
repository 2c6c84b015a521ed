package org.lstmlab.grade.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who each submission belongs to in the learning platform: a CSV file the instructor gives ({@code --roster FILE}),
 * one row per student, with a column {@code submission} (the submission's folder or zip name) and any of the
 * identifier columns the LMS exports use — Canvas's {@code Student}, {@code ID}, {@code SIS User ID},
 * {@code SIS Login ID}, {@code Section}; Moodle's {@code Username}, {@code ID number}, {@code Email address}.
 * Without a roster, or for a submission it does not list, the folder's name stands for the student.
 */
public final class Roster {
    /** The column that names the submission. */
    public static final String SUBMISSION = "submission";

    private final Map<String, Map<String, String>> bySubmission;

    private Roster(Map<String, Map<String, String>> bySubmission) {
        this.bySubmission = bySubmission;
    }

    /** No roster: every student is known by the submission's name. */
    public static Roster none() {
        return new Roster(Map.of());
    }

    /**
     * A roster from its CSV text (UTF-8, a header row, RFC 4180 quoting).
     *
     * @throws IllegalArgumentException when it has no {@code submission} column or a row is too short
     */
    public static Roster parse(String csv) {
        List<List<String>> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows.isEmpty()) throw new IllegalArgumentException("the roster is empty: expected a header row");
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        int key = -1;
        for (int k = 0; k < header.size(); k++) {
            if (header.get(k).toLowerCase(Locale.ROOT).equals(SUBMISSION)) key = k;
        }
        if (key < 0) {
            throw new IllegalArgumentException("the roster has no column '" + SUBMISSION + "' (the submission's folder"
                    + " or zip name); its header is " + header);
        }
        Map<String, Map<String, String>> by = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) continue;
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "roster row " + (r + 1) + " has " + row.size() + " cells, its header " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++)
                fields.put(header.get(k), row.get(k).strip());
            by.put(composed(row.get(key).strip()), fields);
        }
        return new Roster(by);
    }

    /** The roster's value of {@code column} for a submission, or {@code otherwise}. */
    public String field(String submission, String column, String otherwise) {
        String v = bySubmission.getOrDefault(composed(submission), Map.of()).get(column);
        return v == null || v.isEmpty() ? otherwise : v;
    }

    /** Whether the roster lists the submission. */
    public boolean lists(String submission) {
        return bySubmission.containsKey(composed(submission));
    }

    /**
     * A name in composed letters (NFC), so that a submission a Mac named in decomposed ones ({@code e} and a combining
     * accent) finds its row, and the other way round.
     */
    private static String composed(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    }

    /** CSV rows: fields split at commas outside quotes, {@code ""} inside quotes a quote. */
    static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
