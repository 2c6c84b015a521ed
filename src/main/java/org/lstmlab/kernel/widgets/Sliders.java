package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the sliders share: the range's check and the state keys of a horizontal slider with its readout. */
final class Sliders {

    private Sliders() {}

    static void check(String description, double min, double max, double step, double value) {
        if (!(min <= max) || !(step > 0)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "slider \"%s\" needs min ≤ max and step > 0, but got min = %s, max = %s, step = %s",
                    description,
                    min,
                    max,
                    step));
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "slider \"%s\" goes from %s to %s, but its value would be %s",
                    description,
                    min,
                    max,
                    value));
        }
    }

    static Map<String, Object> state(Object min, Object max, Object step, String readoutFormat) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("min", min);
        state.put("max", max);
        state.put("step", step);
        state.put("behavior", "drag-tap");
        state.put("continuous_update", false);
        state.put("orientation", "horizontal");
        state.put("readout", true);
        state.put("readout_format", readoutFormat);
        return state;
    }
}
