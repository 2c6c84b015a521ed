package org.lstmlab.kernel;

/**
 * The calls a notebook makes to the kernel, imported statically by the start-up snippet, with
 * IJava's signatures: {@code display(chart)} shows an object below the cell and returns its display
 * id, {@code updateDisplay(id, value)} replaces what that display shows, in place.
 *
 * <pre>{@code
 * String id = display("starting");
 * for (int step = 1; step <= 3; step++) updateDisplay(id, "step " + step + " of 3");
 * }</pre>
 */
public final class Notebook {

    private static volatile Displayer displayer = new Displayer() {
        @Override
        public String display(Object value, String... mimeTypes) {
            System.out.println(value);
            return "";
        }

        @Override
        public void update(String id, Object value, String... mimeTypes) {
            System.out.println(value);
        }
    };

    private static volatile java.util.function.Function<String, Object> evaluator = code -> {
        throw new IllegalStateException("eval needs the notebook's kernel");
    };

    private Notebook() {}

    static void setEvaluator(java.util.function.Function<String, Object> target) {
        evaluator = target;
    }

    /**
     * Runs code as a cell would (magics included) from inside a running cell, for IJava's
     * {@code IJava.getKernelInstance().eval(code)}.
     *
     * @param code Java code or magics
     * @return the value of its last expression, or null
     */
    public static Object eval(String code) {
        return evaluator.apply(code);
    }

    /** What shows an object in the running cell's output. */
    interface Displayer {
        String display(Object value, String... mimeTypes);

        void update(String id, Object value, String... mimeTypes);
    }

    static void setDisplayer(Displayer target) {
        displayer = target;
    }

    /**
     * Shows an object in the cell's output: a chart or image as a picture, a table as HTML, an
     * INDArray with its shape, anything else as text.
     *
     * <p>A cell ending in {@code display(chart);} shows the chart once: the kernel does not show the
     * id that such a last statement returns.
     *
     * @param value the object to show
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return displayer.display(value);
    }

    /**
     * Shows an object as the given MIME types only, e.g. {@code display(html, "text/html")}. A string
     * (any {@code CharSequence}) is taken as the content itself, so {@code display("<b>hi</b>",
     * "text/html")} shows bold text.
     *
     * @param value the object to show
     * @param mimeTypes the MIME types to send (none: all the kernel renders)
     * @return the display's id, for {@link #updateDisplay(String, Object, String...)}
     */
    public static String display(Object value, String... mimeTypes) {
        return displayer.display(value, mimeTypes);
    }

    /**
     * Replaces what the display {@code id} shows, in place (Jupyter's {@code update_display_data}),
     * even when it was shown by an earlier cell.
     *
     * @param id a display id that {@link #display(Object)} returned in this kernel session
     * @param value the new content
     * @throws IllegalArgumentException when no display of this session has that id
     */
    public static void updateDisplay(String id, Object value) {
        displayer.update(id, value);
    }

    /**
     * Replaces what the display {@code id} shows with the given MIME types of {@code value}.
     *
     * @param id a display id that {@link #display(Object)} returned in this kernel session
     * @param value the new content
     * @param mimeTypes the MIME types to send (none: all the kernel renders)
     * @throws IllegalArgumentException when no display of this session has that id
     */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        displayer.update(id, value, mimeTypes);
    }
}
