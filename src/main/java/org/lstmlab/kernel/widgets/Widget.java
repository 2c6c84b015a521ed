package org.lstmlab.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A widget model of ipywidgets 8: one comm (target {@code jupyter.widget}) whose state the front end mirrors. The
 * state is opened with the comm; a change on either side is sent as {@code update}; the front end's
 * {@code update} is answered with {@code echo_update} (ipywidgets 8 sends it so that every view agrees on the
 * order of changes), then applied; {@code request_state} is answered with the whole state. A {@code byte[]} in
 * the state travels as a binary buffer, named in {@code buffer_paths}.
 */
public abstract class Widget {

    /** The ipywidgets protocol version, in every comm_open's metadata. */
    static final String PROTOCOL_VERSION = "2.1.0";

    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String MODULE_VERSION = "2.0.0";

    private final Comms comms;
    private final Comm comm;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<java.util.function.Consumer<java.util.Set<String>>> changeListeners =
            new CopyOnWriteArrayList<>();

    /**
     * Opens the widget's comm with its whole state.
     *
     * @param model the model's name and module, e.g. IntSliderModel in @jupyter-widgets/controls 2.0.0
     * @param view the view's name and module
     * @param initial the model's own keys and values
     */
    Widget(Kind model, Kind view, Map<String, Object> initial) {
        state.put("_model_module", model.module());
        state.put("_model_module_version", model.version());
        state.put("_model_name", model.name());
        state.put("_view_module", view.module());
        state.put("_view_module_version", view.version());
        state.put("_view_name", view.name());
        state.put("_dom_classes", List.of());
        state.put("tabbable", null);
        state.put("tooltip", null);
        state.putAll(initial);
        comms = Comms.current();
        Split split = split(state);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", split.json());
        data.put("buffer_paths", split.paths());
        comm = comms.open("jupyter.widget", data, Map.of("version", PROTOCOL_VERSION), split.buffers());
        comms.widgets.put(comm.id(), this);
        comm.onMessage(this::received);
        comm.onClose(() -> {
            comms.widgets.remove(comm.id());
            closeStyle();
        });
    }

    /** Closes the style model a control's state names, which lives and goes with the control. */
    private void closeStyle() {
        if (get("style") instanceof String reference && reference.startsWith("IPY_MODEL_")) {
            Widget style = comms.widgets.get(reference.substring("IPY_MODEL_".length()));
            if (style != null) {
                style.close();
            }
        }
    }

    /** A model's or view's name, module and module version. */
    record Kind(String name, String module, String version) {
        static Kind controls(String name) {
            return new Kind(name, CONTROLS, MODULE_VERSION);
        }
    }

    /** @return the model id, which the front end's views and other widgets ({@code IPY_MODEL_id}) name it by */
    public String modelId() {
        return comm.id();
    }

    /** @return whether the widget's comm is closed (then the front end no longer shows it) */
    public boolean isClosed() {
        return comm.isClosed();
    }

    /** Closes the widget's comm: the front end drops the model and its views. */
    public void close() {
        comm.close();
    }

    /**
     * Runs {@code listener} after every change of the widget's state, from the front end or from code.
     *
     * @param listener what to run
     */
    public void onChange(Runnable listener) {
        changeListeners.add(keys -> listener.run());
    }

    /** Calls {@code listener} with the keys of every change of the state. */
    void listen(java.util.function.Consumer<java.util.Set<String>> listener) {
        changeListeners.add(listener);
    }

    /** @return the PNG this widget shows where no widget can be shown (a static notebook), or null */
    byte[] staticPng() {
        return null;
    }

    /** @return the text alternative of {@link #staticPng()}, or null when there is none */
    String staticAlt() {
        return null;
    }

    /** Text made safe inside a double-quoted HTML attribute. */
    private static String attribute(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** @return the whole state, {@code byte[]} values included */
    synchronized Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    synchronized Object get(String key) {
        return state.get(key);
    }

    /** Sets keys of the state, sends them as one {@code update} and tells the listeners. */
    void set(Map<String, Object> changes) {
        synchronized (this) {
            state.putAll(changes);
        }
        send("update", changes);
        notifyChanged(changes.keySet());
    }

    void set(String key, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(key, value);
        set(change);
    }

    /**
     * A value the front end sent for {@code key}, made valid for this widget (clamped into a slider's range).
     *
     * @return the value to keep
     */
    Object accept(String key, Object value) {
        return value;
    }

    /** Called after keys changed, before the listeners run. */
    void changed(java.util.Set<String> keys) {}

    private void received(Map<String, Object> data, List<byte[]> buffers) {
        Object method = data.get("method");
        if ("update".equals(method) && data.get("state") instanceof Map<?, ?> sent) {
            Map<String, Object> update = new LinkedHashMap<>();
            sent.forEach((key, value) -> update.put(String.valueOf(key), value));
            putBuffers(update, data.get("buffer_paths"), buffers);
            update.keySet().removeIf(key -> !state().containsKey(key) || key.startsWith("_"));
            if (update.isEmpty()) {
                return;
            }
            send("echo_update", update);
            Map<String, Object> accepted = new LinkedHashMap<>();
            update.forEach((key, value) -> accepted.put(key, accept(key, value)));
            synchronized (this) {
                state.putAll(accepted);
            }
            if (!accepted.equals(update)) { // clamped: the front end shows what the kernel kept
                send("update", accepted);
            }
            notifyChanged(accepted.keySet());
        } else if ("request_state".equals(method)) {
            send("update", state());
        }
    }

    private void notifyChanged(java.util.Set<String> keys) {
        changed(keys);
        for (java.util.function.Consumer<java.util.Set<String>> listener : changeListeners) {
            listener.accept(keys);
        }
    }

    private void send(String method, Map<String, Object> values) {
        if (comm.isClosed()) {
            return;
        }
        Split split = split(values);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", method);
        data.put("state", split.json());
        data.put("buffer_paths", split.paths());
        comm.send(data, split.buffers());
    }

    /** A state without its binary values, the paths they had, and the values as buffers. */
    record Split(Map<String, Object> json, List<List<Object>> paths, List<byte[]> buffers) {}

    /** Takes the top-level {@code byte[]} values out of a state (the widgets here keep binary data at the top). */
    static Split split(Map<String, Object> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<List<Object>> paths = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value instanceof byte[] bytes) {
                paths.add(List.of(key));
                buffers.add(bytes);
            } else {
                json.put(key, value);
            }
        });
        return new Split(json, paths, buffers);
    }

    /** Puts the buffers of a message back at their top-level paths. */
    private static void putBuffers(Map<String, Object> state, Object paths, List<byte[]> buffers) {
        if (!(paths instanceof List<?> list)) {
            return;
        }
        for (int k = 0; k < list.size() && k < buffers.size(); k++) {
            if (list.get(k) instanceof List<?> path && path.size() == 1) {
                state.put(String.valueOf(path.get(0)), buffers.get(k));
            }
        }
    }

    /** @return the MIME bundle of a display: the widget view, the static picture when there is one, and text */
    public Map<String, Object> mimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version_major", 2);
        view.put("version_minor", 0);
        view.put("model_id", modelId());
        bundle.put("application/vnd.jupyter.widget-view+json", view);
        byte[] png = staticPng();
        if (png != null) {
            String base64 = java.util.Base64.getEncoder().encodeToString(png);
            String alt = staticAlt();
            if (alt != null) { // as the kernel shows a chart: front ends and nbconvert draw image/png without an alt
                bundle.put(
                        "text/html",
                        "<img src=\"data:image/png;base64," + base64 + "\" alt=\"" + attribute(alt) + "\">");
            }
            bundle.put("image/png", base64);
        }
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + get("description") + ")";
    }
}
