package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static Report report(String feedback) {
        Exercise e3 = Exercises.byId("E3");
        Exercise e5 = Exercises.byId("E5");
        return new Report(
                "ann \"<b>\"",
                42,
                List.of(
                        new ExerciseResult(
                                e3,
                                List.of(
                                        TestResult.of("E3 forget gate: fixed case", true, 3, "passed"),
                                        TestResult.of("E3 forget gate: randomised", false, 5, feedback)),
                                feedback),
                        ExerciseResult.zero(e5, "E5CellState.java is not in the submission")),
                1.5);
    }

    @Test
    void resultsJsonEscapesEveryCharacterAStudentCanPrintAndAddsUp() {
        String nasty = "line1\nquote \" backslash \\ tab\t bell \u0007 </script>";
        Map<String, Object> json = Json.object(report(nasty).toResultsJson());
        assertEquals(3.0, json.get("score"));
        assertEquals(16.0, json.get("max_score"));
        @SuppressWarnings("unchecked")
        var tests = (List<Map<String, Object>>) json.get("tests");
        assertEquals(nasty, tests.get(1).get("output"));
        assertEquals("3.2", tests.get(1).get("number"));
    }

    @Test
    void theHtmlTableEscapesFeedbackAndShowsPointsPerExercise() {
        String html = report("<script>alert(1)</script>").toHtml();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<td>3/8</td>") && html.contains("<td>0/8</td>"), html);
    }

    @Test
    void theConsoleTableHasOneRowPerExerciseAndTheTotalWithTheSeed() {
        String table = report("f_t is wrong").toString();
        assertTrue(table.contains("E3 forget gate") && table.contains("3/8") && table.contains("f_t is wrong"), table);
        assertTrue(table.contains("total") && table.contains("3/16") && table.contains("seed 42"), table);
    }

    @Test
    void theGradebookHasAColumnPerExerciseAndNeutralisesFormulasAndCommas() {
        String csv = Submissions.gradebookCsv(
                List.of(report("x"), new Report("=cmd,1", 1, List.of(), 0)),
                List.of(Exercises.byId("E3"), Exercises.byId("E5")));
        assertEquals("student,E3,E5,total\n\"ann \"\"<b>\"\"\",3,0,3\n\"'=cmd,1\",,,0\n", csv);
    }
}
