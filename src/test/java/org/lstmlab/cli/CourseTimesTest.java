package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./lab bench --course}'s table from kernel_memory.py's lines. */
class CourseTimesTest {
    static final String LOG = String.join(
            "\n",
            "some Jupyter warning",
            "kernel memory after 00-setup: RSS 300 MB, peak 310 MB; process tree 300 MB (the kernel alone) (12.5 s)",
            "kernel memory after 02-forget-gate: RSS 334 MB, peak 334 MB; process tree 455 MB (kernel 334 MB + 1 under"
                    + " it: java 121 MB) (41.7 s)",
            "kernel memory 30 s after 02-forget-gate: process tree 335 MB (the kernel alone)",
            "kernel memory after 07-long-range-dependencies: RSS 360 MB, peak 390 MB; process tree 360 MB (the kernel"
                    + " alone) (190.0 s)",
            "kernel memory after 08-real-data: FAILED (CellExecutionError: boom)",
            "");

    @Test
    void everyNotebookGetsItsFiguresInTheCoursesOrderAndOneWithoutALineSaysSo() {
        List<CourseTimes.Row> rows = CourseTimes.parse(
                LOG, List.of("00-setup", "02-forget-gate", "07-long-range-dependencies", "08-real-data", "09-gru"));
        assertEquals(5, rows.size());
        assertEquals(new CourseTimes.Row("00-setup", 12.5, 300, 310, 300, null), rows.get(0));
        assertEquals(new CourseTimes.Row("02-forget-gate", 41.7, 334, 334, 455, null), rows.get(1));
        assertEquals(190.0, rows.get(2).seconds());
        assertEquals("failed: CellExecutionError: boom", rows.get(3).problem());
        assertEquals("no result (see the log)", rows.get(4).problem());
    }

    @Test
    void theTableAddsTheWallTimesOfTheNotebooksThatRanAndNamesTheSlowestAgainstTheTarget() {
        String table = CourseTimes.table(
                CourseTimes.parse(
                        LOG, List.of("00-setup", "02-forget-gate", "07-long-range-dependencies", "08-real-data")),
                "full");
        String[] lines = table.split("\n");
        assertEquals(
                "| notebook (full mode) | wall s | kernel RSS MB | kernel peak MB | process tree MB | status |",
                lines[0]);
        assertEquals("| 02-forget-gate | 41.7 | 334 | 334 | 455 | ok |", lines[3]);
        assertEquals("| 08-real-data | — | — | — | — | failed: CellExecutionError: boom |", lines[5]);
        assertEquals("| **total** | **244.2** | | | | 3 of 4 ran through |", lines[6]);
        assertTrue(
                table.contains("Slowest: 07-long-range-dependencies, 190.0 s (above the 180 s a notebook may take in"
                        + " full mode); total 4.1 min."),
                table);
        String quick = CourseTimes.table(CourseTimes.parse(LOG, List.of("00-setup")), "quick");
        assertTrue(
                quick.endsWith("\nSlowest: 00-setup, 12.5 s; total 0.2 min.\n"), "no target in quick mode: " + quick);
    }
}
