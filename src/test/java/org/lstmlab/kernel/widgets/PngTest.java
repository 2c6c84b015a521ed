package org.lstmlab.kernel.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** The fast PNG encoder gives back every pixel exactly, as the JDK's own PNG reader decodes it. */
class PngTest {

    @Test
    void aChartsPictureDecodesToTheChartsPixelsExactly() throws Exception {
        XYChart chart = WidgetsTest.line(2);
        BufferedImage drawn = BitmapEncoder.getBufferedImage(chart);
        byte[] png = ImageView.png(chart);
        assertSamePixels(drawn, ImageIO.read(new ByteArrayInputStream(png)));
        int raw = 3 * drawn.getWidth() * drawn.getHeight();
        assertTrue(png.length < raw / 4, "a chart's PNG should be far below its " + raw + " raw bytes: " + png.length);
    }

    @Test
    void noisyPixelsWhoseDifferencesWrapAroundDecodeExactly() throws Exception {
        BufferedImage noise = new BufferedImage(37, 23, BufferedImage.TYPE_INT_ARGB); // Up's differences wrap mod 256
        Random random = new Random(5);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, 0xff000000 | random.nextInt(1 << 24));
            }
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(noise)));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, back.getType(), "8-bit RGB without alpha");
        assertSamePixels(noise, back);
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth(), "width");
        assertEquals(expected.getHeight(), actual.getHeight(), "height");
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRGB(x, y) & 0xffffff;
                int got = actual.getRGB(x, y) & 0xffffff;
                if (want != got) {
                    throw new AssertionError(
                            String.format("pixel (%d, %d) is %06x but was drawn %06x", x, y, got, want));
                }
            }
        }
    }
}
