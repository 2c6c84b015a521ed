package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Vietnamese notebooks are generated from the English ones and translations/vi/, and kept so. */
class NotebookTranslationsTest {

    @Test
    void theCommittedVietnameseNotebooksAreWhatTheEnglishNotebooksAndTheirTranslationsGive() throws Exception {
        List<String> problems = new NotebookTranslations(Path.of(""), "vi").outOfDate();
        assertTrue(problems.isEmpty(), "the Vietnamese edition is out of date:\n" + String.join("\n", problems));
    }

    @Test
    void everyEnglishNotebookHasAVietnameseEdition() throws Exception {
        var vi = new NotebookTranslations(Path.of(""), "vi");
        for (String name : vi.names()) assertTrue(Files.exists(vi.translated(name)), "no notebooks/vi/" + name);
    }

    @Test
    void aMarkdownCellWithoutATranslationIsNamedWithWhatToDo(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello");
        Files.createDirectories(course.resolve("translations/vi"));
        var t = new NotebookTranslations(course, "vi");
        String problem = String.join("\n", t.problems("01-x"));
        assertTrue(problem.contains("notebooks/01-x.ipynb, Markdown cell md-1: no vi translation"), problem);
        assertTrue(problem.contains("./lab translate --stubs"), problem);
    }

    @Test
    void aStubIsStillMissingUntilItsTodoIsRemoved(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello");
        var t = new NotebookTranslations(course, "vi");
        assertEquals(1, t.writeStubs());
        String stub = Files.readString(t.translationFile("01-x"));
        assertTrue(stub.contains(
                "<!-- cell md-1 en:" + NotebookTranslations.fingerprint("# Hello") + " TODO -->\n# Hello"));
        assertEquals(1, t.problems("01-x").size());
        Files.writeString(t.translationFile("01-x"), stub.replace(" TODO", "").replace("# Hello", "# Xin chào"));
        assertEquals(List.of(), t.problems("01-x"));
        assertEquals(0, t.writeStubs(), "a translated cell gets no second stub");
    }

    @Test
    void aTranslationOfEnglishThatChangedSinceIsStaleAndNamesTheNewFingerprint(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello, world");
        translation(course, "md-1", NotebookTranslations.fingerprint("# Hello"), "# Xin chào");
        String problem = String.join("\n", new NotebookTranslations(course, "vi").problems("01-x"));
        assertTrue(problem.contains("Markdown cell md-1: the vi translation is stale"), problem);
        assertTrue(problem.contains("en:" + NotebookTranslations.fingerprint("# Hello, world")), problem);
    }

    @Test
    void theGeneratedNotebookCopiesCodeCellsAndReplacesMarkdownByCellId(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello\n\nTwo lines.");
        translation(
                course, "md-1", NotebookTranslations.fingerprint("# Hello\n\nTwo lines."), "# Xin chào\n\nHai dòng.");
        var t = new NotebookTranslations(course, "vi");
        JsonObject vi = JsonParser.parseString(t.generate("01-x")).getAsJsonObject();
        JsonArray cells = vi.getAsJsonArray("cells");
        assertEquals("md-1", cells.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(
                "[\"# Xin chào\\n\",\"\\n\",\"Hai dòng.\"]",
                cells.get(0).getAsJsonObject().get("source").toString());
        assertEquals(
                "[\"int x = 1; // <x> & 'y'\"]",
                cells.get(1).getAsJsonObject().get("source").toString());
        assertTrue(cells.get(1).getAsJsonObject().get("execution_count").isJsonNull(), "nbformat requires it");
        assertEquals(
                "vi",
                vi.getAsJsonObject("metadata")
                        .getAsJsonObject("lstmlab")
                        .get("lang")
                        .getAsString());
    }

    @Test
    void aGeneratedNotebookEditedByHandIsNamedWithWhatToDo(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello");
        translation(course, "md-1", NotebookTranslations.fingerprint("# Hello"), "# Xin chào");
        var t = new NotebookTranslations(course, "vi");
        assertEquals(List.of(), t.writeAll());
        assertEquals(List.of(), t.outOfDate());
        Files.writeString(
                t.translated("01-x"), Files.readString(t.translated("01-x")).replace("Xin chào", "Chào"));
        String problem = String.join("\n", t.outOfDate());
        assertTrue(problem.contains("01-x.ipynb differs") && problem.contains("run ./lab translate"), problem);
    }

    @Test
    void aTranslationOfACellThatIsGoneIsNamed(@TempDir Path course) throws Exception {
        notebook(course, "md-1", "# Hello");
        Files.createDirectories(course.resolve("translations/vi"));
        Files.writeString(
                course.resolve("translations/vi/01-x.md"),
                "<!-- cell md-1 en:" + NotebookTranslations.fingerprint("# Hello") + " -->\n# Xin chào\n\n"
                        + "<!-- cell old-2 en:0123456789ab -->\nCũ\n");
        String problem = String.join("\n", new NotebookTranslations(course, "vi").problems("01-x"));
        assertTrue(problem.contains("translates cell old-2, which is not a Markdown cell"), problem);
    }

    /** notebooks/01-x.ipynb: one Markdown cell, then a code cell. */
    private static void notebook(Path course, String id, String markdown) throws Exception {
        JsonObject md = new JsonObject();
        md.addProperty("cell_type", "markdown");
        md.addProperty("id", id);
        md.add("metadata", new JsonObject());
        md.addProperty("source", markdown);
        JsonObject code = new JsonObject();
        code.addProperty("cell_type", "code");
        code.addProperty("id", "code-1");
        code.add("metadata", new JsonObject());
        code.add("outputs", new JsonArray());
        code.add("execution_count", JsonNull.INSTANCE);
        JsonArray src = new JsonArray();
        src.add("int x = 1; // <x> & 'y'");
        code.add("source", src);
        JsonArray cells = new JsonArray();
        cells.add(md);
        cells.add(code);
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Files.createDirectories(course.resolve("notebooks"));
        Files.writeString(course.resolve("notebooks/01-x.ipynb"), nb.toString());
    }

    private static void translation(Path course, String id, String fingerprint, String text) throws Exception {
        Files.createDirectories(course.resolve("translations/vi"));
        Files.writeString(
                course.resolve("translations/vi/01-x.md"),
                "<!-- cell " + id + " en:" + fingerprint + " -->\n" + text + "\n");
    }
}
