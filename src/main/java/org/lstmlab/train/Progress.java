package org.lstmlab.train;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A progress report for a training run: a bar redrawn in place with {@code \r} on a terminal, or a
 * plain line every 10% of the run where {@code \r} would pile up (Maven and CI logs). Each report
 * shows the step, the mean loss of the recent steps and the speed.
 *
 * <p>A notebook front end cannot redraw printed text, so the course's Jupyter kernel installs a
 * {@link LiveLine} factory with {@link #showLiveLinesWith}: runs that print to standard output then
 * draw their bar on one line of the cell's output, updated in place. The library does not know the
 * kernel; without a factory nothing changes.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Mode {
        /** {@link #BAR} on a terminal or where a {@link LiveLine} is installed, {@link #LINES} otherwise. */
        AUTO,
        /** One line redrawn in place: through the installed {@link LiveLine}, else with {@code \r}. */
        BAR,
        /** A new line every 10% of the run. */
        LINES,
        /** Nothing. */
        OFF
    }

    /** One line of output that each {@link #show} replaces, such as a display in a notebook cell. */
    @FunctionalInterface
    public interface LiveLine {
        /** Shows {@code text} in place of what this line showed before. */
        void show(String text);
    }

    private static volatile Supplier<LiveLine> liveLines;

    /**
     * Installs where bars of runs printing to {@code System.out} are drawn from now on: each run asks
     * the factory for one {@link LiveLine} when it first draws. {@code null} goes back to {@code \r}.
     *
     * @param factory a new line per run, or null
     */
    public static void showLiveLinesWith(Supplier<LiveLine> factory) {
        liveLines = factory;
    }

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Mode mode;
    private final int total;
    private final PrintStream out;
    private int lastDecile;
    private long lastDraw = Long.MIN_VALUE;
    private boolean barOpen;
    private final Supplier<LiveLine> liveLineFactory;
    private LiveLine liveLine;

    /**
     * @param mode  how to show progress; AUTO is resolved here
     * @param total S, the number of steps in the run
     * @param out   where to print; the bar goes to the installed {@link LiveLine} when this is {@code System.out}
     */
    public Progress(Mode mode, int total, PrintStream out) {
        Supplier<LiveLine> factory = out == System.out ? liveLines : null;
        this.mode = mode == Mode.AUTO ? (onTerminal() || factory != null ? Mode.BAR : Mode.LINES) : mode;
        this.liveLineFactory = this.mode == Mode.BAR ? factory : null;
        this.total = total;
        this.out = out;
    }

    /** The mode in use, AUTO resolved. */
    public Mode mode() {
        return mode;
    }

    /** Whether standard output is an interactive terminal (on Java 22+ a console exists even when redirected). */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException noSuchMethodBeforeJava22) {
            return true;
        }
    }

    /**
     * Reports step {@code step} of the run.
     *
     * @param step    1 … S
     * @param losses  the losses of steps 1 … step (at least)
     * @param seconds time since the run started
     */
    public void update(int step, double[] losses, double seconds) {
        switch (mode) {
            case OFF, AUTO -> {}
            case LINES -> {
                int decile = (int) ((long) step * 10 / total);
                if (decile > lastDecile || step == total) {
                    lastDecile = decile;
                    out.println(line(step, losses, seconds));
                    out.flush();
                }
            }
            case BAR -> {
                long now = System.nanoTime();
                if (step == total || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
                    lastDraw = now;
                    String text = bar(step) + " " + line(step, losses, seconds);
                    if (liveLineFactory != null) {
                        if (liveLine == null) liveLine = liveLineFactory.get();
                        liveLine.show(text);
                    } else {
                        out.print("\r" + text + "  ");
                        barOpen = step != total;
                        if (!barOpen) out.println();
                        out.flush();
                    }
                }
            }
        }
    }

    /** Ends the report, whether the run finished or stopped early. */
    public void finish(String summary) {
        if (mode == Mode.OFF) return;
        if (barOpen) out.println();
        barOpen = false;
        out.println(summary);
        out.flush();
    }

    /** {@code step 350/1000 (35%)  loss 0.01234  41.2 steps/s  eta 16 s}. */
    String line(int step, double[] losses, double seconds) {
        double speed = seconds > 0 ? step / seconds : Double.NaN;
        String eta = Double.isFinite(speed) && speed > 0 ? String.format("eta %.0f s", (total - step) / speed) : "";
        return String.format(
                        "step %d/%d (%d%%)  loss %.4g  %.1f steps/s  %s",
                        step, total, (int) ((long) step * 100 / total), recentMean(losses, step), speed, eta)
                .stripTrailing();
    }

    private String bar(int step) {
        int filled = (int) ((long) step * BAR_WIDTH / total);
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < BAR_WIDTH; k++) b.append(k < filled ? '=' : k == filled ? '>' : ' ');
        return b.append(']').toString();
    }

    /** The mean loss over the last 10% of the run so far (at least one step): steadier than one batch. */
    private double recentMean(double[] losses, int step) {
        int window = Math.max(1, Math.min(step, total / 10));
        double sum = 0;
        for (int k = step - window; k < step; k++) sum += losses[k];
        return sum / window;
    }
}
