package org.lstmlab.kernel.widgets;

import java.util.Map;

/**
 * A control's style model (ipywidgets 8's DescriptionStyle family): here only the label's width, set to
 * {@code "initial"} so the whole description shows ("forget gate f" rather than the default 80 px "forget gat…").
 * Opened before the control that names it ({@code "style": "IPY_MODEL_<id>"}), closed with it.
 */
final class Style extends Widget {

    /** @param modelName the style model that goes with the control, e.g. SliderStyleModel for a slider */
    Style(String modelName) {
        super(
                Kind.controls(modelName),
                new Kind("StyleView", BASE, MODULE_VERSION),
                Map.of("description_width", "initial"));
    }

    /** @return how a control's state names this style */
    String reference() {
        return "IPY_MODEL_" + modelId();
    }
}
