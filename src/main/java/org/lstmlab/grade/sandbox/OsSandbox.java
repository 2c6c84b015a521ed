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
 * <p>Where bubblewrap is missing, util-linux's {@code unshare} makes the same namespaces ({@link Kind#UNSHARE}): a
 * shell inside them mounts a fresh root of read-only binds and the job folder, then {@code chroot}s into it. Inside
 * the course image's container ({@link ContainerBatch}, where the machine has no namespaces to offer), each child
 * is a user of its own without capabilities, in a PID namespace of its own where the container allows one
 * ({@link Kind#CONTAINER}); the container is the sandbox. Gradescope's container forbids namespaces: there, on
 * request, each child is only a user of its own ({@link Kind#USER}).
 *
 * <p>{@link #detect()} chooses: {@code LSTMLAB_SANDBOX=none} turns it off; {@code LSTMLAB_SANDBOX_NO_NAMESPACES=1}
 * (or the system property {@code lstmlab.sandbox.noNamespaces=1}) makes namespaces unavailable, so tests can take
 * the fallback paths on a machine that has them; {@code LSTMLAB_SANDBOX_NO_BWRAP=1} ({@code lstmlab.sandbox.noBwrap})
 * hides bubblewrap, so the {@code unshare} route is taken. A grader that runs as root makes the namespaces as root
 * and then drops to a user of the sandbox's own (not 0, one per child) without capabilities; any other grader maps
 * itself to user 65534 (bubblewrap) or to root without capabilities ({@code unshare}) in a user namespace.
 *
 * @param kind which sandbox, or {@link Kind#NONE}
 * @param program the {@code bwrap} or {@code unshare} program; for {@link Kind#CONTAINER} {@code unshare} where each
 *     child gets a PID namespace, else null; null for {@link Kind#USER} and {@link Kind#NONE}
 * @param why for {@link Kind#NONE}: why there is no sandbox, for the log and the refusal; for {@link Kind#USER} why
 *     there are no namespaces, for {@link Kind#CONTAINER} without {@code unshare} why there is no PID namespace
 */
public record OsSandbox(Kind kind, Path program, String why) {

    /** Which isolation a child gets. */
    public enum Kind {
        /** Linux namespaces through bubblewrap. */
        BUBBLEWRAP,
        /** Linux namespaces through util-linux's {@code unshare}, where bubblewrap is missing. */
        UNSHARE,
        /**
         * Inside the course image's container: a user of its own per child, no capabilities, and where the container
         * lets the grader make one ({@code program} is then {@code unshare}), a PID namespace and {@code /proc} of
         * its own.
         */
        CONTAINER,
        /**
         * Where no namespace can be made and the grader runs as root, on request ({@code LSTMLAB_SANDBOX_FALLBACK=user}:
         * Gradescope's container): a user of its own per child, no capabilities; the place is the sandbox.
         */
        USER,
        /** None: the child runs as the grader's user, with the JVM's limits alone. */
        NONE
    }

    /** What {@link ContainerBatch} sets in the container, so the grader inside knows the container is its sandbox. */
    public static final String IN_CONTAINER = "container";

    /** The user a sandboxed process is inside its namespace: {@code nobody}. */
    static final int USER = 65534;

    private static volatile OsSandbox detected;

    /** No OS sandbox, for the reason given. */
    public static OsSandbox none(String why) {
        return new OsSandbox(Kind.NONE, null, why);
    }

    /**
     * The CPU seconds every sandbox of this JVM has used so far (children, compilers, what they started), where the
     * machine counts them per control group; -1 where it cannot be said.
     */
    public static double sandboxCpuSeconds() {
        return Cgroups.cpuSeconds();
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
                        + ", no capabilities" + groups() + ")";
            case UNSHARE ->
                "isolation: unshare (util-linux; own PID, network and mount namespaces, read-only file system, "
                        + (root() ? "a user of its own per child" : "its user mapped to root in a user namespace")
                        + ", no capabilities" + groups() + ")";
            case CONTAINER ->
                "isolation: container (the batch in the course image: no network, read-only root, memory and"
                        + " process limits, the submissions read-only; a user of its own per child, no capabilities"
                        + (program != null
                                ? ", its own PID namespace and /proc"
                                : ", no PID namespace of its own: " + why)
                        + ")";
            case USER ->
                "isolation: user (no namespaces here: " + why + "; a user of its own per child, no capabilities, "
                        + ChildRuntime.MAX_PROCESSES + " processes, the grader's files out of its reach)";
            case NONE -> "isolation: none (" + why + ")";
        };
    }

    /**
     * The sandbox this machine offers, found once: bubblewrap when it is installed and can make namespaces
     * here, else {@code unshare} when it can, otherwise none with the reason. Inside the grading container
     * ({@code LSTMLAB_SANDBOX=container}), a user of its own per child.
     */
    public static OsSandbox detect() {
        String choice = switchOf("LSTMLAB_SANDBOX", "lstmlab.sandbox");
        if ("none".equalsIgnoreCase(choice)) {
            return none("turned off (LSTMLAB_SANDBOX=none)");
        }
        if (IN_CONTAINER.equalsIgnoreCase(choice)) {
            if (!root() || !Files.isExecutable(Path.of(SETPRIV))) {
                return none("in a container, but not as root with setpriv: children cannot get users of their own");
            }
            OsSandbox d = detected;
            if (d == null) {
                d = inContainer(System.getenv());
                detected = d;
            }
            return d;
        }
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return none("namespaces are Linux only; this is " + System.getProperty("os.name"));
        }
        if ("1".equals(switchOf("LSTMLAB_SANDBOX_NO_NAMESPACES", "lstmlab.sandbox.noNamespaces"))) {
            return userFallback("namespaces made unavailable (LSTMLAB_SANDBOX_NO_NAMESPACES=1)");
        }
        if ("1".equals(switchOf("LSTMLAB_SANDBOX_NO_BWRAP", "lstmlab.sandbox.noBwrap"))) {
            OsSandbox u = probe(System.getenv()); // not kept: the switch is for tests
            return u.isolated() ? u : userFallback(u.why());
        }
        OsSandbox d = detected;
        if (d == null) {
            d = probe(System.getenv());
            detected = d;
        }
        return d.isolated() ? d : userFallback(d.why());
    }

    /**
     * Where namespaces are not to be had: a user of its own per child ({@link Kind#USER}) when asked for with
     * {@code LSTMLAB_SANDBOX_FALLBACK=user} (or {@code lstmlab.sandbox.fallback=user}) and the grader is root with
     * {@code setpriv}; otherwise none. Gradescope's {@code run_autograder} asks for it; {@code ./lab grade} does not,
     * since it grades in the course image's container instead.
     */
    private static OsSandbox userFallback(String why) {
        boolean asked = "user".equalsIgnoreCase(switchOf("LSTMLAB_SANDBOX_FALLBACK", "lstmlab.sandbox.fallback"));
        if (!asked) {
            return none(why);
        }
        return root() && Files.isExecutable(Path.of(SETPRIV))
                ? new OsSandbox(Kind.USER, null, why)
                : none(why + "; and no user of its own per child (the grader is not root with setpriv)");
    }

    /**
     * In the grading container: a user of its own per child, and a PID namespace of its own where a trial of
     * {@code unshare} works (it needs {@code CAP_SYS_ADMIN}, which the child drops before anything of its own runs).
     */
    static OsSandbox inContainer(Map<String, String> env) {
        Path unshare = onPath(env, "unshare");
        if (unshare == null) {
            return new OsSandbox(Kind.CONTAINER, null, "util-linux unshare is missing");
        }
        try {
            Process p = new ProcessBuilder(
                            unshare.toString(), "--pid", "--fork", "--kill-child", "--mount-proc", "/bin/true")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new OsSandbox(Kind.CONTAINER, null, "unshare did not end within 20 s");
            }
            return p.exitValue() == 0
                    ? new OsSandbox(Kind.CONTAINER, unshare, null)
                    : new OsSandbox(
                            Kind.CONTAINER,
                            null,
                            "the container does not let the grader make one (" + Untrusted.text(out.strip()) + ")");
        } catch (IOException e) {
            return new OsSandbox(Kind.CONTAINER, null, "unshare could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OsSandbox(Kind.CONTAINER, null, "interrupted while trying unshare");
        }
    }

    /** An environment variable, or the system property tests set in its place. */
    private static String switchOf(String env, String property) {
        String p = System.getProperty(property);
        return p != null ? p : System.getenv(env);
    }

    static OsSandbox probe(Map<String, String> env) {
        Path bwrap = "1".equals(switchOf("LSTMLAB_SANDBOX_NO_BWRAP", "lstmlab.sandbox.noBwrap"))
                ? null
                : onPath(env, "bwrap");
        String bwrapWhy;
        if (bwrap != null) {
            OsSandbox b = trial(new OsSandbox(Kind.BUBBLEWRAP, bwrap, null));
            if (b.isolated()) {
                return b;
            }
            bwrapWhy = b.why();
        } else {
            bwrapWhy = "bubblewrap (bwrap) is not installed: sudo apt-get install bubblewrap";
        }
        Path unshare = onPath(env, "unshare");
        if (unshare == null || !Files.isExecutable(Path.of(SETPRIV)) || !Files.isExecutable(Path.of(CHROOT))) {
            return none(bwrapWhy);
        }
        OsSandbox u = trial(new OsSandbox(Kind.UNSHARE, unshare, null));
        return u.isolated() ? u : none(bwrapWhy + "; and " + u.why());
    }

    /** {@code program} in {@code env}'s PATH, else in /usr/bin, or null. */
    static Path onPath(Map<String, String> env, String program) {
        for (String dir : env.getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path usual = Path.of("/usr/bin", program);
        return Files.isExecutable(usual) ? usual : null;
    }

    /** The candidate if a trial run made exactly as a child's is works (a container may allow some namespaces and not others). */
    private static OsSandbox trial(OsSandbox candidate) {
        String name = candidate.kind == Kind.BUBBLEWRAP ? "bubblewrap" : "unshare";
        Path trial = null;
        try {
            trial = Files.createTempDirectory("lstmlab-sandbox-trial-");
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
                return none(name + " did not start within 20 s");
            }
            if (p.exitValue() != 0 || !Files.exists(trial.resolve("ok"))) {
                return none(name + " cannot make a sandbox here (" + Untrusted.text(out.strip())
                        + "): user namespaces may be turned off, or a container forbids them");
            }
            return candidate;
        } catch (IOException e) {
            return none(name + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted while trying " + name);
        } finally {
            if (trial != null) {
                Sandbox.remove(trial);
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

    /**
     * Whether {@code ulimit -u} inside this sandbox bounds the sandbox's processes alone: for a user of its own per
     * child (a root grader), always; in a user namespace (any other grader), from Linux 5.14 on, which counts a
     * user's processes per user namespace (before it, the limit would count all of the instructor's processes).
     */
    boolean limitsItsOwnProcesses() {
        return isolated() && (root() || countsPerUserNamespace(System.getProperty("os.version", "")));
    }

    /** Whether a Linux of this version ({@code uname -r}) counts processes against {@code RLIMIT_NPROC} per user namespace. */
    static boolean countsPerUserNamespace(String version) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 5 || (major == 5 && minor >= 14);
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
        List<String> wrapped = switch (kind) {
            case NONE -> command;
            case BUBBLEWRAP -> bubblewrap(command, readOnly, readOnlyInside, writable, workDir, user);
            case UNSHARE -> unshare(command, readOnly, readOnlyInside, writable, workDir, user);
            case CONTAINER, USER -> ownUser(command, readOnlyInside, user);
        };
        Cgroups groups = kind == Kind.NONE ? null : Cgroups.find();
        if (groups == null) {
            return wrapped;
        }
        try {
            return groups.create(ChildRuntime.MAX_PROCESSES, SANDBOX_MEMORY_MB << 20)
                    .enter(wrapped);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not make a control group for a sandbox", e);
        }
    }

    /**
     * Memory for everything one sandbox starts together, where it has a control group: a child JVM's physical limit
     * (heap included) and room for what it forks.
     */
    static final long SANDBOX_MEMORY_MB = Limits.defaults().physicalMb() + 512L;

    /** What the log says of the control groups: where there are none, nothing. */
    private static String groups() {
        return Cgroups.find() == null
                ? ""
                : ", a control group per sandbox (" + ChildRuntime.MAX_PROCESSES + " processes, " + SANDBOX_MEMORY_MB
                        + " MB)";
    }

    private List<String> bubblewrap(
            List<String> command,
            Collection<Path> readOnly,
            Map<Path, Path> readOnlyInside,
            Path writable,
            Path workDir,
            int user) {
        boolean root = root();
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
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
        cmd.addAll(
                List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(TMP_MB << 20), "--tmpfs", "/tmp"));
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
            cmd.addAll(dropTo(user));
        }
        cmd.addAll(command);
        return cmd;
    }

    /**
     * The size of the sandbox's private {@code /tmp}, which lives in memory: without a bound a submission could fill
     * half the machine's memory there (a tmpfs's default), below every per-file limit.
     */
    public static final long TMP_MB = Limits.defaults().fileMb();

    static final String SETPRIV = "/usr/bin/setpriv";
    static final String CHROOT = "/usr/sbin/chroot";

    /** {@code setpriv} up to the command: a user of no one, without capabilities or a way to gain them. */
    private static List<String> dropTo(int user) {
        if (user == 0) {
            throw new IllegalArgumentException("a sandbox must not run as root, but was given user 0");
        }
        return List.of(
                SETPRIV,
                "--reuid=" + user,
                "--regid=" + user,
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs",
                "--");
    }

    /**
     * Inside the grading container (or, for {@link Kind#USER}, a place that is the sandbox itself): the container
     * hides the machine and the network, so a child needs a user of its own (it can signal and write nothing of the
     * grader's or a classmate's) and, where the container allows, a PID namespace with its own {@code /proc}
     * ({@code unshare}, as root; {@code setpriv} then drops every capability before the command starts). JavaCPP's
     * libraries are hard links in its cache folder rather than mounts.
     */
    private List<String> ownUser(List<String> command, Map<Path, Path> readOnlyInside, int user) {
        readOnlyInside.forEach((at, from) -> {
            try {
                mirror(from, at);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not show " + from + " in a child's folder", e);
            }
        });
        List<String> cmd = new ArrayList<>();
        if (kind == Kind.CONTAINER && program != null) {
            cmd.addAll(List.of(program.toString(), "--pid", "--fork", "--kill-child", "--mount-proc"));
        }
        cmd.addAll(dropTo(user));
        cmd.addAll(command);
        return cmd;
    }

    /**
     * {@code from}'s tree at {@code at}: its folders made anew, its files hard links (the same bytes and times, owned by
     * the grader, so a child can read them but neither change nor remove them), its links copied.
     */
    private static void mirror(Path from, Path at) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path to = at.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    try {
                        Files.createLink(to, p);
                    } catch (IOException otherFileSystem) {
                        Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /**
     * util-linux's {@code unshare}: new PID, network, mount, IPC and UTS namespaces (and a user namespace for a
     * grader that is not root); a shell inside mounts a tmpfs root holding read-only binds of {@code /usr}, the JDK
     * and the given paths, the job folder writable, a fresh {@code /proc}, a few devices and a private {@code /tmp},
     * then {@code chroot}s into it and drops its capabilities. {@code --kill-child} and the parent-death signal end
     * the namespace (and so everything in it) when the process the grader started ends.
     */
    private List<String> unshare(
            List<String> command,
            Collection<Path> readOnly,
            Map<Path, Path> readOnlyInside,
            Path writable,
            Path workDir,
            int user) {
        boolean root = root();
        Path w = writable.toAbsolutePath().normalize();
        Path top = w.resolve(".sandbox-root");
        try {
            Files.createDirectories(top);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not make the sandbox's root in " + w, e);
        }
        StringBuilder sh = new StringBuilder(
                        "set -e; R=" + quoted(top) + "; mount -t tmpfs -o mode=0755 sandbox \"$R\"; ")
                .append("ro() { if [ -d \"$1\" ]; then mkdir -p \"$R$2\"; else mkdir -p \"$R$(dirname \"$2\")\";")
                .append(" : > \"$R$2\"; fi; mount --bind \"$1\" \"$R$2\"; mount -o remount,bind,ro \"$R$2\"; }; ")
                .append("mkdir -p \"$R/proc\" \"$R/dev\" \"$R/tmp\"; mount -t proc proc \"$R/proc\"; ")
                .append("mount -t tmpfs -o mode=1777,size=" + TMP_MB + "m tmp \"$R/tmp\"; ")
                .append("for d in null zero random urandom; do : > \"$R/dev/$d\";")
                .append(" mount --bind /dev/$d \"$R/dev/$d\"; done; ")
                .append("ro /usr /usr; ");
        for (String link : List.of("lib", "lib64", "bin", "sbin", "lib32")) {
            Path l = Path.of("/" + link);
            if (Files.isSymbolicLink(l)) {
                sh.append("ln -s usr/")
                        .append(link)
                        .append(" \"$R/")
                        .append(link)
                        .append("\"; ");
            } else if (Files.isDirectory(l)) {
                sh.append("ro /").append(link).append(" /").append(link).append("; ");
            }
        }
        Set<Path> shown = new LinkedHashSet<>(systemPaths());
        for (Path p : readOnly) {
            shown.add(p.toAbsolutePath().normalize());
        }
        for (Path p : shown) {
            if (!p.startsWith("/usr") && Files.exists(p)) {
                sh.append("ro ").append(quoted(p)).append(' ').append(quoted(p)).append("; ");
            }
        }
        sh.append("mkdir -p \"$R\"")
                .append(quoted(w))
                .append("; mount --bind ")
                .append(quoted(w))
                .append(" \"$R\"")
                .append(quoted(w))
                .append("; ");
        readOnlyInside.forEach((at, from) -> sh.append("ro ")
                .append(quoted(from))
                .append(' ')
                .append(quoted(at))
                .append("; "));
        // read-only as a mount, not as a file system: a user namespace (a grader that is not root) may not remount
        // the tmpfs itself
        sh.append("mount -o remount,bind,ro \"$R\"; ")
                .append("exec ")
                .append(CHROOT)
                .append(" \"$R\" ");
        List<String> drop = root
                ? dropTo(user)
                : List.of(SETPRIV, "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--");
        for (String d : drop) {
            sh.append(quoted(d)).append(' ');
        }
        sh.append("/bin/sh -c 'cd \"$0\" && exec \"$@\"' ")
                .append(quoted(workDir.toAbsolutePath()))
                .append(" \"$@\"");
        List<String> cmd = new ArrayList<>(List.of(
                SETPRIV,
                "--pdeathsig",
                "KILL",
                "--",
                program.toString(),
                "--pid",
                "--fork",
                "--kill-child",
                "--mount",
                "--propagation",
                "private",
                "--net",
                "--ipc",
                "--uts"));
        if (!root) {
            cmd.addAll(List.of("--user", "--map-root-user"));
        }
        cmd.addAll(List.of("--", "/bin/sh", "-c", sh.toString(), "sandbox"));
        cmd.addAll(command);
        return cmd;
    }

    /** A path or word as one single-quoted shell word. */
    private static String quoted(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }

    /**
     * With a user of its own per child ({@link Kind#CONTAINER}, {@link Kind#USER}): ends every process of the child's
     * user, so nothing it started (a {@code setsid} process its JVM no longer knows) survives it, whether or not it
     * had a PID namespace (which ends with its first process). Elsewhere this does nothing.
     */
    void endAll(int user) {
        if ((kind != Kind.CONTAINER && kind != Kind.USER) || user == 0) {
            return;
        }
        List<String> cmd = new ArrayList<>(dropTo(user));
        cmd.addAll(List.of("/bin/sh", "-c", "kill -KILL -1 2>/dev/null; exit 0"));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // nothing to end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
