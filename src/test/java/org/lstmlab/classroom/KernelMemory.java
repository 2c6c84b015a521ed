package org.lstmlab.classroom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel's memory as the kernel itself reads it from /proc/self/status: resident now (VmRSS) and at its peak
 * (VmHWM). The same cell as src/main/python/kernel_memory.py, which ./lab bench runs.
 *
 * @param rssMb resident memory when the cell ran, in MB
 * @param peakMb the most the kernel has held since it started, in MB
 */
record KernelMemory(long rssMb, long peakMb) {

    /** A Java cell that prints "VmRSS: N kB" and "VmHWM: N kB". */
    static final String CELL = "java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/proc/self/status\")).stream()"
            + ".filter(l -> l.startsWith(\"VmRSS\") || l.startsWith(\"VmHWM\")).forEach(System.out::println);";

    /**
     * A Java cell that prints the peak memory of the container it runs in ("cgroup peak: N bytes"): the student's
     * server, kernel and any grading JVM together, against the container's memory limit.
     */
    static final String CONTAINER_PEAK_CELL = "for (String f : new String[] {\"/sys/fs/cgroup/memory.peak\","
            + " \"/sys/fs/cgroup/memory/memory.max_usage_in_bytes\"}) { var p = java.nio.file.Path.of(f);"
            + " if (java.nio.file.Files.isReadable(p)) { System.out.println(\"cgroup peak: \""
            + " + java.nio.file.Files.readString(p).strip() + \" bytes\"); break; } }";

    /** Reads what {@link #CELL} printed. */
    static KernelMemory parse(String printed) {
        return new KernelMemory(kilobytes(printed, "VmRSS") / 1024, kilobytes(printed, "VmHWM") / 1024);
    }

    /** Reads what {@link #CONTAINER_PEAK_CELL} printed, in MB. */
    static long containerPeakMb(String printed) {
        Matcher m = Pattern.compile("cgroup peak: (\\d+) bytes").matcher(printed);
        if (!m.find()) {
            throw new AssertionError("the container's peak memory was not printed: " + printed);
        }
        return Long.parseLong(m.group(1)) / 1_000_000;
    }

    private static long kilobytes(String printed, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(printed);
        if (!m.find()) {
            throw new AssertionError("the memory cell printed no " + field + ": " + printed);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
        return "RSS " + rssMb + " MB, peak " + peakMb + " MB";
    }
}
