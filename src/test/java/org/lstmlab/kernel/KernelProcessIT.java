package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel process as Jupyter starts it: no orphans, and how fast it gets going. */
class KernelProcessIT {

    static final Path PROBE = Jupyter.TEST_NOTEBOOKS.resolve("kernel_probe.py");

    @TempDir
    Path home;

    @Test
    void theKernelExitsWithinSecondsOnceTheProcessThatStartedItIsKilled() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        Process starter = jupyter.python(List.of(PROBE.toString(), "orphan")).start();
        long pid;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(starter.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String last = "";
            while ((line = out.readLine()) != null && !line.matches("\\d+")) {
                last += line + "\n";
            }
            assertTrue(line != null, "the probe printed no kernel pid:\n" + last);
            pid = Long.parseLong(line);
        }
        Optional<ProcessHandle> kernel = ProcessHandle.of(pid);
        assertTrue(kernel.isPresent() && kernel.get().isAlive(), "the kernel runs while its starter does");
        starter.destroyForcibly();
        starter.waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        while (kernel.get().isAlive() && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(15)) {
            Thread.sleep(100);
        }
        boolean alive = kernel.get().isAlive();
        if (alive) {
            kernel.get().destroyForcibly();
        }
        assertFalse(alive, "kernel " + pid + " still runs 15 s after its starter was killed");
        System.out.printf("kernel exited %.1f s after its starter was killed%n", (System.nanoTime() - killed) / 1e9);
    }

    /** Prints the figures the course promises (ready < 3 s, first ND4J cell < 2 s); not a timed assertion. */
    @Test
    void kernelReadyAndFirstNd4jCellTimesAreReported() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        String last = null;
        for (int run = 1; run <= 2; run++) { // the first run also warms ND4J's native cache
            Process probe = jupyter.python(List.of(PROBE.toString(), "timing")).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(probe.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, probe.exitValue(), out);
            last = out.lines()
                    .filter(l -> l.startsWith("ready="))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(out));
            System.out.println("kernel timing, run " + run + ": " + last);
        }
        assertTrue(last.contains("status=ok"), last);
    }
}
