package org.lstmlab.kernel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kernel's answer to Jupyter's {@code usage_request} (control channel), in the shape ipykernel gives
 * and jupyter-resource-usage's kernel panel reads: {@code kernel_memory} (resident bytes of this JVM and
 * the processes it started), {@code kernel_cpu} (their CPU use in percent of one core since the previous
 * request, so above 100 when several cores work), {@code host_cpu_percent}, {@code cpu_count},
 * {@code host_virtual_memory} ({@code total}, {@code available}, {@code percent}, {@code used},
 * {@code free}, bytes), {@code hostname} and {@code pid}. Resident memory is read from
 * {@code /proc/PID/status} (VmRSS); where there is no /proc (macOS) the JVM's committed heap and
 * non-heap memory stand in.
 */
final class KernelUsage {

    private static final Pattern KILOBYTES = Pattern.compile("(\\d+)\\s*kB");

    private long lastWallNanos;
    private long lastCpuNanos;

    KernelUsage() {
        lastWallNanos = ManagementFactory.getRuntimeMXBean().getStartTime() * 1_000_000L;
        lastCpuNanos = 0;
    }

    /** The usage_reply content, measured now. */
    synchronized Map<String, Object> measure() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("hostname", hostname());
        reply.put("pid", ProcessHandle.current().pid());
        reply.put("kernel_cpu", kernelCpuPercent());
        reply.put("kernel_memory", kernelMemory());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double hostCpu = os.getCpuLoad();
        if (hostCpu >= 0) {
            reply.put("host_cpu_percent", round(hostCpu * 100));
        }
        reply.put("cpu_count", Runtime.getRuntime().availableProcessors());
        reply.put("host_virtual_memory", hostMemory(os));
        return reply;
    }

    private double kernelCpuPercent() {
        long wall = System.currentTimeMillis() * 1_000_000L;
        long cpu = Stream.concat(
                        Stream.of(ProcessHandle.current()),
                        ProcessHandle.current().descendants())
                .mapToLong(
                        p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L))
                .sum();
        double percent = wall > lastWallNanos ? 100.0 * (cpu - lastCpuNanos) / (wall - lastWallNanos) : 0.0;
        lastWallNanos = wall;
        lastCpuNanos = cpu;
        return round(Math.max(0, percent));
    }

    private static long kernelMemory() {
        OptionalLong own = residentBytes(ProcessHandle.current().pid());
        if (own.isEmpty()) {
            var memory = ManagementFactory.getMemoryMXBean();
            return memory.getHeapMemoryUsage().getCommitted()
                    + memory.getNonHeapMemoryUsage().getCommitted();
        }
        return own.getAsLong()
                + ProcessHandle.current()
                        .descendants()
                        .mapToLong(p -> residentBytes(p.pid()).orElse(0))
                        .sum();
    }

    /** VmRSS of a process from /proc, empty where there is none. */
    static OptionalLong residentBytes(long pid) {
        return procField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    private static Map<String, Object> hostMemory(com.sun.management.OperatingSystemMXBean os) {
        long total = os.getTotalMemorySize();
        long free = os.getFreeMemorySize();
        long available = procField(Path.of("/proc/meminfo"), "MemAvailable:").orElse(free);
        available = Math.min(available, total); // in a container the JVM reports the cgroup's limit as total
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("total", total);
        memory.put("available", available);
        memory.put("percent", total > 0 ? round(100.0 * (total - available) / total) : 0.0);
        memory.put("used", total - available);
        memory.put("free", Math.min(free, total));
        return memory;
    }

    private static OptionalLong procField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    Matcher m = KILOBYTES.matcher(line);
                    if (m.find()) {
                        return OptionalLong.of(Long.parseLong(m.group(1)) * 1024);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc (macOS) or the process is gone
        }
        return OptionalLong.empty();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
