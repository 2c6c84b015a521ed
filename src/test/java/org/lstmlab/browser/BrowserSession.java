package org.lstmlab.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a browser suite starts once for all its tests: a fresh run folder, Jupyter started by {@code ./lab start}
 * (JupyterLab or Notebook 7) on a folder the suite prepares in it, and Chromium on its page. Closing shuts the
 * browser, then Jupyter and its kernels, then removes the run folder — also when starting failed halfway.
 */
final class BrowserSession implements AutoCloseable {

    /** How long Jupyter may take to answer after {@code ./lab start}. */
    static final Duration READY = Duration.ofMinutes(3);

    /** What Jupyter serves: the course folder whose {@code ./lab} starts it, and the folder its file browser shows. */
    record Served(Path course, Path notebooks) {}

    /** Prepares what Jupyter serves inside the run folder (copies the notebooks, releases an edition …). */
    @FunctionalInterface
    interface Preparation {
        Served prepare(Path run) throws Exception;
    }

    final Path run;
    final LabStart lab;
    final Chromium browser;
    final LabPage page;

    private BrowserSession(Path run, LabStart lab, Chromium browser) {
        this.run = run;
        this.lab = lab;
        this.browser = browser;
        this.page = new LabPage(browser);
    }

    /**
     * The course's notebooks, copied into the run folder, in the user interface {@code ui} ({@code lab} or {@code
     * notebook}).
     *
     * @param name names the run folder ({@code lstmlab-NAME-…})
     * @param shots where screenshots and Jupyter's log go
     */
    static BrowserSession course(String name, Path shots, String ui) throws Exception {
        return start(name, shots, ui, run -> {
            Path notebooks = Files.createDirectories(run.resolve("notebooks"));
            StudentPathIT.copyTree(StudentPathIT.COURSE_NOTEBOOKS, notebooks);
            return new Served(Path.of(""), notebooks);
        });
    }

    /** Whatever {@code preparation} makes in a fresh run folder, in the user interface {@code ui}. */
    static BrowserSession start(String name, Path shots, String ui, Preparation preparation) throws Exception {
        Path run = Files.createTempDirectory("lstmlab-" + name + "-");
        LabStart lab = null;
        Chromium browser = null;
        try {
            Files.createDirectories(shots);
            Served served = preparation.prepare(run);
            lab = LabStart.start(served.course(), run, served.notebooks(), shots.resolve("jupyter.log"), READY, ui);
            browser = Chromium.start(run, shots);
            return new BrowserSession(run, lab, browser);
        } catch (Exception | AssertionError e) {
            StudentPathIT.shutDown(browser, lab, run);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        StudentPathIT.shutDown(browser, lab, run);
    }
}
