package io.github.spencerpark.jupyter.kernel.display;

/**
 * How a notebook shows an object of a registered type: it puts data into the context, usually with
 * {@link RenderContext#renderIfRequested}.
 *
 * @param <T> the registered type
 */
@FunctionalInterface
public interface RenderFunction<T> {
    void render(T data, RenderContext context);
}
