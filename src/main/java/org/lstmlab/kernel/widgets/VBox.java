package org.lstmlab.kernel.widgets;

import java.util.List;

/** Widgets one above the other, in a column (ipywidgets' VBox). */
public final class VBox extends Box {

    /** @param children the widgets, top to bottom */
    public VBox(Widget... children) {
        super("VBox", List.of(children));
    }
}
