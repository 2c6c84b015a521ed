package org.lstmlab.grade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LmsGradebooksTest {
    private static final List<LmsGradebooks.Column> COLUMNS =
            List.of(new LmsGradebooks.Column("E1", "RNN step", 10), new LmsGradebooks.Column("E3", "forget gate", 8));

    private static Report report(String student, double e1, double e3) {
        return new Report(
                student,
                7,
                List.of(
                        new ExerciseResult(
                                "E1", "RNN step", List.of(new TestResult("E1: a", "1.1", e1, 10, "", "visible")), ""),
                        new ExerciseResult(
                                "E3",
                                "forget gate",
                                List.of(new TestResult("E3: a", "3.1", e3, 8, "", "visible")),
                                "")),
                1,
                1);
    }

    private static final List<Report> CLASS =
            List.of(report("alice", 10, 8), report("=HYPERLINK(\"evil\"),bob", 2.5, 0));

    @Test
    void canvasGetsItsFiveIdentifierColumnsAPointsPossibleRowAndOneColumnPerExerciseAndTheTotal() {
        String csv = LmsGradebooks.canvas(CLASS, COLUMNS, Roster.none());
        List<List<String>> rows = Roster.rows(csv);
        assertEquals(
                List.of(
                        "Student",
                        "ID",
                        "SIS User ID",
                        "SIS Login ID",
                        "Section",
                        "LSTM Lab E1 RNN step",
                        "LSTM Lab E3 forget gate",
                        "LSTM Lab total"),
                rows.get(0));
        assertEquals(List.of("    Points Possible", "", "", "", "", "10", "8", "18"), rows.get(1));
        assertEquals(List.of("alice", "", "", "alice", "", "10", "8", "18"), rows.get(2));
        assertEquals("'=HYPERLINK(\"evil\"),bob", rows.get(3).get(0), "quoted, and never a formula");
        assertEquals(List.of("2.50", "0", "2.50"), rows.get(3).subList(5, 8));
        rows.forEach(r -> assertEquals(8, r.size(), r.toString()));
    }

    @Test
    void moodleGetsItsIdentifierColumnsAndOneColumnPerExerciseAndTheTotal() {
        String csv = LmsGradebooks.moodle(CLASS, COLUMNS, Roster.none());
        List<List<String>> rows = Roster.rows(csv);
        assertEquals(
                List.of(
                        "Username",
                        "ID number",
                        "Email address",
                        "LSTM Lab E1 RNN step",
                        "LSTM Lab E3 forget gate",
                        "LSTM Lab total"),
                rows.get(0));
        assertEquals(List.of("alice", "", "", "10", "8", "18"), rows.get(1));
        assertEquals(3, rows.size());
    }

    @Test
    void aRosterNamesTheStudentsAsThePlatformKnowsThem() {
        Roster roster = Roster.parse("\uFEFFsubmission,Student,ID,SIS Login ID,Section,Username,Email address\r\n"
                + "alice,\"Liddell, Alice\",4711,aliddell,LSTM-1,aliddell,alice@example.edu\r\n");
        List<List<String>> canvas = Roster.rows(LmsGradebooks.canvas(CLASS, COLUMNS, roster));
        assertEquals(
                List.of("Liddell, Alice", "4711", "", "aliddell", "LSTM-1"),
                canvas.get(2).subList(0, 5));
        List<List<String>> moodle = Roster.rows(LmsGradebooks.moodle(CLASS, COLUMNS, roster));
        assertEquals(List.of("aliddell", "", "alice@example.edu"), moodle.get(1).subList(0, 3));
        assertTrue(
                moodle.get(2).get(0).startsWith("'=HYPERLINK"), "a student the roster does not list keeps the folder");
    }

    /**
     * A name from the learning platform's export (a student chooses their display name) that starts a formula, with a
     * line end after it, a tab or a carriage return before it: every cell of every gradebook still opens as text.
     */
    @Test
    void aRosterCellThatStartsAFormulaOverSeveralLinesOpensAsText() {
        Roster roster = Roster.parse("submission,Student,SIS Login ID,Username,Email address\n"
                + "alice,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\nLiddell\",\"\t=1+1\",\"@SUM(1)\r\nA\","
                + "\"-2+3\n\"\n");
        List<List<String>> canvas = Roster.rows(LmsGradebooks.canvas(CLASS, COLUMNS, roster));
        assertEquals(
                "'=HYPERLINK(\"http://evil\",\"x\")\nLiddell", canvas.get(2).get(0), "a line end does not let it run");
        assertEquals("'=1+1", canvas.get(2).get(3), "the roster's cells are stripped");
        List<List<String>> moodle = Roster.rows(LmsGradebooks.moodle(CLASS, COLUMNS, roster));
        assertEquals("'@SUM(1)\r\nA", moodle.get(1).get(0), moodle.toString());
        assertEquals("'-2+3", moodle.get(1).get(2), moodle.toString());
        for (var rows : List.of(canvas, moodle)) {
            for (var row : rows) {
                for (String cell : row) {
                    assertTrue(!cell.matches("(?s)[=+\\-@\t\r].*"), "no cell starts a formula: " + row);
                }
            }
        }
        assertEquals("'\t=1+1", Gradebook.cell("\t=1+1"), "a tab before a formula: a name, not the roster's");
        assertEquals("\"'\r=1+1\"", Gradebook.cell("\r=1+1"), "a carriage return before it");
    }

    @Test
    void aRosterWithoutASubmissionColumnIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Roster.parse("name,ID\nalice,1\n"));
        assertTrue(e.getMessage().contains("'submission'"), e.getMessage());
    }
}
