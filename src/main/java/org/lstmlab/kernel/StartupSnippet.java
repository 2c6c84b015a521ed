package org.lstmlab.kernel;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The imports every notebook starts with: the library's packages (the course's scenes among them), ND4J's entry points,
 * Tablesaw's {@code Table}, XChart, the widgets, {@code display}, {@code updateDisplay} and IJava's {@code lineMagic}
 * and {@code cellMagic}. Only what is on the classpath is imported, so a package a build does not have yet never breaks
 * the kernel's start.
 */
final class StartupSnippet {

    /** Packages imported whole, when the classpath has classes in them. */
    static final List<String> PACKAGES = List.of(
            "org.lstmlab.nn",
            "org.lstmlab.nn.fused",
            "org.lstmlab.grad",
            "org.lstmlab.data",
            "org.lstmlab.train",
            "org.lstmlab.plot",
            "org.lstmlab.course",
            "org.lstmlab.kernel.widgets",
            "org.knowm.xchart",
            "org.knowm.xchart.style");

    /** Single classes imported, when present. */
    static final List<String> CLASSES = List.of(
            "org.nd4j.linalg.factory.Nd4j",
            "org.nd4j.linalg.api.ndarray.INDArray",
            "org.nd4j.linalg.api.buffer.DataType",
            "org.nd4j.linalg.indexing.NDArrayIndex",
            "tech.tablesaw.api.Table");

    private StartupSnippet() {}

    /**
     * The import statements for what the class loader can see.
     *
     * @param loader the loader of the notebook classpath
     * @return one import statement per element, the static imports of {@code updateDisplay} and {@code display} last
     */
    static List<String> imports(ClassLoader loader) {
        List<String> imports = new ArrayList<>();
        for (String pkg : PACKAGES) {
            if (hasClasses(loader, pkg)) {
                imports.add("import " + pkg + ".*;");
            }
        }
        for (String name : CLASSES) {
            if (loader.getResource(name.replace('.', '/') + ".class") != null) {
                imports.add("import " + name + ";");
            }
        }
        imports.add("import static org.lstmlab.kernel.Notebook.lineMagic;"); // IJava's, for magics as expressions
        imports.add("import static org.lstmlab.kernel.Notebook.cellMagic;");
        imports.add("import static org.lstmlab.kernel.Notebook.updateDisplay;");
        imports.add("import static org.lstmlab.kernel.Notebook.display;");
        return imports;
    }

    /** Whether some classpath entry holds a class of the package (not just an empty folder). */
    static boolean hasClasses(ClassLoader loader, String pkg) {
        String path = pkg.replace('.', '/');
        try {
            var urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (!url.getProtocol().equals("file")) {
                    return true; // a jar has a folder entry only for packages it holds classes of
                }
                File[] files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class"));
                if (files != null && files.length > 0) {
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }
}
