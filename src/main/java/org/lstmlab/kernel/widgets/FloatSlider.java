package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/** A slider over real numbers from {@code min} to {@code max} in steps of {@code step} (ipywidgets' FloatSlider). */
public final class FloatSlider extends RealSlider {

    /**
     * @param description the label beside the slider, e.g. {@code "spectral norm ρ"}
     * @param min the smallest value
     * @param max the largest value
     * @param step the distance between two positions
     * @param value the value it starts at, in [min, max]
     * @throws IllegalArgumentException when min > max, step ≤ 0 or value is outside [min, max]
     */
    public FloatSlider(String description, double min, double max, double step, double value) {
        super(
                Kind.controls("FloatSliderModel"),
                Kind.controls("FloatSliderView"),
                state(description, min, max, step, value),
                min,
                max,
                step);
    }

    private static Map<String, Object> state(String description, double min, double max, double step, double value) {
        Sliders.check(description, min, max, step, value);
        Map<String, Object> state = new LinkedHashMap<>(described(description, "SliderStyleModel"));
        state.putAll(Sliders.state(min, max, step, ".2f"));
        state.put("value", value);
        return state;
    }
}
