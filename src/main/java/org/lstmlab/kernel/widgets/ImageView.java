package org.lstmlab.kernel.widgets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lstmlab.plot.AltText;

/**
 * A picture the kernel can replace (ipywidgets' Image): it shows an XChart chart as PNG, sent as a binary
 * buffer, and {@link #show} draws a new one in place.
 */
public final class ImageView extends Widget {

    /**
     * The chart shown, whose text alternative a static display writes (only then: a redraw need not), or null for
     * bare PNG bytes.
     */
    private volatile Chart<?, ?> chart;

    /** @param chart the first figure */
    public ImageView(Chart<?, ?> chart) {
        this(png(chart));
        this.chart = chart;
    }

    /** @param png the first picture, PNG bytes */
    public ImageView(byte[] png) {
        super(Kind.controls("ImageModel"), Kind.controls("ImageView"), state(png));
    }

    private static Map<String, Object> state(byte[] png) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", "png");
        state.put("width", "");
        state.put("height", "");
        state.put("value", checked(png));
        return state;
    }

    /** Draws a new figure in place of the one shown. */
    public void show(Chart<?, ?> chart) {
        byte[] png = png(chart);
        this.chart = chart;
        set("value", png);
    }

    /** Shows new PNG bytes in place of the picture shown. */
    public void show(byte[] png) {
        chart = null;
        set("value", checked(png));
    }

    /** @return the PNG bytes shown now */
    public byte[] png() {
        return ((byte[]) get("value")).clone();
    }

    @Override
    byte[] staticPng() {
        return (byte[]) get("value");
    }

    @Override
    String staticAlt() {
        Chart<?, ?> shown = chart;
        return shown == null ? null : AltText.of(shown);
    }

    @Override
    Object accept(String key, Object value) {
        return key.equals("value") ? get("value") : value; // the picture is the kernel's to draw
    }

    /** @return the chart drawn as PNG, at XChart's default resolution, encoded for speed ({@link Png}) */
    static byte[] png(Chart<?, ?> chart) {
        if (chart == null) {
            throw new IllegalArgumentException("an image view needs a chart, but got null");
        }
        return Png.encode(BitmapEncoder.getBufferedImage(chart));
    }

    private static byte[] checked(byte[] png) {
        if (png == null || png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("an image view shows PNG bytes, but got "
                    + (png == null ? "null" : png.length + " bytes that do not start with PNG's signature"));
        }
        return png;
    }

    @Override
    public String toString() {
        return "ImageView(" + ((byte[]) get("value")).length + " bytes of PNG)";
    }
}
