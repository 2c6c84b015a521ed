package org.lstmlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartImagesTest {

    private static XYChart small() {
        return TrainingCurveChart.chart(List.of(TrainingRun.of("LSTM", new double[] {0.4, 0.2, 0.1})));
    }

    @Test
    void aChartBecomesABufferedImageOfItsSize() {
        BufferedImage image = ChartImages.image(small());
        assertEquals(Figures.WIDTH, image.getWidth());
        assertEquals(Figures.HEIGHT, image.getHeight());
        assertTrue(RenderedChart.hasContent(image));
    }

    @Test
    void aChartIsSavedAsADecodablePngFile(@TempDir Path dir) throws IOException {
        Path file = ChartImages.savePng(small(), dir.resolve("sub").resolve("loss.png"));
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(Figures.WIDTH, back.getWidth());
    }

    @Test
    void aMissingChartIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartImages.png(null));
        assertEquals("chart must be an XChart chart but is null", e.getMessage());
    }

    /**
     * A fresh JVM without {@code -Djava.awt.headless=true} and with a DISPLAY that does not exist
     * (as on a server with a stale DISPLAY) still renders, because the plot classes make AWT
     * headless before it loads.
     */
    @Test
    void chartsRenderInAFreshJvmWithoutTheHeadlessFlag() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HeadlessProbe.class.getName());
        pb.environment().put("DISPLAY", ":97");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("headless=true property=true png="), out);
        int bytes = Integer.parseInt(out.substring(out.indexOf("png=") + 4).trim());
        assertTrue(bytes > 1000, out);
    }
}
