package org.lstmlab.kernel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lstmlab.plot.AltText;
import org.lstmlab.plot.Words;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns a cell's value or a {@code display(...)} argument into Jupyter MIME data: images and XChart
 * charts as PNG, and as an HTML image with the figure's text alternative ({@link AltText}) where it has one, a Tablesaw table as an HTML table with its shape, an ND4J array with its shape and
 * data type, any object with a public {@code String toHtml()} as HTML, everything else as text.
 */
public final class Rendering {

    /** How many rows of a table are shown. */
    static final int TABLE_ROWS = 10;

    /** Renderers notebook code registered (IJava's renderer API), asked before the kernel's own, the latest first. */
    private static final List<Function<Object, Map<String, String>>> NOTEBOOK_RENDERERS = new CopyOnWriteArrayList<>();

    private Rendering() {}

    /**
     * Adds a renderer that notebook code supplies (IJava's {@code Renderer}): for an object it answers MIME type
     * to data, or null to leave the object to the renderers added before it and then to the kernel's own.
     *
     * @param renderer the notebook's renderer
     */
    public static void addNotebookRenderer(Function<Object, Map<String, String>> renderer) {
        NOTEBOOK_RENDERERS.add(renderer);
    }

    /**
     * Renders one object.
     *
     * @param value any object, or null
     * @return MIME type to data, always with {@code text/plain}, in the order a front end prefers
     */
    public static Map<String, String> render(Object value) {
        for (int k = NOTEBOOK_RENDERERS.size() - 1; k >= 0; k--) {
            Map<String, String> registered = NOTEBOOK_RENDERERS.get(k).apply(value);
            if (registered != null && !registered.isEmpty()) {
                Map<String, String> data = new LinkedHashMap<>(registered);
                data.putIfAbsent("text/plain", String.valueOf(value));
                return data;
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (value instanceof BufferedImage) {
            BufferedImage image = (BufferedImage) value;
            String png = png(image);
            String alt = AltText.of(image);
            if (alt != null) data.put("text/html", imageHtml(png, alt));
            data.put("image/png", png);
            data.put("text/plain", "BufferedImage " + image.getWidth() + "x" + image.getHeight());
        } else if (value instanceof Chart) {
            Chart<?, ?> chart = (Chart<?, ?>) value;
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            String png = png(image);
            data.put("text/html", imageHtml(png, AltText.of(chart)));
            data.put("image/png", png);
            String title =
                    chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
            data.put(
                    "text/plain",
                    chart.getClass().getSimpleName() + title + " " + image.getWidth() + "x" + image.getHeight());
        } else if (value instanceof Table) {
            Table table = (Table) value;
            data.put("text/html", tableHtml(table));
            data.put("text/plain", table.first(TABLE_ROWS).print() + "\n" + shape(table));
        } else if (value instanceof INDArray) {
            data.put("text/plain", arrayText((INDArray) value));
        } else {
            String html = toHtml(value);
            if (html != null) {
                data.put("text/html", html);
            }
            data.put("text/plain", String.valueOf(value));
        }
        return data;
    }

    /**
     * The image as HTML with its text alternative: JupyterLab 4 and Notebook 7 draw an image/png output without
     * one (the output's metadata has no alt), nbconvert's HTML likewise, and both prefer text/html to image/png.
     */
    static String imageHtml(String png, String alt) {
        return "<img src=\"data:image/png;base64," + png + "\" alt=\"" + escape(alt) + "\">";
    }

    /** The PNG encoding of an image, in base64 as Jupyter carries it. */
    static String png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String shape(Table table) {
        return Words.format("%d rows × %d columns", table.rowCount(), table.columnCount());
    }

    static String tableHtml(Table table) {
        StringBuilder html = new StringBuilder("<div class=\"lstmlab-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            html.append("<b>").append(escape(table.name())).append("</b> ");
        }
        html.append("<table><thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append(column instanceof NumericColumn<?> ? "<th>" : "<th style=\"text-align:left\">")
                    .append(escape(column.name()))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = Math.min(TABLE_ROWS, table.rowCount());
        for (int r = 0; r < rows; r++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                String cell = column.getString(r);
                html.append(cellTag(column, cell)).append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><p>").append(escape(shape(table)));
        if (table.rowCount() > rows) {
            html.append(escape(Words.format(", first %d shown", rows)));
        }
        return html.append("</p></div>").toString();
    }

    /** Text up to this many characters (a name, a formula) stays on one line in a table. */
    static final int SHORT_TEXT = 24;

    /**
     * A cell's opening tag: Jupyter's style sheets right-align table cells, so a text column reads from the left, and
     * a short text stays whole where a narrow column would break it inside a formula ("h_t = o_t * / C_t").
     */
    private static String cellTag(Column<?> column, String cell) {
        if (column instanceof NumericColumn<?>) return "<td>";
        return cell.length() <= SHORT_TEXT
                ? "<td style=\"text-align:left; white-space:nowrap\">"
                : "<td style=\"text-align:left\">";
    }

    static String arrayText(INDArray array) {
        return "INDArray " + java.util.Arrays.toString(array.shape()) + " " + array.dataType() + "\n" + array;
    }

    /** The result of a public no-argument {@code String toHtml()}, or null when there is none. */
    static String toHtml(Object value) {
        if (value == null) {
            return null;
        }
        try {
            Method method = value.getClass().getMethod("toHtml");
            if (method.getReturnType() != String.class || Modifier.isStatic(method.getModifiers())) {
                return null;
            }
            method.setAccessible(true); // public method of a class a notebook declared (not exported)
            return (String) method.invoke(value);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }
}
