package org.lstmlab.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Entry points a notebook calls: {@link #interact} wires controls to a figure of the library. Also answers the
 * front end's {@code jupyter.widget.control} comm, through which a reloaded page asks for every widget's state
 * ({@code request_states}), so the widgets survive a reload.
 */
public final class Widgets {

    /** The comm target of widget models. */
    public static final String TARGET = "jupyter.widget";

    /** The comm target a front end opens to ask for all widgets' states at once. */
    public static final String CONTROL_TARGET = "jupyter.widget.control";

    private Widgets() {}

    /**
     * The controls above a figure that is drawn again whenever one of them moves; the figure reads the controls'
     * values itself.
     *
     * <pre>{@code
     * var rho = new FloatSlider("spectral norm ρ", 0.5, 1.5, 0.05, 0.9);
     * display(Widgets.interact(() -> Explorables.spectralNorm(experiment, rho.value()), rho));
     * }</pre>
     *
     * @param figure draws the figure for the controls' values now
     * @param controls the controls, at least one
     * @return the layout to display
     */
    public static Interact interact(Supplier<? extends Chart<?, ?>> figure, ValueWidget<?>... controls) {
        return Interact.of(figure, List.of(controls));
    }

    /**
     * The control above a figure of its value, drawn again whenever it moves.
     *
     * @param control the control
     * @param figure draws the figure for a value
     * @param <T> the value's type
     * @return the layout to display
     */
    public static <T> Interact interact(ValueWidget<T> control, Function<T, ? extends Chart<?, ?>> figure) {
        return Interact.of(() -> figure.apply(control.value()), List.of(control));
    }

    /** Registers the control target in a comm registry ({@link Comms#install} does). */
    static void registerTargets(Comms comms) {
        comms.registerTarget(
                CONTROL_TARGET,
                comm -> comm.onMessage((data, buffers) -> {
                    if ("request_states".equals(data.get("method"))) {
                        sendStates(comms, comm);
                    }
                }));
    }

    /** {@code update_states}: every open widget's model and state, binary values as buffers at their paths. */
    private static void sendStates(Comms comms, Comm comm) {
        Map<String, Object> states = new LinkedHashMap<>();
        List<List<Object>> paths = new ArrayList<>();
        List<byte[]> buffers = new ArrayList<>();
        comms.widgets.forEach((id, widget) -> {
            Map<String, Object> state = widget.state();
            Widget.Split split = Widget.split(state);
            for (int k = 0; k < split.paths().size(); k++) {
                paths.add(List.of(id, "state", split.paths().get(k).get(0)));
                buffers.add(split.buffers().get(k));
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("model_name", state.get("_model_name"));
            model.put("model_module", state.get("_model_module"));
            model.put("model_module_version", state.get("_model_module_version"));
            model.put("state", split.json());
            states.put(id, model);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", "update_states");
        data.put("states", states);
        data.put("buffer_paths", paths);
        comm.send(data, buffers);
    }
}
