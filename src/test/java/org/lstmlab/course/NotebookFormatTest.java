package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The notebooks are committed the way the course promises: all nine, in order, without outputs, for the course
 * kernel — in English ({@code notebooks/}) and in the Vietnamese edition ({@code notebooks/vi/}).
 */
class NotebookFormatTest {
    static final List<Path> EDITIONS = Notebooks.EDITIONS;

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void notebooksHoldTheCourseNotebooksInOrder(Path folder) throws Exception {
        assertEquals(Notebooks.COURSE, Notebooks.names(folder));
    }

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void everyNotebookIsNbformatFourFiveWithCellIdsAndTheLstmLabKernelspec(Path folder) throws Exception {
        for (String name : Notebooks.COURSE) {
            JsonObject nb = Notebooks.read(folder.resolve(name + ".ipynb"));
            assertEquals(4, nb.get("nbformat").getAsInt(), name);
            assertEquals(5, nb.get("nbformat_minor").getAsInt(), name);
            JsonObject spec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
            assertEquals("lstm-lab", spec.get("name").getAsString(), name);
            assertEquals("java", spec.get("language").getAsString(), name);
            Set<String> ids = new HashSet<>();
            for (JsonElement e : Notebooks.cells(nb)) {
                JsonObject cell = e.getAsJsonObject();
                assertTrue(cell.has("id"), name + ": a cell without an id");
                assertTrue(ids.add(cell.get("id").getAsString()), name + ": duplicate cell id " + cell.get("id"));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void everyNotebookIsCommittedWithoutOutputsAndWithoutEmptyCodeCells(Path folder) throws Exception {
        for (String name : Notebooks.COURSE) {
            JsonObject nb = Notebooks.read(folder.resolve(name + ".ipynb"));
            int index = 0;
            for (JsonElement e : Notebooks.cells(nb)) {
                index++;
                JsonObject cell = e.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) continue;
                assertEquals(0, cell.getAsJsonArray("outputs").size(), name + " cell " + index + " has outputs");
                assertTrue(
                        cell.get("execution_count").isJsonNull(), name + " cell " + index + " has an execution count");
                assertFalse(Notebooks.source(cell).isBlank(), name + " cell " + index + " is an empty code cell");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void notebooksWithExercisesEndWithTheExpectedOutputAndACheckOfThem(Path folder) throws Exception {
        String[][] exercises = {{"E1", "E2", "E9"}, {"E3"}, {"E4"}, {"E5"}, {"E6"}, {"E7", "E8"}, {}, {}, {"E10"}};
        for (int n = 1; n < exercises.length; n++) {
            if (exercises[n - 1].length == 0) continue;
            String name = Notebooks.COURSE.get(n);
            var cells = Notebooks.cells(Notebooks.read(folder.resolve(name + ".ipynb")));
            String last = Notebooks.source(cells.get(cells.size() - 1).getAsJsonObject());
            String before = Notebooks.source(cells.get(cells.size() - 2).getAsJsonObject());
            for (String exercise : exercises[n - 1]) {
                assertTrue(
                        last.contains("check(\"" + exercise + "\")"),
                        name + "'s last cell should check " + exercise + ":\n" + last);
                assertTrue(
                        before.contains("expectedOutput(" + exercise + ")"),
                        name + "'s cell before the check should show " + exercise + "'s expected output:\n" + before);
            }
        }
    }

    /** The widest a code line may be: the notebook page shows about 100 characters at 1400 px. */
    static final int MAX_CODE_LINE = 100;

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void everyCodeLineFitsOnThePage(Path folder) throws Exception {
        List<String> wide = new ArrayList<>();
        for (String name : Notebooks.COURSE) {
            int index = 0;
            for (JsonElement e : Notebooks.cells(Notebooks.read(folder.resolve(name + ".ipynb")))) {
                index++;
                JsonObject cell = e.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) continue;
                for (String line : Notebooks.source(cell).split("\n")) {
                    int length = line.codePointCount(0, line.length());
                    if (length > MAX_CODE_LINE) wide.add(name + " cell " + index + " (" + length + "): " + line);
                }
            }
        }
        assertEquals(List.of(), wide, "code lines wider than " + MAX_CODE_LINE + " characters");
    }

    /** An equation written as code in Markdown: a `…` span holding σ(, tanh(, ∂, ‖, Π, Σ, diag(, ², ŷ … */
    static final Pattern EQUATION_AS_CODE =
            Pattern.compile("`[^`]*(σ\\(|tanh\\(|∂|‖|Π|Σ|diag\\(|[²³]|_\\{|ŷ|x1 \\+ x2)[^`]*`");

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void equationsInMarkdownAreLatexForMathJaxNotCode(Path folder) throws Exception {
        List<String> found = new ArrayList<>();
        for (String name : Notebooks.COURSE) {
            int index = 0;
            for (JsonElement e : Notebooks.cells(Notebooks.read(folder.resolve(name + ".ipynb")))) {
                index++;
                JsonObject cell = e.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("markdown")) continue;
                String text = Notebooks.source(cell);
                Matcher m = EQUATION_AS_CODE.matcher(text);
                while (m.find()) found.add(name + " cell " + index + ": " + m.group());
                for (String line : text.split("\n")) {
                    if (line.startsWith("    ") && line.contains("=")) found.add(name + " cell " + index + ": " + line);
                }
            }
        }
        assertEquals(List.of(), found, "write these as $…$ or $$…$$");
    }

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void theNotebooksThatTeachEquationsDisplayThemInLatexInTheCoursesNotation(Path folder) throws Exception {
        Map<String, List<String>> expected = Map.of(
                "01-rnn-vanishing-gradients", List.of("h_t = \\tanh(W_h \\cdot [h_{t-1}, x_t] + b_h)"),
                "02-forget-gate", List.of("f_t = \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)"),
                "03-input-gate-and-candidate",
                        List.of(
                                "i_t = \\sigma(W_i \\cdot [h_{t-1}, x_t] + b_i)",
                                "\\tilde{C}_t = \\tanh(W_C \\cdot [h_{t-1}, x_t] + b_C)"),
                "04-cell-state", List.of("C_t = f_t * C_{t-1} + i_t * \\tilde{C}_t"),
                "05-output-gate", List.of("o_t = \\sigma(W_o \\cdot [h_{t-1}, x_t] + b_o)", "h_t = o_t * \\tanh(C_t)"));
        for (var e : expected.entrySet()) {
            String markdown = markdown(folder, e.getKey());
            for (String equation : e.getValue()) {
                assertTrue(markdown.contains("$$" + equation), e.getKey() + " should display $$" + equation + " …$$");
            }
        }
        String six = markdown(folder, "06-full-lstm");
        for (String line : List.of(
                "f_t &= \\sigma(W_f \\cdot [h_{t-1}, x_t] + b_f)",
                "\\tilde{C}_t &= \\tanh(W_C \\cdot [h_{t-1}, x_t] + b_C)",
                "C_t &= f_t * C_{t-1} + i_t * \\tilde{C}_t",
                "h_t &= o_t * \\tanh(C_t)")) {
            assertTrue(six.contains(line), "06 should list " + line);
        }
    }

    @ParameterizedTest
    @FieldSource("EDITIONS")
    void notebooksOneToSixOpenWithTheirPictureOfTheCell(Path folder) throws Exception {
        List<String> diagrams = List.of(
                "RnnDiagram.unrolled()",
                "LstmDiagram.forgetGate()",
                "LstmDiagram.inputGateAndCandidate()",
                "LstmDiagram.cellState()",
                "LstmDiagram.outputGate()",
                "LstmDiagram.wholeCellAndBackwardPass()");
        for (int n = 1; n <= 6; n++) {
            String name = Notebooks.COURSE.get(n);
            String first = null;
            for (JsonElement e : Notebooks.cells(Notebooks.read(folder.resolve(name + ".ipynb")))) {
                if (e.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                    first = Notebooks.source(e.getAsJsonObject());
                    break;
                }
            }
            assertTrue(
                    first != null && first.startsWith(diagrams.get(n - 1) + ".image()"), name + " opens with " + first);
        }
    }

    private static String markdown(Path folder, String name) throws Exception {
        StringBuilder all = new StringBuilder();
        for (JsonElement e : Notebooks.cells(Notebooks.read(folder.resolve(name + ".ipynb")))) {
            JsonObject cell = e.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("markdown"))
                all.append(Notebooks.source(cell)).append('\n');
        }
        return all.toString();
    }
}
