package org.lstmlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of {@code ./lab bench --course}: every notebook of the course run through the real kernel, one fresh
 * kernel each, as {@code src/main/python/kernel_memory.py} prints it — the notebook's wall time from the kernel's
 * start to its last cell, the kernel's resident memory then and at its peak, and its whole process tree's — with
 * the total. Reads the script's lines, prints the table and writes it to a file.
 *
 * <p>Usage: {@code CourseTimes --log LOG --out FILE --mode full|quick [--header LINE]... NOTEBOOK...}, the notebooks
 * by name ({@code 07-long-range-dependencies}), in the course's order; one that printed no line is reported as
 * such.
 */
public final class CourseTimes {
    /** A notebook's line from kernel_memory.py. */
    static final Pattern MEASURED = Pattern.compile(
            "kernel memory after (\\S+): RSS (\\d+) MB, peak (\\d+) MB; process tree (\\d+) MB \\((.*)\\) \\(([\\d.]+) s\\)");

    static final Pattern FAILED = Pattern.compile("kernel memory after (\\S+): FAILED \\((.*)\\)");

    /** Every notebook should run within this in full mode (issue 25). */
    static final double NOTEBOOK_TARGET_SECONDS = 180;

    /**
     * One notebook's figures, or why it has none.
     *
     * @param seconds wall time from the kernel's start to the last cell; NaN when it did not run through
     * @param treeMb resident memory of the kernel and every process under it
     * @param problem null when it ran, else what went wrong
     */
    record Row(String notebook, double seconds, int rssMb, int peakMb, int treeMb, String problem) {}

    private CourseTimes() {}

    /** The rows of {@code notebooks}, in their order, from what kernel_memory.py printed. */
    static List<Row> parse(String log, List<String> notebooks) {
        Map<String, Row> found = new LinkedHashMap<>();
        Matcher m = MEASURED.matcher(log);
        while (m.find()) {
            found.put(
                    m.group(1),
                    new Row(
                            m.group(1),
                            Double.parseDouble(m.group(6)),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            null));
        }
        Matcher f = FAILED.matcher(log);
        while (f.find()) {
            found.put(f.group(1), new Row(f.group(1), Double.NaN, 0, 0, 0, "failed: " + f.group(2)));
        }
        List<Row> rows = new ArrayList<>();
        for (String name : notebooks) {
            rows.add(found.getOrDefault(name, new Row(name, Double.NaN, 0, 0, 0, "no result (see the log)")));
        }
        return rows;
    }

    /** The Markdown table with a total row and a line on the slowest notebook against the 3-minute target. */
    static String table(List<Row> rows, String mode) {
        StringBuilder t = new StringBuilder();
        t.append("| notebook (")
                .append(mode)
                .append(" mode) | wall s | kernel RSS MB | kernel peak MB | process tree MB | status |\n");
        t.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        double total = 0;
        int ran = 0;
        Row slowest = null;
        for (Row r : rows) {
            if (r.problem() == null) {
                ran++;
                total += r.seconds();
                if (slowest == null || r.seconds() > slowest.seconds()) {
                    slowest = r;
                }
                t.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %d | %d | %d | ok |%n",
                        r.notebook(),
                        r.seconds(),
                        r.rssMb(),
                        r.peakMb(),
                        r.treeMb()));
            } else {
                t.append("| ")
                        .append(r.notebook())
                        .append(" | — | — | — | — | ")
                        .append(r.problem())
                        .append(" |\n");
            }
        }
        t.append(String.format(
                Locale.ROOT, "| **total** | **%.1f** | | | | %d of %d ran through |%n", total, ran, rows.size()));
        if (slowest != null) {
            t.append(String.format(
                    Locale.ROOT,
                    "%nSlowest: %s, %.1f s%s; total %.1f min.%n",
                    slowest.notebook(),
                    slowest.seconds(),
                    !mode.equals("full")
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (%s the %.0f s a notebook may take in full mode)",
                                    slowest.seconds() <= NOTEBOOK_TARGET_SECONDS ? "within" : "above",
                                    NOTEBOOK_TARGET_SECONDS),
                    total / 60));
        }
        return t.toString();
    }

    public static void main(String[] args) throws IOException {
        Path log = null;
        Path out = null;
        String mode = "full";
        List<String> header = new ArrayList<>();
        List<String> notebooks = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--log" -> log = Path.of(args[++k]);
                case "--out" -> out = Path.of(args[++k]);
                case "--mode" -> mode = args[++k];
                case "--header" -> header.add(args[++k]);
                default -> notebooks.add(args[k]);
            }
        }
        if (log == null || out == null || notebooks.isEmpty()) {
            throw new IllegalArgumentException(
                    "expected --log LOG --out FILE [--mode full|quick] [--header LINE]... NOTEBOOK... but got "
                            + String.join(" ", args));
        }
        List<Row> rows = parse(Files.readString(log, StandardCharsets.UTF_8), notebooks);
        String text = String.join("\n", header) + (header.isEmpty() ? "" : "\n\n") + table(rows, mode);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.print(text);
        System.out.println("(written to " + out + ")");
        if (rows.stream().anyMatch(r -> r.problem() != null)) {
            System.exit(1);
        }
    }
}
