package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders a chart headless and checks the PNG decodes to the chart's size; keeps a copy in target/figures to look at. */
final class RenderedChart {
    private RenderedChart() {}

    static BufferedImage renderAndDecode(Chart<?, ?> chart, String name) {
        byte[] png = ChartImages.png(chart);
        assertTrue(png.length > 1000, "a PNG of a whole chart is more than a header: " + png.length + " bytes");
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "the bytes decode as an image");
            assertEquals(chart.getWidth(), image.getWidth());
            assertEquals(chart.getHeight(), image.getHeight());
            ChartImages.savePng(chart, Path.of("target", "figures", name + ".png"));
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The y axis labels XChart drew when it rendered the chart, bottom to top. */
    static List<String> yLabels(Chart<?, ?> chart) {
        return drawnLabels(chart, "getYAxis");
    }

    /** The x axis labels XChart drew when it rendered the chart, left to right, blanks left out. */
    static List<String> xLabels(Chart<?, ?> chart) {
        return drawnLabels(chart, "getXAxis");
    }

    /**
     * Renders the chart and reads the labels its axis tick calculator made, keeping those XChart
     * draws — strictly inside the axis (it computes a tick or two beyond each end) — and leaving
     * out ticks without a label. XChart keeps the axes package-private, hence the reflection.
     */
    private static List<String> drawnLabels(Chart<?, ?> chart, String axisGetter) {
        ChartImages.image(chart);
        try {
            Method getter = Chart.class.getDeclaredMethod(axisGetter);
            getter.setAccessible(true);
            Object axis = getter.invoke(chart);
            Rectangle2D bounds =
                    (Rectangle2D) axis.getClass().getMethod("getBounds").invoke(axis);
            AxisTickCalculator ticks = (AxisTickCalculator)
                    axis.getClass().getMethod("getAxisTickCalculator").invoke(axis);
            double length = axisGetter.equals("getYAxis") ? bounds.getHeight() : bounds.getWidth();
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < ticks.getTickLabels().size(); k++) {
                String label = ticks.getTickLabels().get(k);
                double at = ticks.getTickLocations().get(k);
                if (label != null && !label.isBlank() && at > 0 && at < length) labels.add(label); // XChart's rule
            }
            return labels;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the axis ticks of XChart " + chart.getClass(), e);
        }
    }

    /**
     * Asserts the labels are integers, strictly increasing at one step (the first may be 1 with
     * the others at multiples of the step, as on a heatmap's time axis), without a thousands
     * separator, and returns them.
     */
    static List<Integer> assertEvenIntegerTicks(List<String> labels, String what) {
        assertTrue(labels.size() >= 2, what + ": at least two labels, got " + labels);
        List<Integer> values = new ArrayList<>();
        for (String l : labels) {
            assertTrue(l.matches("-?[0-9]+"), what + ": \"" + l + "\" is not a plain integer in " + labels);
            values.add(Integer.parseInt(l));
        }
        List<Integer> rest =
                values.get(0) == 1 && values.size() > 2 && values.get(1) - 1 != values.get(2) - values.get(1)
                        ? values.subList(1, values.size())
                        : values;
        int step = rest.get(1) - rest.get(0);
        assertTrue(step > 0, what + ": labels must increase: " + labels);
        for (int k = 1; k < rest.size(); k++) {
            assertEquals(step, rest.get(k) - rest.get(k - 1), what + ": uneven or repeated labels " + labels);
            assertEquals(0, Math.floorMod(rest.get(k), step), what + ": labels off the step's multiples " + labels);
        }
        return values;
    }

    /** The exponent k of a log-axis label: {@code 0.01} → −2, {@code 1000} → 3, {@code 10⁻³⁵} → −35. */
    static int exponent(String label) {
        if (label.startsWith("10") && label.length() > 2 && !label.matches("10+")) {
            String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder digits = new StringBuilder();
            for (char c : label.substring(2).toCharArray()) digits.append(c == '⁻' ? "-" : "" + sup.indexOf(c));
            return Integer.parseInt(digits.toString());
        }
        double v = Double.parseDouble(label);
        int k = (int) Math.round(Math.log10(v));
        assertEquals(Math.pow(10, k), v, 1e-12 * Math.pow(10, k), "\"" + label + "\" is not a power of ten");
        return k;
    }

    /** True if the image has more than one colour: something was drawn. */
    static boolean hasContent(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != first) return true;
            }
        }
        return false;
    }
}
