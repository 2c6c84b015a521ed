package org.lstmlab.grade.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.lstmlab.grade.sandbox.child.ChildMain;

/**
 * What a child JVM may see, and what a submission is compiled against.
 *
 * <p>The child's class path is {@code sandbox-lib.jar} — the child's entry point and the records the
 * exercises' signatures name ({@code LstmParams}, {@code RnnParams}, {@code LstmStepGrads}) with
 * the library classes those refer to, nothing else of the library — and ND4J's jars, listed in
 * {@code sandbox-classpath.txt} (written by Maven into {@code target/}, and into {@code lib/} of the
 * Gradescope bundle) or given as {@code -Dlstmlab.sandbox.classpath}. No JUnit, no tests, no
 * solutions, no grader, not {@code LstmCell}: a class name assembled at run time for reflection finds
 * nothing there.
 *
 * <p>Submissions compile against {@code library-api.jar} (the whole library without the grader, the
 * CLI and the kernel) and ND4J, so a submission that names {@code LstmCell} compiles and is then told
 * by the rules that it may not.
 *
 * <p>A first run of the child that only loads classes writes a class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}); every child then maps it, which cuts its start-up. That needs the children's own
 * runtime ({@link ChildJdk}): on the JDK with {@code --limit-modules} the JVM shares no classes.
 *
 * @param java the java launcher
 * @param classpath the child's class path
 * @param compileClasspath the class path submissions compile against
 * @param records the records the exercises' signatures name, with dots
 * @param libraryClasses the library classes the child has: the records and what they use, with dots
 * @param archive the class-data archive, or null when none could be made
 * @param os the operating system's sandbox every child runs in ({@link OsSandbox#none} for none)
 */
public record ChildRuntime(
        Path java,
        String classpath,
        String compileClasspath,
        Set<String> records,
        Set<String> libraryClasses,
        Path archive,
        OsSandbox os) {

    /** Processes and threads one sandbox may have ({@code ulimit -u}): a JVM needs a few dozen. */
    static final int MAX_PROCESSES = 256;

    private static final String CHILD = "org/lstmlab/grade/sandbox/child/";
    private static final String COMPILER = "org/lstmlab/grade/sandbox/compiler/";
    private static final List<String> NOT_LIBRARY =
            List.of("org/lstmlab/grade/", "org/lstmlab/cli/", "org/lstmlab/kernel/", "org/lstmlab/exercises/");

    /**
     * Writes the child's and the compiler's jars under {@code work}; {@link #withArchive} adds the class-data archive.
     *
     * @param records the library records the exercises' signatures name, e.g. {@code org.lstmlab.nn.LstmParams}
     */
    public static ChildRuntime create(Path work, Collection<String> records) throws IOException {
        Files.createDirectories(work);
        Path self = codeSource();
        List<String> nd4j = sandboxJars(self);
        Set<String> closure = closure(self, records);
        Path lib = work.resolve("sandbox-lib.jar");
        Path api = work.resolve("library-api.jar");
        writeJar(self, lib, name -> name.startsWith(CHILD) || closure.contains(name.replaceAll("\\.class$", "")));
        writeJar(self, compilerJar(lib), name -> name.startsWith(COMPILER));
        writeJar(
                self,
                api,
                name -> name.startsWith("org/lstmlab/") && NOT_LIBRARY.stream().noneMatch(name::startsWith));
        List<String> cp = new ArrayList<>(List.of(lib.toString()));
        cp.addAll(nd4j);
        List<String> compile = new ArrayList<>(List.of(api.toString()));
        compile.addAll(nd4j);
        Set<String> dotted = new TreeSet<>();
        closure.forEach(c -> dotted.add(c.replace('/', '.')));
        Path cut = ChildJdk.java();
        ChildRuntime plain = new ChildRuntime(
                cut != null ? cut : jdkJava(),
                String.join(File.pathSeparator, cp),
                String.join(File.pathSeparator, compile),
                Collections.unmodifiableSet(new TreeSet<>(records)),
                Collections.unmodifiableSet(dotted),
                null,
                OsSandbox.none("not chosen yet"));
        lib.toFile().setReadOnly();
        api.toFile().setReadOnly();
        compilerJar(lib).toFile().setReadOnly();
        return plain;
    }

    /** The grader's JDK's {@code java}: the compiler's JVM runs on it (the children's runtime has no javac). */
    static Path jdkJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The sandboxed compiler's own jar, beside {@code sandbox-lib.jar}: its entry point alone. */
    static Path compilerJar(Path sandboxLib) {
        return sandboxLib.resolveSibling("compiler.jar");
    }

    /** The sandboxed compiler's jar of this runtime. */
    Path compilerJar() {
        return compilerJar(Path.of(classpath.split(File.pathSeparator)[0]));
    }

    /**
     * This runtime with children in {@code os}. For {@link OsSandbox.Kind#USER}, whose children read the jars at
     * their paths as users of their own, ND4J's jars are linked (or copied) beside {@code sandbox-lib.jar} first: the
     * grader's own folder (Gradescope's {@code /autograder/source}, with the hidden tests) is then closed to them.
     */
    public ChildRuntime withSandbox(OsSandbox os) throws IOException {
        if (os.kind() != OsSandbox.Kind.USER) {
            return new ChildRuntime(java, classpath, compileClasspath, records, libraryClasses, archive, os);
        }
        // a user of its own reads only what everyone may: the JDK, not the cut runtime in the grader's home
        Path here = Path.of(classpath.split(File.pathSeparator)[0]).getParent();
        Path jars = Files.createDirectories(here.resolve("jars"));
        Map<String, String> moved = new LinkedHashMap<>();
        for (String e : (classpath + File.pathSeparator + compileClasspath).split(File.pathSeparator)) {
            Path jar = Path.of(e).toAbsolutePath().normalize();
            if (jar.startsWith(here) || moved.containsKey(e)) {
                continue;
            }
            // the jar's own name: JavaCPP finds the natives the grader unpacked by it
            Path to = Files.createDirectories(jars.resolve(Integer.toString(moved.size())))
                    .resolve(jar.getFileName().toString());
            try {
                Files.createLink(to, jar);
            } catch (IOException | UnsupportedOperationException otherFileSystem) {
                Files.copy(jar, to);
            }
            moved.put(e, to.toString());
        }
        return new ChildRuntime(
                jdkJava(),
                relinked(classpath, moved),
                relinked(compileClasspath, moved),
                records,
                libraryClasses,
                archive,
                os);
    }

    private static String relinked(String path, Map<String, String> moved) {
        List<String> entries = new ArrayList<>();
        for (String e : path.split(File.pathSeparator)) {
            entries.add(moved.getOrDefault(e, e));
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The java command up to the main class, with the JVM options that enforce {@code limits}, inside the OS
     * sandbox when there is one.
     *
     * @param dir the child's job folder, with {@code work/} (its working directory) and {@code tmp/}
     * @param user the user a root grader's sandbox runs as
     */
    List<String> command(Limits limits, Path dir, int user) {
        Path tmp = dir.resolve("tmp");
        List<String> cmd = new ArrayList<>();
        boolean linux = System.getProperty("os.name").startsWith("Linux") && Files.isExecutable(Path.of("/bin/sh"));
        if (linux) {
            String ulimits = "ulimit -c 0 && ulimit -f " + limits.fileMb() * 2048L;
            if (limits.addressSpaceMb() > 0) {
                ulimits += " && ulimit -v " + limits.addressSpaceMb() * 1024L;
            }
            cmd.addAll(ulimited(os, ulimits));
        }
        cmd.addAll(List.of(
                java.toString(),
                "-XX:+DisableAttachMechanism",
                "-Xmx" + limits.heapMb() + "m",
                "-Xss1m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr", // the JVM's own warnings (a stale archive, say) never reach the answers
                "-XX:ErrorFile=" + tmp.resolve("hs_err.log"),
                "-XX:MaxMetaspaceSize=128m",
                "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=32m",
                "-Djava.io.tmpdir=" + tmp,
                "-Dorg.bytedeco.javacpp.maxbytes=" + limits.offHeapMb() + "m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + limits.physicalMb() + "m",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED"));
        if (!ChildJdk.isCut(java)) {
            cmd.addAll(cmd.indexOf("-XX:+DisableAttachMechanism") + 1, List.of("--limit-modules", CHILD_MODULES));
        }
        if (archive != null) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        Map<Path, Path> cache = new LinkedHashMap<>();
        if (os.isolated()) {
            // JavaCPP wants a cache folder it can write, so it gets one of its own in which the libraries the
            // grader unpacked are shown read-only; the links among them name the grader's cache, shown too
            cmd.add("-Duser.home=" + dir.resolve("work")); // a sandbox's user has no home of its own
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("cache"));
            try (Stream<Path> entries = Files.list(nativeCache())) {
                entries.filter(Files::isDirectory)
                        .sorted()
                        .forEach(e -> cache.put(
                                dir.resolve("cache").resolve(e.getFileName().toString()), e));
            } catch (IOException | UncheckedIOException noCache) {
                // the child unpacks what it needs, within its file limit
            }
        }
        cmd.addAll(List.of("-cp", classpath, ChildMain.class.getName()));
        return os.wrap(cmd, readable(), cache, dir, dir.resolve("work"), user);
    }

    /**
     * A shell that sets {@code ulimits} and then runs the command that follows it ({@code "$0" "$@"}), with a limit
     * on processes and threads ({@code ulimit -u}) where {@code os} counts the sandbox's processes alone (see
     * {@link OsSandbox#limitsItsOwnProcesses}) and bash is there (dash has no {@code -u}).
     */
    static List<String> ulimited(OsSandbox os, String ulimits) {
        boolean bash = Files.isExecutable(Path.of("/bin/bash"));
        if (bash && os.limitsItsOwnProcesses()) {
            ulimits += " && ulimit -u " + MAX_PROCESSES;
        }
        return List.of(bash ? "/bin/bash" : "/bin/sh", "-c", ulimits + " && exec \"$0\" \"$@\"");
    }

    /** The modules a child's runtime has: the platform's without {@code jdk.attach}, and what ND4J needs. */
    static final String CHILD_MODULES = "java.se,jdk.unsupported,jdk.zipfs";

    /** What a sandboxed child reads: its jars, its class-data archive and JavaCPP's unpacked native libraries. */
    List<Path> readable() {
        List<Path> r = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator)) {
            r.add(Path.of(e));
        }
        if (archive != null) {
            r.add(archive);
        }
        if (ChildJdk.isCut(java)) {
            r.add(java.getParent().getParent());
        }
        r.add(nativeCache());
        return r;
    }

    /** Where JavaCPP unpacks ND4J's native libraries: the grader unpacks them, children load them from there. */
    static Path nativeCache() {
        String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
    }

    /**
     * This runtime with a class-data archive written by one warm-up run, or unchanged if that fails or
     * the thread is interrupted (which stops the run). On the JDK with {@code --limit-modules} (no cut runtime; the
     * Gradescope and container routes) no child could map an archive, so no warm-up child is run for one.
     */
    public ChildRuntime withArchive(Path jsa) {
        if (!ChildJdk.isCut(java)) {
            return this;
        }
        Process p = null;
        try {
            Path dir = Files.createDirectories(jsa.resolveSibling("warm-up"));
            int user = ChildProcess.prepare(dir, os);
            Path written = dir.resolve("work").resolve(jsa.getFileName());
            List<String> cmd = new ArrayList<>(command(Limits.defaults(), dir, user));
            cmd.add(cmd.lastIndexOf("-cp"), "-XX:ArchiveClassesAtExit=" + written);
            cmd.add("--warm-up");
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            if (done && p.exitValue() == 0 && Files.size(written) > 0) {
                Files.copy(written, jsa, StandardCopyOption.REPLACE_EXISTING);
                jsa.toFile().setReadOnly();
                return new ChildRuntime(java, classpath, compileClasspath, records, libraryClasses, jsa, os);
            }
            return this;
        } catch (IOException | RuntimeException e) {
            return this;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return this;
        }
    }

    /** Where the grader's classes are: {@code target/classes}, or the library jar. */
    static Path codeSource() {
        try {
            return Path.of(ChildRuntime.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the grader's classes", e);
        }
    }

    /** The file that lists ND4J's jars next to the grader's classes. */
    public static Path sandboxClasspathFile() {
        return codeSource().resolveSibling("sandbox-classpath.txt"); // target/ beside classes/, or lib/
    }

    /** ND4J's jars a child loads, as absolute paths (what {@code sandbox-classpath.txt} lists). */
    public static List<String> sandboxJarPaths() throws IOException {
        return sandboxJars(codeSource());
    }

    private static List<String> sandboxJars(Path self) throws IOException {
        String explicit = System.getProperty("lstmlab.sandbox.classpath");
        String listed;
        if (explicit != null && !explicit.isBlank()) {
            listed = explicit;
        } else {
            Path file = sandboxClasspathFile();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("cannot find ND4J's jars for the sandbox: " + file
                        + " is missing (Maven writes it: run ./lab grade, or pass -Dlstmlab.sandbox.classpath)");
            }
            listed = Files.readString(file).trim();
        }
        List<String> jars = new ArrayList<>();
        for (String e : listed.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                jars.add(self.resolveSibling(e.trim()).toString()); // absolute entries stay as they are
            }
        }
        return jars;
    }

    /** The records and every library class they name, transitively, as internal names. */
    private static Set<String> closure(Path self, Collection<String> records) throws IOException {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        records.forEach(r -> todo.add(r.replace('.', '/')));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            if (NOT_LIBRARY.stream().anyMatch(name::startsWith)) {
                throw new IllegalStateException(name.replace('/', '.') + " is not a library class, but an exercise"
                        + " signature needs it in the sandbox: " + records);
            }
            byte[] bytes = read(self, name + ".class");
            if (bytes == null) {
                throw new IllegalStateException("no class " + name.replace('/', '.') + " in " + self);
            }
            for (String ref : ClassFile.read(bytes).references()) {
                if (ref.startsWith("org/lstmlab/")) {
                    todo.add(ref);
                }
            }
        }
        return seen;
    }

    private static byte[] read(Path self, String entry) throws IOException {
        if (Files.isDirectory(self)) {
            Path p = self.resolve(entry);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }
        try (JarFile jar = new JarFile(self.toFile())) {
            JarEntry e = jar.getJarEntry(entry);
            if (e == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    private static void writeJar(Path self, Path jar, Predicate<String> keep) throws IOException {
        Files.deleteIfExists(jar);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(self)) {
                try (Stream<Path> walk = Files.walk(self)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = self.relativize(p).toString().replace('\\', '/');
                        if (keep.test(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(p, out);
                            out.closeEntry();
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(self.toFile())) {
                    for (JarEntry e : in.stream().toList()) {
                        if (!e.isDirectory() && keep.test(e.getName())) {
                            out.putNextEntry(new JarEntry(e.getName()));
                            try (InputStream s = in.getInputStream(e)) {
                                s.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
