package io.github.spencerpark.jupyter.kernel.magic.registry;

import java.util.List;

/**
 * A line magic a notebook registers with {@link Magics#registerLineMagic}: {@code %name args} runs it.
 *
 * @param <T> the magic's value, for {@code var x = %name args}
 */
@FunctionalInterface
public interface LineMagicFunction<T> {
    /**
     * @param args the arguments, split at blanks (a double-quoted argument keeps its blanks)
     * @return the magic's value
     * @throws Exception whatever the magic throws; the cell shows it
     */
    T execute(List<String> args) throws Exception;
}
