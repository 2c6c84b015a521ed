package org.lstmlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Runs {@code body} with {@code out} as System.out and a factory recording every live line's texts. */
    private List<List<String>> withLiveLines(boolean outIsSystemOut, Runnable body) {
        List<List<String>> lines = new ArrayList<>();
        PrintStream systemOut = System.out;
        Progress.showLiveLinesWith(() -> {
            List<String> shown = new ArrayList<>();
            lines.add(shown);
            return shown::add;
        });
        try {
            if (outIsSystemOut) System.setOut(out);
            body.run();
        } finally {
            System.setOut(systemOut);
            Progress.showLiveLinesWith(null);
        }
        return lines;
    }

    @Test
    void barModeDrawsOnOneLiveLineWhenOneIsInstalledAndTheRunPrintsToStandardOutput() {
        String[] printed = new String[1];
        List<List<String>> lines = withLiveLines(true, () -> printed[0] = run(Progress.Mode.BAR, 50));
        assertEquals(1, lines.size(), "one live line per run");
        List<String> shown = lines.get(0);
        assertTrue(
                shown.size() >= 2 && shown.size() <= 50, "first and last step at least, redraws throttled: " + shown);
        assertTrue(shown.get(0).startsWith("[>") && shown.get(0).contains("step 1/50"), shown.get(0));
        assertTrue(shown.get(shown.size() - 1).contains("step 50/50 (100%)"), shown.toString());
        assertEquals("done\n", printed[0], "only the summary is printed; no \\r redraws");
    }

    @Test
    void autoModeIsBarWhereALiveLineIsInstalled() {
        Progress.Mode[] mode = new Progress.Mode[1];
        withLiveLines(true, () -> mode[0] = new Progress(Progress.Mode.AUTO, 10, out).mode());
        assertEquals(Progress.Mode.BAR, mode[0]);
    }

    @Test
    void aRunPrintingElsewhereThanStandardOutputKeepsItsOwnStream() {
        String[] printed = new String[1];
        List<List<String>> lines = withLiveLines(false, () -> printed[0] = run(Progress.Mode.BAR, 50));
        assertTrue(lines.isEmpty(), "no live line for a run printing to its own stream");
        assertTrue(printed[0].startsWith("\r["), printed[0]);
    }

    @Test
    void linesAndOffModesNeverUseTheLiveLine() {
        List<List<String>> lines = withLiveLines(true, () -> {
            run(Progress.Mode.LINES, 20);
            run(Progress.Mode.OFF, 20);
        });
        assertTrue(lines.isEmpty(), lines.toString());
    }
}
