package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A slider over whole numbers from {@code min} to {@code max} in steps of {@code step} (ipywidgets' IntSlider). */
public final class IntSlider extends ValueWidget<Integer> {

    private final int min;
    private final int max;

    /**
     * @param description the label beside the slider, e.g. {@code "lag k"}
     * @param min the smallest value
     * @param max the largest value
     * @param step the distance between two positions
     * @param value the value it starts at, in [min, max]
     * @throws IllegalArgumentException when min > max, step ≤ 0 or value is outside [min, max]
     */
    public IntSlider(String description, int min, int max, int step, int value) {
        super(
                Kind.controls("IntSliderModel"),
                Kind.controls("IntSliderView"),
                state(description, min, max, step, value));
        this.min = min;
        this.max = max;
    }

    private static Map<String, Object> state(String description, int min, int max, int step, int value) {
        Sliders.check(description, min, max, step, value);
        Map<String, Object> state = new LinkedHashMap<>(described(description, "SliderStyleModel"));
        state.putAll(Sliders.state(min, max, step, "d"));
        state.put("value", value);
        return state;
    }

    @Override
    public Integer value() {
        return ((Number) get("value")).intValue();
    }

    @Override
    public void setValue(Integer value) {
        Sliders.check(String.valueOf(get("description")), min, max, 1, value);
        set("value", value);
    }

    @Override
    Object accept(String key, Object value) {
        if (key.equals("value")) {
            return (int) Math.max(min, Math.min(max, Math.round(number(value, "value"))));
        }
        return value;
    }

    @Override
    public String toString() {
        return "IntSlider(" + get("description") + " = " + value() + " in [" + min + ", " + max + "])";
    }
}
