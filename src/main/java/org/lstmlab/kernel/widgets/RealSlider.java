package org.lstmlab.kernel.widgets;

import java.util.Map;

/** What the sliders over real numbers share: a value in [min, max], clamped when the front end sends one outside. */
public abstract class RealSlider extends ValueWidget<Double> {

    private final double min;
    private final double max;
    private final double step;

    RealSlider(Kind model, Kind view, Map<String, Object> initial, double min, double max, double step) {
        super(model, view, initial);
        this.min = min;
        this.max = max;
        this.step = step;
    }

    @Override
    public Double value() {
        return ((Number) get("value")).doubleValue();
    }

    @Override
    public void setValue(Double value) {
        Sliders.check(String.valueOf(get("description")), min, max, step, value);
        set("value", value);
    }

    @Override
    Object accept(String key, Object value) {
        if (key.equals("value")) {
            return Math.max(min, Math.min(max, number(value, "value")));
        }
        return value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + get("description") + " = " + value() + " in [" + min + ", " + max
                + "])";
    }
}
