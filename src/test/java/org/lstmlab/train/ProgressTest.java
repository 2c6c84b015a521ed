package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String run(Progress.Mode mode, int total) {
        var progress = new Progress(mode, total, out);
        double[] losses = new double[total];
        for (int step = 1; step <= total; step++) {
            losses[step - 1] = 1.0 / step;
            progress.update(step, losses, step * 0.01);
        }
        progress.finish("done");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesModePrintsOneLineEveryTenPercentWithLossAndSpeed() {
        String[] lines = run(Progress.Mode.LINES, 1000).split("\n");
        assertEquals(11, lines.length);
        assertTrue(lines[4].startsWith("step 500/1000 (50%)  loss "), lines[4]);
        assertTrue(lines[4].contains("100.0 steps/s"), lines[4]);
        assertFalse(String.join("", lines).contains("\r"));
    }

    @Test
    void linesModeShowsTheMeanLossOfTheLastTenthOfTheRun() {
        String[] lines = run(Progress.Mode.LINES, 100).split("\n");
        double mean = 0;
        for (int step = 91; step <= 100; step++) mean += 1.0 / step / 10;
        assertTrue(lines[9].contains(String.format("loss %.4g", mean)), lines[9]);
    }

    @Test
    void barModeRedrawsOneLineInPlace() {
        String text = run(Progress.Mode.BAR, 50);
        assertTrue(text.startsWith("\r["), text);
        assertTrue(text.contains("step 50/50 (100%)"), text);
        assertTrue(text.endsWith("\ndone\n"), text);
    }

    @Test
    void offModePrintsNothing() {
        assertEquals("", run(Progress.Mode.OFF, 30));
    }

    @Test
    void autoModeResolvesToBarOrLines() {
        var mode = new Progress(Progress.Mode.AUTO, 10, out).mode();
        assertEquals(Progress.onTerminal() ? Progress.Mode.BAR : Progress.Mode.LINES, mode);
    }
}
