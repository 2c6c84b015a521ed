package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;

/**
 * A cell magic a notebook registers with {@link Magics#registerCellMagic}: a cell starting with
 * {@code %%name args} runs it on the cell's other lines.
 *
 * @param <T> the magic's value
 */
@FunctionalInterface
public interface CellMagicFunction<T> {
    /**
     * @param args the arguments of the {@code %%name} line
     * @param body the cell's other lines
     * @return the magic's value
     * @throws Exception whatever the magic throws; the cell shows it
     */
    T execute(List<String> args, String body) throws Exception;
}
