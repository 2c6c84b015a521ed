package org.lstmlab.grade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static Report report(String feedback) {
        return new Report(
                "ann \"<b>\"",
                42,
                List.of(
                        new ExerciseResult(
                                "E3",
                                "forget gate",
                                List.of(
                                        new TestResult("E3 forget gate: fixed case", "3.1", 3, 3, "passed", "visible"),
                                        new TestResult(
                                                "E3 forget gate: randomised cases",
                                                "3.2",
                                                0,
                                                5,
                                                feedback,
                                                "after_due_date")),
                                feedback),
                        new ExerciseResult(
                                "E5",
                                "cell-state update",
                                List.of(new TestResult(
                                        "E5 cell-state update: fixed case",
                                        "5.1",
                                        0,
                                        8,
                                        "E5CellState.java is not in the submission",
                                        "hidden")),
                                "E5CellState.java is not in the submission")),
                1.5,
                1);
    }

    @Test
    void resultsJsonCarriesEveryCharacterAStudentCanPrintAndAddsUp() {
        String nasty = "line1\nquote \" backslash \\ tab\t bell \u0007 </script> ünïcødé σ";
        JsonObject json = ResultsJson.read(ResultsJson.of(report(nasty)));
        assertEquals(3.0, json.get("score").getAsDouble());
        assertEquals(16.0, json.get("max_score").getAsDouble());
        assertEquals(2, json.get("execution_time").getAsLong());
        assertEquals("hidden", json.get("stdout_visibility").getAsString());
        var tests = json.getAsJsonArray("tests");
        assertEquals(3, tests.size());
        JsonObject second = tests.get(1).getAsJsonObject();
        assertEquals(nasty, second.get("output").getAsString());
        assertEquals("3.2", second.get("number").getAsString());
        assertEquals(5.0, second.get("max_score").getAsDouble());
        assertEquals("after_due_date", second.get("visibility").getAsString());
        assertEquals("hidden", tests.get(2).getAsJsonObject().get("visibility").getAsString());
    }

    @Test
    void theHtmlTableEscapesFeedbackAndShowsPointsPerExercise() {
        String html = report("<script>alert(1)</script>").toHtml();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("<td>3/8</td>") && html.contains("<td>0/8</td>"), html);
        assertTrue(html.contains("<th>3/16</th>") && html.contains("seed 42"), html);
        // Jupyter right-aligns table cells; the names and the feedback are set to read from the left
        assertTrue(html.contains("<td style=\"text-align:left\">E3 forget gate</td>"), html);
        assertTrue(
                html.contains("<td style=\"text-align:left\">f_t")
                        || html.contains("<td style=\"text-align:left\">&lt;"),
                html);
    }

    @Test
    void theConsoleTableHasOneRowPerExerciseAndTheTotalWithTheSeed() {
        String table = report("f_t is wrong").toString();
        assertTrue(table.contains("E3 forget gate") && table.contains("3/8") && table.contains("f_t is wrong"), table);
        assertTrue(table.contains("total") && table.contains("3/16") && table.contains("seed 42"), table);
    }

    @Test
    void theGradebookHasAColumnPerExerciseAndNeutralisesFormulasAndCommas() {
        String csv = Gradebook.csv(List.of(report("x"), new Report("=cmd,1", 1, List.of(), 0, 1)), List.of("E3", "E5"));
        assertEquals("student,E3,E5,total\n\"ann \"\"<b>\"\"\",3,0,3\n\"'=cmd,1\",,,0\n", csv);
    }
}
