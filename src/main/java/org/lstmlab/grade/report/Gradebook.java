package org.lstmlab.grade.report;

import java.util.List;

/** The CSV gradebook of a batch: one row per submission, a column of points per exercise, the total. */
public final class Gradebook {
    private Gradebook() {}

    /**
     * The CSV text, a column per exercise id ({@code "E1"}, …) in the given order; names that a spreadsheet would
     * run as formulas are quoted harmless.
     */
    public static String csv(List<Report> reports, List<String> exerciseIds) {
        StringBuilder s = new StringBuilder("student");
        for (String id : exerciseIds) {
            s.append(',').append(id);
        }
        s.append(",total\n");
        for (Report r : reports) {
            s.append(cell(r.student()));
            for (String id : exerciseIds) {
                ExerciseResult x = r.exercise(id);
                s.append(',').append(x == null ? "" : Report.points(x.score()));
            }
            s.append(',').append(Report.points(r.score())).append('\n');
        }
        return s.toString();
    }

    static String cell(String s) {
        // no spreadsheet formulas: a cell that starts one (or a tab or carriage return before it) even when a line end
        // follows, as a roster's quoted cell may hold
        String safe = s.matches("(?s)[=+\\-@\t\r].*") ? "'" + s : s;
        return safe.matches("(?s).*[,\"\\n\\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
