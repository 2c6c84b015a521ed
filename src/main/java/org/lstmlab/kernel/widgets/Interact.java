package org.lstmlab.kernel.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Controls above a figure that is drawn again whenever one of them moves (ipywidgets' {@code interact}): a column
 * of the controls' row, the figure ({@link ImageView}) and an output area that says why a redraw failed. Made by
 * {@link Widgets#interact}.
 */
public final class Interact extends Box {

    private final Supplier<? extends Chart<?, ?>> figure;
    private final ImageView image;
    private final Output messages;
    private volatile double lastRedrawMillis = Double.NaN;

    private Interact(List<Widget> column, Supplier<? extends Chart<?, ?>> figure, ImageView image, Output messages) {
        super("VBox", column);
        this.figure = figure;
        this.image = image;
        this.messages = messages;
    }

    static Interact of(Supplier<? extends Chart<?, ?>> figure, List<ValueWidget<?>> controls) {
        if (controls.isEmpty()) {
            throw new IllegalArgumentException("interact needs at least one control to move, but got none");
        }
        if (figure == null) {
            throw new IllegalArgumentException("interact needs a figure to draw (a Supplier of a chart), but got null");
        }
        ImageView image = new ImageView(figure.get()); // the figure at the controls' first values
        Output messages = new Output();
        List<Widget> column = new ArrayList<>();
        column.add(controls.size() == 1 ? controls.get(0) : new HBox(controls.toArray(Widget[]::new)));
        column.add(image);
        column.add(messages);
        Interact interact = new Interact(column, figure, image, messages);
        controls.forEach(control -> control.observe(value -> interact.redraw()));
        return interact;
    }

    /**
     * Draws the figure again for the controls' values now; a figure that fails leaves the last picture and says why
     * in the output area below it.
     */
    public void redraw() {
        long started = System.nanoTime();
        try {
            image.show(figure.get());
            if (messages.size() > 0) {
                messages.clear();
            }
        } catch (RuntimeException e) {
            messages.clear();
            messages.appendStderr("the figure could not be drawn for these values: " + e + "\n");
        } finally {
            lastRedrawMillis = (System.nanoTime() - started) / 1e6;
        }
    }

    /** @return the figure's view */
    public ImageView figure() {
        return image;
    }

    /** @return the output area below the figure */
    public Output messages() {
        return messages;
    }

    /** @return how long the last redraw took in the kernel (computing and encoding the figure), in ms; NaN before one */
    public double lastRedrawMillis() {
        return lastRedrawMillis;
    }

    @Override
    public String toString() {
        return "Interact" + children();
    }
}
