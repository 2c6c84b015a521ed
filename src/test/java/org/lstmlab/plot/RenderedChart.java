package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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
