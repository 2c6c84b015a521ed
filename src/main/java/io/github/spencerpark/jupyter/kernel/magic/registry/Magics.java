package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;
import org.lstmlab.kernel.Notebook;

/**
 * The kernel's magics as IJava's {@code IJava.getKernelInstance().getMagics()} offers them: apply one by name
 * from Java code and get its value, or register a new one that later cells call as {@code %name}. The
 * kernel's own magics ({@code %jars}, {@code %maven}, {@code %load}, ...) are applied here too; they keep their
 * names.
 */
public class Magics {

    /** The running kernel's magics (every instance applies and registers on the same kernel). */
    public Magics() {}

    /**
     * Runs a line magic, as {@code %name args} would, and returns its value ({@code %jars}: the paths added).
     *
     * @param name the magic's name without {@code %}
     * @param args its arguments
     * @param <T> what the caller takes the value as (unchecked, as in IJava)
     * @return the magic's value
     * @throws UndefinedMagicException when there is no such line magic
     * @throws Exception what the magic throws
     */
    public <T> T applyLineMagic(String name, List<String> args) throws Exception {
        if (!Notebook.isLineMagic(name)) {
            throw new UndefinedMagicException(name, true);
        }
        return Notebook.lineMagic(name, args);
    }

    /**
     * Runs a cell magic on a body, as a cell starting with {@code %%name args} would.
     *
     * @param name the magic's name without {@code %%}
     * @param args the arguments of its first line
     * @param body the cell's other lines
     * @param <T> what the caller takes the value as (unchecked, as in IJava)
     * @return the magic's value
     * @throws UndefinedMagicException when there is no such cell magic
     * @throws Exception what the magic throws
     */
    public <T> T applyCellMagic(String name, List<String> args, String body) throws Exception {
        if (!Notebook.isCellMagic(name)) {
            throw new UndefinedMagicException(name, false);
        }
        return Notebook.cellMagic(name, args, body);
    }

    /**
     * Adds a line magic: {@code %name args} in a later cell (or {@code var x = %name args}) runs it.
     *
     * @throws IllegalArgumentException when the name is not a word or is one of the kernel's own magics
     */
    public void registerLineMagic(String name, LineMagicFunction<?> magic) {
        Notebook.registerLineMagic(name, magic::execute);
    }

    /**
     * Adds a cell magic: a cell starting with {@code %%name args} runs it.
     *
     * @throws IllegalArgumentException when the name is not a word or is one of the kernel's own magics
     */
    public void registerCellMagic(String name, CellMagicFunction<?> magic) {
        Notebook.registerCellMagic(name, magic::execute);
    }

    /** Adds a magic that is both a line and a cell magic of this name. */
    public <T extends LineMagicFunction<?> & CellMagicFunction<?>> void registerLineCellMagic(String name, T magic) {
        registerLineMagic(name, magic);
        registerCellMagic(name, magic);
    }
}
