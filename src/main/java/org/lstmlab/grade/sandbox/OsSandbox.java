package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating system's sandbox around a child JVM and the compiler: on Linux, bubblewrap ({@code bwrap})
 * puts the process in namespaces of its own — its own PID namespace (it sees and signals nothing outside),
 * an empty network namespace, and a mount namespace that holds, read-only, only the system's {@code /usr},
 * the JDK, the jars it is given and its own job folder, the one writable place — as a user other than root,
 * without capabilities. Killing the process that runs {@code bwrap} ends everything inside: {@code --die-with-parent}
 * takes the namespace's first process with it, and the kernel kills the rest of a PID namespace when that
 * process ends.
 *
 * <p>{@link #detect()} chooses: {@code LSTMLAB_SANDBOX=none} turns it off; {@code LSTMLAB_SANDBOX_NO_NAMESPACES=1}
 * (or the system property {@code lstmlab.sandbox.noNamespaces=1}) makes namespaces unavailable, so tests can take
 * the fallback paths on a machine that has them. A grader that runs as root makes the namespaces as root and then
 * drops to a user of the sandbox's own (not 0, one per child) without capabilities; any other grader maps itself
 * to user 65534 in a user namespace.
 *
 * @param kind which sandbox, or {@link Kind#NONE}
 * @param bwrap the {@code bwrap} program; null unless {@code kind} is {@link Kind#BUBBLEWRAP}
 * @param why for {@link Kind#NONE}: why there is no sandbox, for the log and the refusal
 */
public record OsSandbox(Kind kind, Path bwrap, String why) {

    /** Which isolation a child gets. */
    public enum Kind {
        /** Linux namespaces through bubblewrap. */
        BUBBLEWRAP,
        /** None: the child runs as the grader's user, with the JVM's limits alone. */
        NONE
    }

    /** The user a sandboxed process is inside its namespace: {@code nobody}. */
    static final int USER = 65534;

    private static volatile OsSandbox detected;

    /** No OS sandbox, for the reason given. */
    public static OsSandbox none(String why) {
        return new OsSandbox(Kind.NONE, null, why);
    }

    /** Whether children run inside namespaces. */
    public boolean isolated() {
        return kind != Kind.NONE;
    }

    /** One line for the log: which isolation grading used. */
    public String describe() {
        return switch (kind) {
            case BUBBLEWRAP ->
                "isolation: bubblewrap (own PID, network and mount namespaces, read-only file system, "
                        + (root() ? "a user of its own per child" : "user " + USER + " in a user namespace")
                        + ", no capabilities)";
            case NONE -> "isolation: none (" + why + ")";
        };
    }

    /**
     * The sandbox this machine offers, found once: bubblewrap when it is installed and can make namespaces
     * here, otherwise none with the reason.
     */
    public static OsSandbox detect() {
        String choice = switchOf("LSTMLAB_SANDBOX", "lstmlab.sandbox");
        if ("none".equalsIgnoreCase(choice)) {
            return none("turned off (LSTMLAB_SANDBOX=none)");
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return none("namespaces are Linux only; this is " + System.getProperty("os.name"));
        }
        if ("1".equals(switchOf("LSTMLAB_SANDBOX_NO_NAMESPACES", "lstmlab.sandbox.noNamespaces"))) {
            return none("namespaces made unavailable (LSTMLAB_SANDBOX_NO_NAMESPACES=1)");
        }
        OsSandbox d = detected;
        if (d == null) {
            d = probe(System.getenv());
            detected = d;
        }
        return d;
    }

    /** An environment variable, or the system property tests set in its place. */
    private static String switchOf(String env, String property) {
        String p = System.getProperty(property);
        return p != null ? p : System.getenv(env);
    }

    static OsSandbox probe(java.util.Map<String, String> env) {
        Path bwrap = null;
        for (String dir : env.getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isExecutable(p)) {
                bwrap = p;
                break;
            }
        }
        if (bwrap == null && Files.isExecutable(Path.of("/usr/bin/bwrap"))) {
            bwrap = Path.of("/usr/bin/bwrap");
        }
        if (bwrap == null) {
            return none("bubblewrap (bwrap) is not installed: sudo apt-get install bubblewrap");
        }
        Path trial = null;
        try {
            // a trial run made exactly as a child's is (a container may allow some namespaces and not others)
            trial = Files.createTempDirectory("lstmlab-sandbox-trial-");
            OsSandbox candidate = new OsSandbox(Kind.BUBBLEWRAP, bwrap, null);
            int user = 200_000 + (int) (ProcessHandle.current().pid() % 1000) * 1000 + 999;
            if (root()) {
                Files.setAttribute(trial, "unix:uid", user);
            }
            List<String> cmd =
                    candidate.wrap(List.of("/bin/sh", "-c", "echo ok > ok"), List.of(), Map.of(), trial, trial, user);
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return none("bubblewrap did not start within 20 s");
            }
            if (p.exitValue() != 0 || !Files.exists(trial.resolve("ok"))) {
                return none("bubblewrap cannot make a sandbox here (" + out.strip()
                        + "): user namespaces may be turned off, or a container forbids them");
            }
            return candidate;
        } catch (IOException e) {
            return none("bubblewrap could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted while trying bubblewrap");
        } finally {
            if (trial != null) {
                try {
                    Files.deleteIfExists(trial.resolve("ok"));
                    Files.deleteIfExists(trial);
                } catch (IOException ignored) {
                    // a temporary folder left behind
                }
            }
        }
    }

    private static List<String> namespaceOptions(boolean userNamespace) {
        List<String> o = new ArrayList<>(List.of(
                "--unshare-pid",
                "--unshare-net",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--die-with-parent",
                "--new-session"));
        if (userNamespace) {
            o.addAll(List.of(
                    "--unshare-user",
                    "--cap-drop",
                    "ALL",
                    "--uid",
                    Integer.toString(USER),
                    "--gid",
                    Integer.toString(USER)));
        }
        return o;
    }

    /** Whether the grader runs as root, so a sandbox drops to a user of its own rather than map one. */
    static boolean root() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code command} wrapped so that it runs inside the sandbox, or unchanged without one. When the grader
     * runs as root, the sandbox is made by root (so it can show the root-owned jars at their paths) and the
     * command then drops to {@code user}, a user of no one, without capabilities; otherwise a user namespace
     * maps the grader's user to 65534. Either way {@code ulimit -u} then bounds the sandbox's processes and
     * threads, which it cannot for root.
     *
     * @param readOnly files and folders the process needs to read (jars, archives, class folders), shown at
     *     their own paths
     * @param readOnlyInside folders shown read-only inside {@code writable}: where, from what
     * @param writable its job folder, shown at its own path, the one place it may write; owned by {@code user}
     *     when the grader is root
     * @param workDir its working directory, inside {@code writable}
     * @param user for a root grader, the user the command runs as (not 0)
     */
    public List<String> wrap(
            List<String> command,
            Collection<Path> readOnly,
            Map<Path, Path> readOnlyInside,
            Path writable,
            Path workDir,
            int user) {
        if (kind == Kind.NONE) {
            return command;
        }
        boolean root = root();
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString()));
        cmd.addAll(namespaceOptions(!root));
        cmd.addAll(List.of("--hostname", "sandbox", "--ro-bind", "/usr", "/usr"));
        for (String link : List.of("lib", "lib64", "bin", "sbin", "lib32")) {
            Path top = Path.of("/" + link);
            if (Files.isSymbolicLink(top)) {
                cmd.addAll(List.of("--symlink", "usr/" + link, "/" + link));
            } else if (Files.isDirectory(top)) {
                cmd.addAll(List.of("--ro-bind", top.toString(), top.toString()));
            }
        }
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        Set<Path> shown = new LinkedHashSet<>(systemPaths());
        for (Path p : readOnly) {
            shown.add(p.toAbsolutePath().normalize());
        }
        Set<Path> made = new java.util.HashSet<>(List.of(Path.of("/"), Path.of("/tmp"), Path.of("/usr")));
        for (Path p : shown) {
            if (!p.startsWith("/usr") && Files.exists(p)) {
                parents(cmd, p, made);
                cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        Path w = writable.toAbsolutePath().normalize();
        parents(cmd, w, made);
        cmd.addAll(List.of("--bind", w.toString(), w.toString()));
        readOnlyInside.forEach((at, from) -> cmd.addAll(List.of("--ro-bind", from.toString(), at.toString())));
        cmd.addAll(List.of("--chdir", workDir.toString(), "--"));
        if (root) {
            if (user == 0) {
                throw new IllegalArgumentException("a sandbox must not run as root, but was given user 0");
            }
            cmd.addAll(List.of(
                    "/usr/bin/setpriv",
                    "--reuid=" + user,
                    "--regid=" + user,
                    "--clear-groups",
                    "--inh-caps=-all",
                    "--bounding-set=-all",
                    "--no-new-privs",
                    "--"));
        }
        cmd.addAll(command);
        return cmd;
    }

    /** Folders, readable by all, for the path's parents that are not there yet: bwrap would make them private. */
    private static void parents(List<String> cmd, Path p, Set<Path> made) {
        List<Path> missing = new ArrayList<>();
        for (Path a = p.getParent(); a != null && !made.contains(a); a = a.getParent()) {
            missing.add(0, a);
        }
        for (Path a : missing) {
            if (a.startsWith("/usr")) {
                continue;
            }
            cmd.addAll(List.of("--perms", "0755", "--dir", a.toString()));
            made.add(a);
        }
        made.add(p);
    }

    private static volatile List<Path> system;

    /**
     * What a JVM needs outside {@code /usr}: the JDK itself where it is elsewhere, and what the JDK's own
     * links point to (Debian's JDK keeps its {@code conf} and {@code cacerts} under {@code /etc}).
     */
    static List<Path> systemPaths() {
        List<Path> s = system;
        if (s != null) {
            return s;
        }
        Set<Path> paths = new LinkedHashSet<>();
        try {
            Path home = Path.of(System.getProperty("java.home")).toRealPath();
            paths.add(home);
            try (Stream<Path> walk = Files.walk(home, 4)) {
                for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                    try {
                        Path target = p.toRealPath();
                        if (target.startsWith("/etc") && target.getNameCount() > 2) {
                            Path top = target.subpath(0, 2);
                            if (top.getFileName().toString().startsWith("java")) {
                                target = Path.of("/").resolve(top); // the JDK's own folder in /etc, whole
                            }
                        }
                        if (!target.startsWith(home)) {
                            paths.add(target);
                        }
                    } catch (IOException dangling) {
                        // nothing to show
                    }
                }
            }
            for (String etc : List.of("/etc/ld.so.cache", "/etc/localtime", "/etc/timezone", "/etc/nsswitch.conf")) {
                Path p = Path.of(etc);
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    paths.add(p.toRealPath());
                }
            }
        } catch (IOException e) {
            // what could be found
        }
        s = List.copyOf(paths);
        system = s;
        return s;
    }
}
