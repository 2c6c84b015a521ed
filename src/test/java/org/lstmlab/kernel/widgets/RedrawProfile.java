package org.lstmlab.kernel.widgets;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lstmlab.course.AddingExperiment;
import org.lstmlab.course.Explorables;
import org.lstmlab.course.GateExplorer;
import org.lstmlab.course.VanishingExperiment;
import org.lstmlab.data.ForecastData;
import org.lstmlab.data.SeattleWeather;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where an explorable's redraw spends its CPU time, part by part (docs/widgets.md): the figure for a value not shown
 * before and for one shown before, drawing the chart, and encoding its PNG with the JDK's encoder and with {@link Png}.
 * Medians of 12 after a warm-up, in CPU time of this thread (less dependent on a shared machine's load than wall
 * time). Run from the repository's root with the test classpath:
 * {@code OPENBLAS_NUM_THREADS=1 java -cp target/test-classes:target/classes:… org.lstmlab.kernel.widgets.RedrawProfile}.
 */
public final class RedrawProfile {
    static final java.lang.management.ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static double med(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b[b.length / 2];
    }

    static double cpu(Runnable r) {
        long t = MX.getCurrentThreadCpuTime();
        r.run();
        return (MX.getCurrentThreadCpuTime() - t) / 1e6;
    }

    static void profile(String name, DoubleFunction<Chart<?, ?>> figure, double[] fresh, double seen) {
        for (int k = 0; k < 8; k++) figure.apply(seen); // warm-up (JIT)
        double[] first = new double[fresh.length],
                again = new double[12],
                render = new double[12],
                jdk = new double[12],
                ours = new double[12];
        for (int k = 0; k < fresh.length; k++) {
            double v = fresh[k];
            first[k] = cpu(() -> figure.apply(v));
        }
        Chart<?, ?> c = figure.apply(seen);
        BufferedImage img = BitmapEncoder.getBufferedImage(c);
        int[] size = new int[2];
        for (int k = 0; k < 12; k++) {
            again[k] = cpu(() -> figure.apply(seen));
            render[k] = cpu(() -> BitmapEncoder.getBufferedImage(c));
            jdk[k] = cpu(() -> {
                try {
                    var o = new java.io.ByteArrayOutputStream();
                    ImageIO.write(img, "png", o);
                    size[0] = o.size();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ours[k] = cpu(() -> size[1] = Png.encode(img).length);
        }
        System.out.printf(
                "%s: figure for a new value %.1f ms (max %.1f), for a value seen before %.1f ms; rendering %.1f ms; PNG JDK %.1f ms (%d B), ours %.1f ms (%d B)%n",
                name,
                med(first),
                Arrays.stream(first).max().getAsDouble(),
                med(again),
                med(render),
                med(jdk),
                size[0],
                med(ours),
                size[1]);
    }

    private RedrawProfile() {}

    public static void main(String[] args) {
        var experiment = VanishingExperiment.defaults();
        profile(
                "01",
                r -> Explorables.spectralNorm(experiment, r),
                new double[] {0.55, 0.65, 0.7, 0.8, 1.05, 1.1, 1.2, 1.3, 1.35, 1.45},
                0.5);
        ForecastData seattle = ForecastData.builder(SeattleWeather.load())
                .inputs(
                        SeattleWeather.TEMP_MAX,
                        SeattleWeather.TEMP_MIN,
                        SeattleWeather.PRECIPITATION,
                        SeattleWeather.WIND)
                .targets(SeattleWeather.TEMP_MAX)
                .window(28)
                .build();
        var fourWeeks =
                seattle.train().inputs().get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all());
        profile(
                "02",
                b -> Explorables.forgetBias(fourWeeks, b, 20),
                new double[] {-1.5, -1, -0.5, 0.5, 1.5, 2.5, 3, 3.5, 4.5, 5.5},
                1.0);
        profile(
                "04",
                f -> Explorables.cellPath(experiment, f, 30),
                new double[] {0.51, 0.53, 0.57, 0.61, 0.67, 0.71, 0.77, 0.83, 0.89, 0.97},
                0.95);
        var adding = AddingExperiment.defaults();
        var rows = new ArrayList<AddingExperiment.Row>();
        for (int t : List.of(10, 20, 50, 100))
            rows.add(new AddingExperiment.Row(
                    t,
                    null,
                    null,
                    0,
                    0,
                    1,
                    LstmParams.init(2, adding.hiddenSize(), Init.UNIFORM, 1.0, 7, DataType.DOUBLE),
                    0));
        var explorer = new GateExplorer(adding, rows);
        profile("07", u -> explorer.chart(100, (int) u), new double[] {1, 2, 3}, 0);
    }
}
