package org.lstmlab.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output area inside a widget layout (ipywidgets' Output): what code prints or displays while
 * {@link #capture} runs appears in it, and {@link #appendStdout}, {@link #appendStderr} and {@link #clear} change
 * it directly.
 */
public final class Output extends Widget {

    /** An empty output area. */
    public Output() {
        super(
                new Kind("OutputModel", "@jupyter-widgets/output", "1.0.0"),
                new Kind("OutputView", "@jupyter-widgets/output", "1.0.0"),
                emptyState());
    }

    private static Map<String, Object> emptyState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("msg_id", "");
        state.put("outputs", List.of());
        return state;
    }

    /**
     * Runs code with its printed and displayed output going to this area: the front end routes the messages of the
     * request the kernel is handling (a cell, a control's change) here while {@code msg_id} names it.
     */
    public void capture(Runnable code) {
        set("msg_id", Comms.current().parentMessageId());
        try {
            code.run();
        } finally {
            set("msg_id", "");
        }
    }

    /** Adds text as standard output. */
    public void appendStdout(String text) {
        append("stdout", text);
    }

    /** Adds text as standard error (shown red). */
    public void appendStderr(String text) {
        append("stderr", text);
    }

    /** Empties the area. */
    public void clear() {
        set("outputs", List.of());
    }

    /** @return how many outputs the area holds */
    public int size() {
        return ((List<?>) get("outputs")).size();
    }

    private void append(String stream, String text) {
        List<Object> outputs = new ArrayList<>((List<?>) get("outputs"));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("output_type", "stream");
        output.put("name", stream);
        output.put("text", text);
        outputs.add(output);
        set("outputs", outputs);
    }

    @Override
    public String toString() {
        return "Output(" + size() + " outputs)";
    }
}
