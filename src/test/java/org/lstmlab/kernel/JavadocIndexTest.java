package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding the library's Javadoc from JShell's signatures: first from signature strings as JShell
 * writes them, then end to end with a real JShell on the test classpath and the index of
 * {@code src/main/java}, for the calls the notebooks make.
 */
class JavadocIndexTest {

    static JShell jshell;
    static JavadocIndex library;

    @BeforeAll
    static void startJShell() throws Exception {
        library = new JavadocIndex(JavadocIndexer.index(Path.of("src/main/java")), StartupSnippet.PACKAGES);
        jshell = JShell.builder().executionEngine("local").build();
        jshell.addToClasspath(System.getProperty("java.class.path"));
        for (String statement : StartupSnippet.imports(ClassLoader.getSystemClassLoader())) {
            jshell.eval(statement);
        }
        jshell.eval("var cell = new LstmCell(LstmParams.init(3, 4, 42));");
    }

    @AfterAll
    static void stopJShell() {
        jshell.close();
    }

    /** What the kernel shows for the code before the cursor: JShell's signatures with the index's docs. */
    static String shiftTab(String code) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String snippet = LabKernel.currentSnippet(analysis, code);
        return analysis.documentation(snippet, snippet.length(), false).stream()
                .map(d -> d.signature() + "\n" + library.lookup(d.signature()))
                .collect(Collectors.joining("\n\n"));
    }

    final JavadocIndex fixture = new JavadocIndex(
            Map.of(
                    "org.example.Cell", "a cell",
                    "org.example.Cell#<init>(int)", "makes a cell",
                    "org.example.Cell#step(double[],Map)", "a step with extras",
                    "org.example.Cell.Start#ZEROS", "all zeros",
                    "org.other.Cell", "another cell",
                    "org.example.Box#of(T[])", "a box"),
            List.of("org.example"));

    @Test
    void signaturesAsJShellWritesThemFindTheirDeclaration() {
        assertEquals("a step with extras", fixture.lookup("double[] Cell.step(double[] x, Map<String, Foo> extras)"));
        assertEquals(
                "a step with extras",
                fixture.lookup("double[] org.example.Cell.step(double[] x, java.util.Map<java.lang.String,"
                        + " java.util.List<double[]>> extras)"));
        assertEquals("makes a cell", fixture.lookup("Cell(int size)"));
        assertEquals("all zeros", fixture.lookup("Cell.Start.ZEROS"));
        assertEquals("all zeros", fixture.lookup("org.example.Cell.Start.ZEROS"));
        assertEquals("a box", fixture.lookup("<T> Box<T> Box.of(T... values)"));
        assertNull(fixture.lookup("double[] Cell.step(double[] x)"), "an overload the index does not document");
        assertNull(fixture.lookup("String String.format(String format, Object... args)"));
    }

    @Test
    void java25sRecordHeadersInSignaturesAreSkipped() {
        JavadocIndex records = new JavadocIndex(
                Map.of(
                        "org.example.Params#init(int,long)", "seeded parameters",
                        "org.example.Params#wF()", "W_f",
                        "org.example.Params#<init>(double[])", "the parameters",
                        "org.example.Params#SIZE", "a constant"),
                List.of("org.example"));
        assertEquals("seeded parameters", records.lookup("Params Params(double[] wF).init(int inputSize, long seed)"));
        assertEquals(
                "seeded parameters",
                records.lookup("org.example.Params org.example.Params(java.util.List<double[]> wF).init(int"
                        + " inputSize, long seed)"));
        assertEquals("W_f", records.lookup("double[] Params(double[] wF).wF()"));
        assertEquals("the parameters", records.lookup("Params(double[] wF)"));
        assertEquals("a constant", records.lookup("Params(double[] wF).SIZE"));
        assertEquals("seeded parameters", records.lookup("Params Params.init(int inputSize, long seed) throws X"));
    }

    @Test
    void anAmbiguousSimpleNamePrefersTheImportedPackagesAndAFullNameIsExact() {
        assertEquals("a cell", fixture.lookup("Cell"));
        assertEquals("another cell", fixture.lookup("org.other.Cell"));
    }

    @Test
    void shiftTabOnTheCellClassShowsItsDescription() {
        String shown = shiftTab("LstmCell");
        assertTrue(
                shown.startsWith("org.lstmlab.nn.LstmCell\nThe LSTM cell of Hochreiter & Schmidhuber (1997)"), shown);
    }

    @Test
    void shiftTabOnAStepCallShowsEachParameterWithItsShape() {
        String shown = shiftTab("var h0 = Nd4j.zeros(1, 4);\ncell.forward(");
        assertTrue(shown.contains("One step forward."), shown);
        assertTrue(shown.contains("\n  x      x_t, [B, X]\n  hPrev  h_{t-1}, [B, H]\n  cPrev  C_{t-1}, [B, H]"), shown);
        assertTrue(shown.contains("Returns:\n  the step's cache with every gate, C_t and h_t"), shown);
    }

    @Test
    void shiftTabOnAnOverloadedFactoryShowsEveryOverloadsDocs() {
        String shown = shiftTab("LstmParams.init(");
        assertTrue(shown.contains("forgetBias  added to b_f"), shown);
        assertTrue(shown.contains("long seed)\n"), shown);
        assertTrue(!shown.contains("\nnull"), "every overload is documented: " + shown);
    }

    @Test
    void shiftTabOnChartsDisplayAndEnumConstantsShowsTheirDocs() {
        String chart = shiftTab("GateHeatmapChart.chart(");
        assertTrue(chart.contains("example   b, the row of the batch to show"), chart);
        String display = shiftTab("display(");
        assertTrue(display.contains("Returns:\n  the display's id"), display);
        String constant = shiftTab("Progress.Mode.BAR");
        assertTrue(constant.contains("One line redrawn in place"), constant);
    }

    @Test
    void shiftTabOnARecordAccessorShowsTheComponentsParamLine() {
        String accessor = shiftTab("cell.forward(null, null, null).f(");
        assertTrue(accessor.contains("forget gate f_t = σ(W_f"), accessor);
    }
}
