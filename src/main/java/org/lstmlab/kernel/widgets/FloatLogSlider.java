package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A slider over magnitudes that span decades (a learning rate, a gradient norm): its positions are evenly spaced
 * in log₁₀, as ipywidgets' FloatLogSlider with base 10. Unlike ipywidgets, the range is given as values, not
 * exponents: {@code new FloatLogSlider("η", 1e-4, 1e-1, 1e-2)}.
 */
public final class FloatLogSlider extends RealSlider {

    /**
     * @param description the label beside the slider
     * @param min the smallest value, above 0
     * @param max the largest value
     * @param value the value it starts at, in [min, max]
     * @throws IllegalArgumentException when min ≤ 0, min > max or value is outside [min, max]
     */
    public FloatLogSlider(String description, double min, double max, double value) {
        super(
                Kind.controls("FloatLogSliderModel"),
                Kind.controls("FloatLogSliderView"),
                state(description, min, max, value),
                min,
                max,
                0.1);
    }

    private static Map<String, Object> state(String description, double min, double max, double value) {
        if (!(min > 0)) {
            throw new IllegalArgumentException(
                    "log slider \"" + description + "\" needs values above 0, but its min is " + min);
        }
        Sliders.check(description, min, max, 0.1, value);
        Map<String, Object> state = new LinkedHashMap<>(described(description, "SliderStyleModel"));
        state.putAll(Sliders.state(Math.log10(min), Math.log10(max), 0.1, ".3g"));
        state.put("base", 10.0);
        state.put("value", value);
        return state;
    }
}
