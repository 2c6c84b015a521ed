package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Widgets laid out in a row ({@link HBox}) or a column ({@link VBox}). */
public abstract class Box extends Widget {

    private final List<Widget> children;

    Box(String name, List<Widget> children) {
        super(Kind.controls(name + "Model"), Kind.controls(name + "View"), state(name, children));
        this.children = List.copyOf(children);
    }

    private static Map<String, Object> state(String name, List<Widget> children) {
        if (children.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a " + name + " holds widgets, but one of its children is null");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("box_style", "");
        state.put(
                "children",
                children.stream().map(c -> "IPY_MODEL_" + c.modelId()).toList());
        return state;
    }

    /** @return the widgets inside, in order */
    public List<Widget> children() {
        return children;
    }

    /** The first picture inside, so that a static notebook shows the figure. */
    @Override
    byte[] staticPng() {
        for (Widget child : children) {
            byte[] png = child.staticPng();
            if (png != null) {
                return png;
            }
        }
        return null;
    }

    /** The text alternative of that first picture. */
    @Override
    String staticAlt() {
        for (Widget child : children) {
            if (child.staticPng() != null) {
                return child.staticAlt();
            }
        }
        return null;
    }

    @Override
    Object accept(String key, Object value) {
        return key.equals("children") ? get("children") : value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + children;
    }
}
