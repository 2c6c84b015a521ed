package org.lstmlab.kernel.widgets;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A control with one value a student sets ({@code value} in its state): a slider, a dropdown, a checkbox.
 *
 * @param <T> the value's type
 */
public abstract class ValueWidget<T> extends Widget {

    ValueWidget(Kind model, Kind view, Map<String, Object> initial) {
        super(model, view, initial);
    }

    /** @return the value the control shows now */
    public abstract T value();

    /**
     * Sets the value, here and in every view of the control.
     *
     * @param value the new value
     * @throws IllegalArgumentException when the control cannot take it (outside a slider's range)
     */
    public abstract void setValue(T value);

    /**
     * Calls {@code listener} with the new value whenever it changes, from the front end or from code.
     *
     * @param listener what to call
     */
    public void observe(Consumer<T> listener) {
        listen(keys -> {
            if (keys.contains(valueKey())) {
                listener.accept(value());
            }
        });
    }

    /** The state key whose change is a change of {@link #value()}. */
    String valueKey() {
        return "value";
    }

    @Override
    void changed(Set<String> keys) {}

    /** A description's state keys, shared by the controls. */
    static Map<String, Object> described(String description, String styleModel) {
        if (description == null) {
            throw new IllegalArgumentException("a control needs a description (the label beside it), but got null");
        }
        return Map.of(
                "description",
                description,
                "description_allow_html",
                false,
                "disabled",
                false,
                "style",
                new Style(styleModel).reference());
    }

    static double number(Object value, String what) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(what + " must be a number but the front end sent " + value);
    }
}
