package org.lstmlab.grade.report;

import java.util.List;

/**
 * A batch's grades shaped as two learning platforms import them, beside {@link Gradebook}'s {@code gradebook.csv}:
 * one column per exercise and the total, the student identified as the platform expects (from a {@link Roster},
 * else the submission's name). Every cell from a submission or a roster is CSV-quoted and never starts a formula.
 */
public final class LmsGradebooks {
    /** What an exercise's column is called, e.g. {@code LSTM Lab E3 forget gate}. */
    static final String PREFIX = "LSTM Lab ";

    /** Canvas's identifier columns, in the order of its own gradebook export. */
    public static final List<String> CANVAS_IDENTITY =
            List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    /** Moodle's identifier columns (one of them is mapped to "Identify user by" on import). */
    public static final List<String> MOODLE_IDENTITY = List.of("Username", "ID number", "Email address");

    private LmsGradebooks() {}

    /** An exercise, as the LMS columns name it. */
    public record Column(String id, String title, double points) {}

    /**
     * Canvas's gradebook import: {@code Student, ID, SIS User ID, SIS Login ID, Section}, then one column per
     * exercise and the total, a {@code Points Possible} row first. Without a roster the student's name and
     * {@code SIS Login ID} are the submission's name (Canvas matches a row by ID, SIS User ID or SIS Login ID).
     */
    public static String canvas(List<Report> reports, List<Column> exercises, Roster roster) {
        StringBuilder s = new StringBuilder(String.join(",", CANVAS_IDENTITY));
        header(s, exercises);
        s.append("    Points Possible,,,,");
        double total = 0;
        for (Column c : exercises) {
            s.append(',').append(Report.points(c.points()));
            total += c.points();
        }
        s.append(',').append(Report.points(total)).append('\n');
        for (Report r : reports) {
            String name = r.student();
            s.append(Gradebook.cell(roster.field(name, "Student", name)))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "ID", "")))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "SIS User ID", "")))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "SIS Login ID", name)))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "Section", "")));
            scores(s, r, exercises);
        }
        return s.toString();
    }

    /**
     * Moodle's grade import (Grades, Import, CSV file): {@code Username, ID number, Email address}, then one column
     * per exercise and the total. Without a roster {@code Username} is the submission's name.
     */
    public static String moodle(List<Report> reports, List<Column> exercises, Roster roster) {
        StringBuilder s = new StringBuilder(String.join(",", MOODLE_IDENTITY));
        header(s, exercises);
        for (Report r : reports) {
            String name = r.student();
            s.append(Gradebook.cell(roster.field(name, "Username", name)))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "ID number", "")))
                    .append(',')
                    .append(Gradebook.cell(roster.field(name, "Email address", "")));
            scores(s, r, exercises);
        }
        return s.toString();
    }

    private static void header(StringBuilder s, List<Column> exercises) {
        for (Column c : exercises) {
            s.append(',').append(Gradebook.cell(PREFIX + c.id() + " " + c.title()));
        }
        s.append(',').append(PREFIX).append("total\n");
    }

    private static void scores(StringBuilder s, Report r, List<Column> exercises) {
        for (Column c : exercises) {
            ExerciseResult x = r.exercise(c.id());
            s.append(',').append(x == null ? "" : Report.points(x.score()));
        }
        s.append(',').append(Report.points(r.score())).append('\n');
    }
}
