package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A box to tick (ipywidgets' Checkbox): a yes-or-no control, e.g. "show the Pascanu bound". */
public final class Checkbox extends ValueWidget<Boolean> {

    /**
     * @param description the label beside the box
     * @param value whether it starts ticked
     */
    public Checkbox(String description, boolean value) {
        super(Kind.controls("CheckboxModel"), Kind.controls("CheckboxView"), state(description, value));
    }

    private static Map<String, Object> state(String description, boolean value) {
        Map<String, Object> state = new LinkedHashMap<>(described(description, "CheckboxStyleModel"));
        state.put("indent", true);
        state.put("value", value);
        return state;
    }

    @Override
    public Boolean value() {
        return Boolean.TRUE.equals(get("value"));
    }

    @Override
    public void setValue(Boolean value) {
        set("value", Boolean.TRUE.equals(value));
    }

    @Override
    Object accept(String key, Object value) {
        if (key.equals("value") && !(value instanceof Boolean)) {
            throw new IllegalArgumentException("a checkbox's value is true or false, but the front end sent " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Checkbox(" + get("description") + " = " + value() + ")";
    }
}
