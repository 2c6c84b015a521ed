package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupSnippetTest {

    final ClassLoader loader = getClass().getClassLoader();

    @Test
    void theLibraryNd4jTablesawAndXChartAreImported() {
        List<String> imports = StartupSnippet.imports(loader);
        assertTrue(imports.contains("import org.lstmlab.nn.*;"), imports.toString());
        assertTrue(imports.contains("import org.knowm.xchart.*;"), imports.toString());
        assertTrue(imports.contains("import org.nd4j.linalg.factory.Nd4j;"), imports.toString());
        assertTrue(imports.contains("import org.nd4j.linalg.api.ndarray.INDArray;"), imports.toString());
        assertTrue(imports.contains("import tech.tablesaw.api.Table;"), imports.toString());
        assertEquals("import static org.lstmlab.kernel.Notebook.display;", imports.get(imports.size() - 1));
        assertTrue(imports.contains("import static org.lstmlab.kernel.Notebook.updateDisplay;"), imports.toString());
    }

    @Test
    void aPackageIsImportedExactlyWhenTheClasspathHasClassesInIt() {
        for (String pkg : StartupSnippet.PACKAGES) {
            assertEquals(
                    StartupSnippet.hasClasses(loader, pkg),
                    StartupSnippet.imports(loader).contains("import " + pkg + ".*;"),
                    pkg);
        }
        assertFalse(StartupSnippet.hasClasses(loader, "org.lstmlab.nosuchpackage"));
        assertTrue(StartupSnippet.hasClasses(loader, "org.lstmlab.nn"));
    }
}
