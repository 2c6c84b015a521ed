package org.lstmlab.kernel.widgets;

import java.util.List;

/** Widgets side by side, in a row (ipywidgets' HBox). */
public final class HBox extends Box {

    /** @param children the widgets, left to right */
    public HBox(Widget... children) {
        super("HBox", List.of(children));
    }
}
