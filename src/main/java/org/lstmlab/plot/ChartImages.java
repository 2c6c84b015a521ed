package org.lstmlab.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns any XChart chart into pixels, headless: a {@link BufferedImage} (what a Jupyter kernel
 * displays as image/png) or PNG bytes or a PNG file.
 *
 * <p>Headless: loading any class of this package sets {@code java.awt.headless=true} when the
 * property is unset, which works as long as nothing has used AWT before; a program that opens
 * windows first should pass {@code -Djava.awt.headless=true} itself (the Maven tests do).
 *
 * <pre>{@code
 * byte[] png = ChartImages.png(GradientNormChart.chart(measured, bounds));
 * }</pre>
 */
public final class ChartImages {
    static {
        Headless.ensure();
    }

    private ChartImages() {}

    /** The chart drawn at its own width and height. */
    public static BufferedImage image(Chart<?, ?> chart) {
        requireChart(chart);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        requireChart(chart);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart \"" + chart.getTitle() + "\" as PNG", e);
        }
    }

    /** Writes the chart as a PNG file (parent folders are created) and returns the path. */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        byte[] bytes = png(chart);
        try {
            if (file.toAbsolutePath().getParent() != null)
                Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void requireChart(Chart<?, ?> chart) {
        if (chart == null) throw new IllegalArgumentException("chart must be an XChart chart but is null");
    }
}
