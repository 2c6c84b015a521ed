package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The notebooks are committed the way the course promises: all nine, in order, without outputs, for the course kernel. */
class NotebookFormatTest {

    @Test
    void notebooksHoldTheNineCourseNotebooksInOrder() throws Exception {
        assertEquals(Notebooks.COURSE, Notebooks.names(Notebooks.FOLDER));
    }

    @Test
    void everyNotebookIsNbformatFourFiveWithCellIdsAndTheLstmLabKernelspec() throws Exception {
        for (String name : Notebooks.COURSE) {
            JsonObject nb = Notebooks.read(Notebooks.FOLDER.resolve(name + ".ipynb"));
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

    @Test
    void everyNotebookIsCommittedWithoutOutputsAndWithoutEmptyCodeCells() throws Exception {
        for (String name : Notebooks.COURSE) {
            JsonObject nb = Notebooks.read(Notebooks.FOLDER.resolve(name + ".ipynb"));
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

    @Test
    void notebooksOneToSixEndWithACheckOfTheirExercises() throws Exception {
        String[][] exercises = {{"E1", "E2", "E9"}, {"E3"}, {"E4"}, {"E5"}, {"E6"}, {"E7", "E8"}};
        for (int n = 1; n <= 6; n++) {
            String name = Notebooks.COURSE.get(n);
            var cells = Notebooks.cells(Notebooks.read(Notebooks.FOLDER.resolve(name + ".ipynb")));
            String last = Notebooks.source(cells.get(cells.size() - 1).getAsJsonObject());
            for (String exercise : exercises[n - 1]) {
                assertTrue(
                        last.contains("check(\"" + exercise + "\")"),
                        name + "'s last cell should check " + exercise + ":\n" + last);
            }
        }
    }
}
