package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build-time index, on the fixture source {@code src/test/resources/kernel/javadoc/org/example/Cell.java}. */
class JavadocIndexerTest {

    static final Path FIXTURE = Path.of("src/test/resources/kernel/javadoc");

    final Map<String, String> index;

    JavadocIndexerTest() throws Exception {
        index = JavadocIndexer.index(FIXTURE);
    }

    @Test
    void everyDocumentedDeclarationHasAKeyAndUndocumentedOnesHaveNone() {
        assertEquals(
                List.of(
                        "org.example.Cell",
                        "org.example.Cell#<init>(int)",
                        "org.example.Cell#H",
                        "org.example.Cell#step(double[])",
                        "org.example.Cell#step(double[],Map)",
                        "org.example.Cell#sum(double[])",
                        "org.example.Cell.Start",
                        "org.example.Cell.Start#ZEROS",
                        "org.example.Cell.Step",
                        "org.example.Cell.Step#<init>(double[],double[])",
                        "org.example.Cell.Step#c()",
                        "org.example.Cell.Step#h()"),
                List.copyOf(index.keySet()));
    }

    @Test
    void aMethodShowsItsDescriptionThenParametersReturnsAndThrows() {
        assertEquals(
                "One step; see step(double[], Map) and Cell.H.\n\n"
                        + "Parameters:\n  x  x_t, [B, X]\n\n"
                        + "Returns:\n  h_t, [B, H]\n\n"
                        + "Throws:\n  IllegalArgumentException  when x is not [B, X]",
                index.get("org.example.Cell#step(double[])"));
    }

    @Test
    void htmlBecomesPlainTextWithListsAndIndentedCode() {
        String doc = index.get("org.example.Cell");
        assertTrue(doc.startsWith("A cell for the JavadocIndexer's tests, with code, an <entity> and a list:\n"), doc);
        assertTrue(doc.contains("\n  • first item\n  • second item,\n      continued"), doc);
        assertTrue(doc.contains("\n\n    var cell = new Cell(3);\n    cell.step(x);   // [B, X]"), doc);
        assertFalse(doc.contains("<ul>") || doc.contains("{@code") || doc.contains("&lt;"), doc);
    }

    @Test
    void aRecordsParamLinesDocumentItsAccessors() {
        assertEquals("hidden state h_t, [B, H]", index.get("org.example.Cell.Step#h()"));
        assertTrue(index.get("org.example.Cell.Step").contains("Parameters:\n  h  hidden state h_t, [B, H]"));
    }

    @Test
    void parameterTypesAreSimpleErasedNamesWithVarargsAsArrays() {
        assertEquals("List", JavadocIndexer.simpleErasure("java.util.List<java.lang.String>"));
        assertEquals("Mode", JavadocIndexer.simpleErasure("Progress.Mode"));
        assertEquals("double[][]", JavadocIndexer.simpleErasure("double[][]"));
        assertEquals("Object[]", JavadocIndexer.simpleErasure("java.lang.Object..."));
        assertEquals("INDArray", JavadocIndexer.simpleErasure("@Deprecated org.nd4j.linalg.api.ndarray.INDArray"));
        assertEquals("Map", JavadocIndexer.simpleErasure("Map<String, List<double[]>>"));
    }
}
