package org.lstmlab.grade;

import java.util.List;

/** The CSV gradebook of a batch: one row per submission, a column of points per exercise, the total. */
public final class Gradebook {
    private Gradebook() {}

    /** The CSV text; names that a spreadsheet would run as formulas are quoted harmless. */
    public static String csv(List<Report> reports, List<GradedExercise> exercises) {
        StringBuilder s = new StringBuilder("student");
        for (GradedExercise e : exercises) {
            s.append(',').append(e.id());
        }
        s.append(",total\n");
        for (Report r : reports) {
            s.append(cell(r.student()));
            for (GradedExercise e : exercises) {
                ExerciseResult x = r.exercise(e.id());
                s.append(',').append(x == null ? "" : Report.points(x.score()));
            }
            s.append(',').append(Report.points(r.score())).append('\n');
        }
        return s.toString();
    }

    private static String cell(String s) {
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s; // no spreadsheet formulas
        return safe.matches("(?s).*[,\"\\n\\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
