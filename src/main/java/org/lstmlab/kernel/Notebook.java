package org.lstmlab.kernel;

/**
 * The calls a notebook makes to the kernel, imported statically by the start-up snippet:
 * {@code display(chart)} shows an object below the cell, as IJava's {@code display} does.
 */
public final class Notebook {

    private static volatile Displayer displayer = value -> System.out.println(value);

    private Notebook() {}

    /** What shows an object in the running cell's output. */
    interface Displayer {
        void display(Object value);
    }

    static void setDisplayer(Displayer target) {
        displayer = target;
    }

    /**
     * Shows an object in the cell's output: a chart or image as a picture, a table as HTML, an
     * INDArray with its shape, anything else as text.
     *
     * <p>Returns nothing, so a cell ending in {@code display(chart);} shows the chart once.
     *
     * @param value the object to show
     */
    public static void display(Object value) {
        displayer.display(value);
    }
}
