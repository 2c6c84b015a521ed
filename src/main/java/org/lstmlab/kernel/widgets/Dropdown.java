package org.lstmlab.kernel.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice among options, each shown by its label (ipywidgets' Dropdown): {@code new Dropdown<>("unit",
 * List.of(0, 1, 2, 3))} labels each option with {@code String.valueOf}; {@link #Dropdown(String, Map, Object)}
 * names them.
 *
 * @param <T> the options' type
 */
public final class Dropdown<T> extends ValueWidget<T> {

    private final List<T> options;

    /**
     * @param description the label beside the dropdown
     * @param options the choices, at least one, labelled by {@code String.valueOf}
     * @throws IllegalArgumentException when there is no option
     */
    public Dropdown(String description, List<T> options) {
        this(description, options, options.isEmpty() ? null : options.get(0));
    }

    /**
     * @param description the label beside the dropdown
     * @param options the choices, at least one, labelled by {@code String.valueOf}
     * @param value the choice selected first, one of the options
     * @throws IllegalArgumentException when there is no option or value is none of them
     */
    public Dropdown(String description, List<T> options, T value) {
        this(description, labelled(options), value);
    }

    /**
     * @param description the label beside the dropdown
     * @param options label to choice, in the order shown, at least one
     * @param value the choice selected first, one of the options
     * @throws IllegalArgumentException when there is no option or value is none of them
     */
    public Dropdown(String description, Map<String, T> options, T value) {
        super(Kind.controls("DropdownModel"), Kind.controls("DropdownView"), state(description, options, value));
        this.options = new ArrayList<>(options.values());
    }

    private static <T> Map<String, T> labelled(List<T> options) {
        Map<String, T> labelled = new LinkedHashMap<>();
        options.forEach(option -> labelled.put(String.valueOf(option), option));
        return labelled;
    }

    private static <T> Map<String, Object> state(String description, Map<String, T> options, T value) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException(
                    "dropdown \"" + description + "\" needs at least one option, but got none");
        }
        int index = new ArrayList<>(options.values()).indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("dropdown \"" + description + "\" offers " + options.keySet()
                    + ", but its value would be " + value);
        }
        Map<String, Object> state = new LinkedHashMap<>(described(description, "DescriptionStyleModel"));
        state.put("_options_labels", new ArrayList<>(options.keySet()));
        state.put("index", index);
        return state;
    }

    /** @return the options' labels, in the order shown */
    @SuppressWarnings("unchecked")
    public List<String> labels() {
        return List.copyOf((List<String>) get("_options_labels"));
    }

    @Override
    public T value() {
        return options.get(((Number) get("index")).intValue());
    }

    @Override
    public void setValue(T value) {
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "dropdown \"" + get("description") + "\" offers " + labels() + ", but got " + value);
        }
        set("index", index);
    }

    @Override
    String valueKey() {
        return "index";
    }

    @Override
    Object accept(String key, Object value) {
        if (key.equals("index")) {
            return (int) Math.max(0, Math.min(options.size() - 1, Math.round(number(value, "index"))));
        }
        return value;
    }

    @Override
    public String toString() {
        return "Dropdown(" + get("description") + " = " + value() + " of " + labels() + ")";
    }
}
