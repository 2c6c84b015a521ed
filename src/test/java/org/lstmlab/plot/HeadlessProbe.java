package org.lstmlab.plot;

import java.awt.GraphicsEnvironment;
import java.util.List;

/** Run in a fresh JVM by {@link ChartImagesTest}: renders a chart and prints what AWT decided. */
public final class HeadlessProbe {
    private HeadlessProbe() {}

    public static void main(String[] args) {
        byte[] png = ChartImages.png(
                TrainingCurveChart.chart(List.of(TrainingRun.of("probe", new double[] {1, 0.5, 0.25}))));
        System.out.println("headless=" + GraphicsEnvironment.isHeadless() + " property="
                + System.getProperty("java.awt.headless") + " png=" + png.length);
    }
}
