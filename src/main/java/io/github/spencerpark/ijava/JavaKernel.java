package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import org.lstmlab.kernel.Notebook;
import org.lstmlab.kernel.Rendering;

/**
 * The kernel as IJava's API offers it to a notebook: its renderer (whose registrations the kernel asks
 * first when it shows an object), its magics, {@code display}, {@code updateDisplay} and {@code eval}.
 */
public final class JavaKernel {

    private final Renderer renderer = new Renderer();
    private final Magics magics = new Magics();

    JavaKernel() {
        Rendering.addNotebookRenderer(renderer::render);
    }

    /** The renderer notebooks register their types with. */
    public Renderer getRenderer() {
        return renderer;
    }

    /**
     * The kernel's magics: {@code getMagics().applyLineMagic("jars", List.of("lib/*.jar"))} runs {@code %jars} and
     * returns its value; {@code registerLineMagic} adds a magic later cells call as {@code %name}.
     */
    public Magics getMagics() {
        return magics;
    }

    /**
     * Shows an object below the cell, as {@code display(value)} does.
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public String display(Object value) {
        return Notebook.display(value);
    }

    /** Shows an object as the given MIME types only, as {@code display(value, types...)} does. */
    public String display(Object value, String... mimeTypes) {
        return Notebook.display(value, mimeTypes);
    }

    /**
     * Runs code as a cell would, from inside a running cell: declarations join the notebook, magics run.
     *
     * @param code Java code or magics
     * @return the value of its last expression, or null
     * @throws RuntimeException the error the code raised (a compilation error names the line and column)
     */
    public Object eval(String code) {
        return Notebook.eval(code);
    }

    /** Replaces what the display {@code id} shows, as {@code updateDisplay(id, value)} does. */
    public void updateDisplay(String id, Object value) {
        Notebook.updateDisplay(id, value);
    }
}
