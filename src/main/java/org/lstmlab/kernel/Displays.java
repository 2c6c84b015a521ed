package org.lstmlab.kernel;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.lstmlab.kernel.widgets.Widget;

/**
 * The notebook's displays: {@code display(x)} publishes {@code display_data} with a new display
 * id ({@link OutputIds}) and returns the id, {@code updateDisplay(id, y)} publishes {@code update_display_data} for it,
 * which Jupyter applies in place to every output carrying that id. Training progress uses the same
 * path: each run's bar is one display, updated as the run goes ({@link #liveLine()}).
 */
final class Displays implements Notebook.Displayer {

    /** Blanks and comments around a statement: JShell keeps the comments above a snippet in its source. */
    private static final String AROUND = "(?:\\s|//[^\\n]*+|/\\*.*?\\*/)*";

    /**
     * A statement that only calls {@code display(...)} (or IJava's {@code IJava.getKernelInstance().display(...)}),
     * with comments above or after it: its value, the id, is not shown as the cell's value.
     */
    private static final Pattern DISPLAY_CALL = Pattern.compile(
            AROUND
                    + "(?:(?:Notebook|IJava\\s*\\.\\s*getKernelInstance\\s*\\(\\s*\\))\\s*\\.\\s*)?display\\s*\\(.*\\)\\s*;?"
                    + AROUND,
            Pattern.DOTALL);

    /** Where a display goes: the running cell's reply environment, or nowhere outside a cell. */
    interface Channel {
        /** Publishes on the running cell's IOPub, after the text printed so far; false outside a cell. */
        <T extends ContentType<T>> boolean publish(T content);
    }

    private final Channel channel;
    private final PrintStream kernelLog;
    private final Supplier<String> newId;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Set<String> idsOfThisCell = ConcurrentHashMap.newKeySet();

    /**
     * @param channel publishes to the running cell
     * @param kernelLog where displays outside any cell are written
     * @param newId a new display id at every call ({@link OutputIds#display})
     */
    Displays(Channel channel, PrintStream kernelLog, Supplier<String> newId) {
        this.channel = channel;
        this.kernelLog = kernelLog;
        this.newId = newId;
    }

    /** Forgets which ids the previous cell created (every id stays updatable). */
    void cellStarted() {
        idsOfThisCell.clear();
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        DisplayData data = data(value, mimeTypes);
        String id = newId.get();
        data.setDisplayId(id);
        ids.add(id);
        idsOfThisCell.add(id);
        if (!channel.publish(new PublishDisplayData(data))) {
            kernelLog.println("display outside a cell: " + value);
        }
        return id;
    }

    @Override
    public void update(String id, Object value, String... mimeTypes) {
        if (!publishUpdate(id, value, mimeTypes)) {
            kernelLog.println("updateDisplay outside a cell: " + value);
        }
    }

    /** Publishes the update; false outside a cell. */
    private boolean publishUpdate(String id, Object value, String... mimeTypes) {
        if (id == null || !ids.contains(id)) {
            throw new IllegalArgumentException("updateDisplay needs an id that display(...) returned in this kernel"
                    + " session, but got " + (id == null ? "null" : "\"" + id + "\"")
                    + "; keep it: String id = display(value);");
        }
        DisplayData data = data(value, mimeTypes);
        data.setDisplayId(id);
        return channel.publish(new PublishUpdateDisplayData(data));
    }

    /**
     * Whether a snippet's value is the id returned by a bare {@code display(...)} call of this cell,
     * which the cell does not show (IJava shows it; a cell ending in {@code display(chart);} should
     * show the chart and nothing else).
     */
    boolean isIdOfBareDisplayCall(String source, Object value) {
        return value instanceof String
                && idsOfThisCell.contains(value)
                && DISPLAY_CALL.matcher(source).matches();
    }

    /**
     * A line for one training run's progress bar: the first text becomes a display, later texts
     * replace it in place (outside a cell they are dropped quietly: the first one went to the log).
     */
    Consumer<String> liveLine() {
        String[] id = new String[1];
        return text -> {
            if (id[0] == null) {
                id[0] = display(text, "text/plain");
            } else {
                publishUpdate(id[0], text, "text/plain");
            }
        };
    }

    /**
     * The MIME bundle of a value: everything {@link Rendering} makes of it, or only the requested
     * types; a {@code CharSequence} with requested types is the content of each of them.
     *
     * @throws IllegalArgumentException when none of the requested types can be made of the value
     */
    static DisplayData data(Object value, String... mimeTypes) {
        DisplayData data = new DisplayData();
        if (value instanceof Widget widget) { // the live view, and its picture for a notebook without widgets
            Map<String, Object> bundle = widget.mimeBundle();
            bundle.forEach((type, content) -> {
                if (mimeTypes == null
                        || mimeTypes.length == 0
                        || Arrays.asList(mimeTypes).contains(type)) {
                    data.putData(type, content);
                }
            });
            return data;
        }
        if (mimeTypes == null || mimeTypes.length == 0) {
            Rendering.render(value).forEach(data::putData);
            return data;
        }
        if (value instanceof CharSequence) {
            for (String type : mimeTypes) {
                data.putData(type, value.toString());
            }
            return data;
        }
        Map<String, String> rendered = Rendering.render(value);
        for (String type : mimeTypes) {
            if (rendered.containsKey(type)) {
                data.putData(type, rendered.get(type));
            }
        }
        if (rendered.keySet().stream().noneMatch(Arrays.asList(mimeTypes)::contains)) {
            throw new IllegalArgumentException("cannot show "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName()) + " as "
                    + String.join(", ", mimeTypes) + "; this kernel makes " + String.join(", ", rendered.keySet())
                    + " of it");
        }
        return data;
    }
}
