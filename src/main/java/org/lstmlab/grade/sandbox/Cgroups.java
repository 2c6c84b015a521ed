package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A control group per sandbox, where the grader runs as root and the machine lets it make them: one limit on the
 * processes and threads, and one on the memory, of everything a sandbox starts together (the JVM's options and
 * {@code ulimit -v} bound each process alone). cgroup v1 (a {@code pids} and a {@code memory} hierarchy) or cgroup
 * v2 with both controllers enabled at its root. The command enters its group before it starts the sandbox, so
 * everything in the sandbox is in it.
 *
 * <p>{@code LSTMLAB_SANDBOX_NO_CGROUPS=1} (or {@code lstmlab.sandbox.noCgroups=1}) turns them off.
 *
 * @param parents where a sandbox's groups are made: v1 one folder per hierarchy, v2 one
 * @param v2 whether the hierarchy is cgroup v2
 */
record Cgroups(List<Path> parents, boolean v2) {

    private static final AtomicInteger GROUPS = new AtomicInteger();
    private static final String CPUACCT = "cpuacct";
    private static volatile Cgroups found;
    private static volatile boolean looked;

    /** The groups one sandbox is in. */
    record Group(List<Path> dirs) {
        /** {@code command}, started from a shell that first moves itself into these groups. */
        List<String> enter(List<String> command) {
            StringBuilder sh = new StringBuilder();
            for (int k = 1; k <= dirs.size(); k++) {
                sh.append("echo $$ > \"$").append(k).append("/cgroup.procs\" && ");
            }
            sh.append("shift ").append(dirs.size()).append(" && exec \"$@\"");
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", sh.toString(), "sandbox-cgroup"));
            dirs.forEach(d -> cmd.add(d.toString()));
            cmd.addAll(command);
            return cmd;
        }
    }

    /**
     * The CPU seconds (user and system) of everything every sandbox of this grader has run so far, ended sandboxes
     * included, from the parent group's hierarchical counter (cgroup v2 {@code cpu.stat}, v1 {@code cpuacct.usage});
     * -1 where there are no groups or no such counter. Their processes are in PID namespaces of their own, so the
     * grader's own count of its children's time misses them.
     */
    static double cpuSeconds() {
        Cgroups c = find();
        if (c == null) {
            return -1;
        }
        try {
            for (Path p : c.parents()) {
                if (c.v2()) {
                    for (String line : Files.readAllLines(p.resolve("cpu.stat"))) {
                        if (line.startsWith("usage_usec ")) {
                            return Long.parseLong(line.substring("usage_usec ".length())
                                            .trim())
                                    / 1e6;
                        }
                    }
                } else if (Files.isRegularFile(p.resolve("cpuacct.usage"))) {
                    return Long.parseLong(
                                    Files.readString(p.resolve("cpuacct.usage")).trim())
                            / 1e9;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not known
        }
        return -1;
    }

    /** The groups this machine lets a root grader make, found once, or null. */
    static Cgroups find() {
        String off = System.getProperty("lstmlab.sandbox.noCgroups", System.getenv("LSTMLAB_SANDBOX_NO_CGROUPS"));
        if ("1".equals(off) || !OsSandbox.root()) {
            return null;
        }
        if (!looked) {
            synchronized (Cgroups.class) {
                if (!looked) {
                    found = probe();
                    looked = true;
                }
            }
        }
        return found;
    }

    private static Cgroups probe() {
        String name = "lstmlab-" + ProcessHandle.current().pid();
        Path root = Path.of("/sys/fs/cgroup");
        try {
            Cgroups c;
            if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
                String enabled = Files.readString(root.resolve("cgroup.subtree_control"));
                if (!enabled.contains("memory") || !enabled.contains("pids")) {
                    return null;
                }
                Path top = Files.createDirectories(root.resolve(name));
                write(top.resolve("cgroup.subtree_control"), "+memory +pids");
                c = new Cgroups(List.of(top), true);
            } else {
                List<Path> parents = new ArrayList<>();
                int limiting = 0;
                for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                    String[] f = line.split(":", 3);
                    if (f.length == 3 && (f[1].equals("pids") || f[1].equals("memory"))) {
                        Path base = root.resolve(f[1]).resolve(f[2].replaceFirst("^/", ""));
                        parents.add(Files.createDirectories(base.resolve(name)));
                        limiting++;
                    } else if (f.length == 3 && List.of(f[1].split(",")).contains(CPUACCT)) { // counts only
                        try {
                            Path base = root.resolve(f[1]).resolve(f[2].replaceFirst("^/", ""));
                            parents.add(Files.createDirectories(base.resolve(name)));
                        } catch (IOException notHere) {
                            // the sandboxes' CPU time is then not known
                        }
                    }
                }
                if (limiting != 2) {
                    return null;
                }
                c = new Cgroups(List.copyOf(parents), false);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(c::removeAll));
            Group trial = c.create(ChildRuntime.MAX_PROCESSES, 64L << 20);
            Process p = new ProcessBuilder(trial.enter(List.of("/bin/true"))).start();
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            return ok ? c : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A group for one sandbox.
     *
     * @param processes at most this many processes and threads in it together
     * @param memoryBytes at most this much memory for all of them together (swap included where it can be said)
     */
    Group create(int processes, long memoryBytes) throws IOException {
        sweep();
        String name = "sandbox-" + GROUPS.incrementAndGet();
        List<Path> dirs = new ArrayList<>();
        for (Path parent : parents) {
            dirs.add(Files.createDirectories(parent.resolve(name)));
        }
        for (Path d : dirs) {
            if (Files.exists(d.resolve("pids.max"))) {
                write(d.resolve("pids.max"), Integer.toString(processes));
            }
            if (v2) {
                write(d.resolve("memory.max"), Long.toString(memoryBytes));
                if (Files.exists(d.resolve("memory.swap.max"))) {
                    write(d.resolve("memory.swap.max"), "0");
                }
            } else if (Files.exists(d.resolve("memory.limit_in_bytes"))) {
                write(d.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                if (Files.exists(d.resolve("memory.memsw.limit_in_bytes"))) {
                    write(d.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
                }
            }
        }
        synchronized (MADE) {
            long now = System.nanoTime();
            dirs.forEach(d -> MADE.put(d, now));
        }
        return new Group(dirs);
    }

    /** The groups made so far and not yet removed, with when they were made. */
    private static final java.util.Map<Path, Long> MADE = new java.util.HashMap<>();

    /** A group younger than this may not have been entered yet: it is not swept. */
    private static final long SETTLE_NANOS = 60_000_000_000L;

    /**
     * Removes the groups the kernel has emptied (all their processes ended): a folder with processes stays, and so
     * does one made in the last minute, whose command may not have entered it yet.
     */
    static void sweep() {
        sweep(SETTLE_NANOS);
    }

    private static void sweep(long settle) {
        long now = System.nanoTime();
        synchronized (MADE) {
            MADE.entrySet().removeIf(e -> {
                if (now - e.getValue() < settle) {
                    return false;
                }
                try {
                    Files.deleteIfExists(e.getKey());
                    return true;
                } catch (IOException stillInUse) {
                    return false;
                }
            });
        }
    }

    private void removeAll() {
        sweep(0);
        for (Path p : parents) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException stillInUse) {
                // a group the kernel has not emptied yet keeps its parent
            }
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
    }
}
