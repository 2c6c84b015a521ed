package org.lstmlab.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Which processes are still running, as {@code pgrep} sees them. */
final class Processes {

    private Processes() {}

    /**
     * The processes whose command line contains {@code text}, as "pid command line" lines (pgrep -af).
     *
     * @param text a string unique to the processes of one test run (its temporary folder)
     */
    static List<String> matching(String text) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-af", "--", text)
                .redirectErrorStream(true)
                .start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pgrep.waitFor(30, TimeUnit.SECONDS)) {
            pgrep.destroyForcibly();
            throw new IllegalStateException("pgrep -af " + text + " did not finish");
        }
        if (pgrep.exitValue() > 1) {
            throw new IllegalStateException("pgrep -af " + text + " failed (" + pgrep.exitValue() + "): " + out);
        }
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    /**
     * Waits up to {@code seconds} for no process to match, and returns those left.
     *
     * @param text a string unique to the processes of one test run
     * @param seconds how long processes may take to exit
     */
    static List<String> leftAfter(String text, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> left = matching(text);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = matching(text);
        }
        return left;
    }
}
