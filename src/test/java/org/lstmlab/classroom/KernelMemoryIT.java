package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One student's kernel stays within {@link Classroom#KERNEL_BUDGET_MB} (450 MB) through the course's heaviest notebooks — 07 (training the RNN and the
 * LSTM on the adding problem) and 08 (the forecast on real data) — in quick mode, measured as {@code ./lab bench}
 * measures it (src/main/python/kernel_memory.py), with the limits of the kernelspec.
 */
class KernelMemoryIT {

    static final Pattern LINE = Pattern.compile("kernel memory after (\\S+): RSS (\\d+) MB, peak (\\d+) MB");

    @Test
    void theKernelPeaksWithinTheBudgetThroughNotebooksSevenAndEight() throws Exception {
        Path work = Classroom.fresh("memory");
        Path jupyter = Classroom.kernelspec(work.resolve("jupyter"));
        Containers.Result run = Containers.run(
                List.of(
                        org.lstmlab.LabPython.path(),
                        "src/main/python/kernel_memory.py",
                        "notebooks/07-long-range-dependencies.ipynb",
                        "notebooks/08-real-data.ipynb"),
                Map.of("JUPYTER_PATH", jupyter.toString(), "LSTMLAB_QUICK", "1"),
                Duration.ofMinutes(20),
                work.resolve("kernel_memory.log"));
        String printed = run.output();
        Matcher m = LINE.matcher(printed);
        int measured = 0;
        while (m.find()) {
            measured++;
            System.out.println("classroom: " + m.group());
            assertTrue(
                    Integer.parseInt(m.group(3)) <= Classroom.KERNEL_BUDGET_MB,
                    m.group() + ": above the " + Classroom.KERNEL_BUDGET_MB + " MB per student");
        }
        assertEquals(0, run.exitCode(), printed);
        assertEquals(2, measured, printed);
    }
}
