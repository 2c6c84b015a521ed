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

    /** The kernel's magics, as {@link #lineMagic} and {@link #cellMagic} run them. */
    interface MagicRunner {
        Object line(String name, java.util.List<String> args);

        Object cell(String name, java.util.List<String> args, String body);

        /** Whether the kernel itself has this line magic ({@code line}) or cell magic. */
        boolean has(String name, boolean line);
    }

    /** A line magic a notebook registers (IJava's {@code getMagics().registerLineMagic}). */
    @FunctionalInterface
    public interface LineMagicBody {
        /**
         * @param args the magic's arguments, split at blanks (a quoted argument keeps its blanks)
         * @return the magic's value, for {@code var x = %name ...}
         * @throws Exception whatever the magic throws; the cell shows it
         */
        Object apply(java.util.List<String> args) throws Exception;
    }

    /** A cell magic a notebook registers (IJava's {@code getMagics().registerCellMagic}). */
    @FunctionalInterface
    public interface CellMagicBody {
        /**
         * @param args the arguments on the {@code %%name} line
         * @param body the rest of the cell
         * @return the magic's value
         * @throws Exception whatever the magic throws; the cell shows it
         */
        Object apply(java.util.List<String> args, String body) throws Exception;
    }

    private static volatile MagicRunner magics = new MagicRunner() {
        @Override
        public Object line(String name, java.util.List<String> args) {
            throw new IllegalStateException("%" + name + " needs the notebook's kernel");
        }

        @Override
        public Object cell(String name, java.util.List<String> args, String body) {
            throw new IllegalStateException("%%" + name + " needs the notebook's kernel");
        }

        @Override
        public boolean has(String name, boolean line) {
            return false;
        }
    };

    private static final java.util.Map<String, LineMagicBody> LINE_MAGICS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, CellMagicBody> CELL_MAGICS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static void setMagicRunner(MagicRunner runner) {
        magics = runner;
    }

    /**
     * Runs a line magic and returns its value: IJava's {@code lineMagic}, in the notebook's namespace, which
     * {@code List<String> jars = %jars lib/*.jar} turns into. {@code %jars} and {@code %classpath} give the paths
     * they added, {@code %maven}, {@code %addMavenDependency} and {@code %loadFromPOM} the jars they added,
     * {@code %time STATEMENT} the statement's value, the others null.
     *
     * @param name the magic's name without {@code %}
     * @param args its arguments
     * @param <T> what the caller takes the value as (unchecked, as in IJava)
     * @return the magic's value
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, java.util.List<String> args) {
        return (T) magics.line(name, args);
    }

    /**
     * Runs a cell magic on a body and returns its value: IJava's {@code cellMagic}.
     *
     * @param name the magic's name without {@code %%}
     * @param args the arguments of its first line
     * @param body the cell's other lines
     * @param <T> what the caller takes the value as (unchecked, as in IJava)
     * @return the magic's value ({@code %%time}: the last expression's)
     */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, java.util.List<String> args, String body) {
        return (T) magics.cell(name, args, body);
    }

    /** Whether {@code %name} is a line magic here: the kernel's own or one a notebook registered. */
    public static boolean isLineMagic(String name) {
        return magics.has(name, true) || LINE_MAGICS.containsKey(name);
    }

    /** Whether {@code %%name} is a cell magic here: the kernel's own or one a notebook registered. */
    public static boolean isCellMagic(String name) {
        return magics.has(name, false) || CELL_MAGICS.containsKey(name);
    }

    /**
     * Adds a line magic: {@code %name args} in a later cell runs it. The kernel's own magics keep their names.
     *
     * @throws IllegalArgumentException when the name is not a word or is one of the kernel's own magics
     */
    public static void registerLineMagic(String name, LineMagicBody magic) {
        LINE_MAGICS.put(checkedName(name, true), java.util.Objects.requireNonNull(magic, "magic"));
    }

    /**
     * Adds a cell magic: a cell starting with {@code %%name args} runs it on the cell's other lines.
     *
     * @throws IllegalArgumentException when the name is not a word or is one of the kernel's own magics
     */
    public static void registerCellMagic(String name, CellMagicBody magic) {
        CELL_MAGICS.put(checkedName(name, false), java.util.Objects.requireNonNull(magic, "magic"));
    }

    private static String checkedName(String name, boolean line) {
        String sign = line ? "%" : "%%";
        if (name == null || !name.matches("[A-Za-z]\\w*")) {
            throw new IllegalArgumentException(
                    "a magic's name is a word (letters, digits, _; a letter first), but got " + name);
        }
        if (magics.has(name, line)) {
            throw new IllegalArgumentException(sign + name + " is one of the kernel's own magics; pick another name");
        }
        return name;
    }

    static LineMagicBody registeredLineMagic(String name) {
        return LINE_MAGICS.get(name);
    }

    static CellMagicBody registeredCellMagic(String name) {
        return CELL_MAGICS.get(name);
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
