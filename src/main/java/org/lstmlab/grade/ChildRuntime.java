package org.lstmlab.grade;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What the child JVM may see: a jar of the library without the grader (only its small child entry
 * point), the CLI or the kernel, plus the library's runtime dependencies — no tests, no JUnit, no
 * solutions. Dependencies come from {@code -Dlstmlab.classpath}, else {@code target/runtime-classpath.txt}
 * next to the compiled classes (written by Maven), else the jars beside the grader's own jar.
 *
 * <p>A first run of the child that only loads classes writes a class-data-sharing archive
 * ({@code -XX:ArchiveClassesAtExit}); every child then maps it, which cuts a quarter of its start-up.
 *
 * @param java      the java launcher
 * @param classpath the child's class path, also the compile class path of submissions
 * @param archive   the class-data archive, or null when none could be made
 */
record ChildRuntime(Path java, String classpath, Path archive) {

    private static final String[] HIDDEN = {"org/lstmlab/grade/", "org/lstmlab/cli/", "org/lstmlab/kernel/"};
    private static final String CHILD = "org/lstmlab/grade/child/";

    /** Builds the child's jar under {@code work} and resolves its class path. */
    static ChildRuntime create(Path work) throws IOException {
        Path self = codeSource();
        List<String> deps = dependencies(self);
        Path jar = work.resolve("lstm-lab-child.jar");
        writeFilteredJar(self, jar);
        List<String> cp = new ArrayList<>();
        cp.add(jar.toString());
        cp.addAll(deps);
        ChildRuntime plain = new ChildRuntime(
                Path.of(System.getProperty("java.home"), "bin", "java"), String.join(File.pathSeparator, cp), null);
        return plain.withArchive(work.resolve("child.jsa"));
    }

    /** The java command up to the main class: the limits of {@code limits}, the class path, the archive. */
    List<String> command(Limits limits) {
        List<String> cmd = new ArrayList<>();
        if (limits.addressSpaceMb() > 0
                && Files.isExecutable(Path.of("/bin/sh"))
                && System.getProperty("os.name").startsWith("Linux")) {
            cmd.addAll(List.of(
                    "/bin/sh", "-c", "ulimit -v " + limits.addressSpaceMb() * 1024L + " && exec \"$0\" \"$@\""));
        }
        cmd.addAll(List.of(
                java.toString(),
                "-Xmx" + limits.heapMb() + "m",
                "-Xss1m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=32m",
                "-Dorg.bytedeco.javacpp.maxbytes=" + limits.offHeapMb() + "m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + limits.physicalMb() + "m",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED"));
        if (archive != null) cmd.add("-XX:SharedArchiveFile=" + archive);
        cmd.addAll(List.of("-cp", classpath));
        return cmd;
    }

    /** This runtime with a class-data archive written by one warm-up run, or unchanged if that fails. */
    private ChildRuntime withArchive(Path jsa) {
        try {
            List<String> cmd = new ArrayList<>(command(Limits.defaults()));
            cmd.add(cmd.indexOf("-cp"), "-XX:ArchiveClassesAtExit=" + jsa);
            cmd.addAll(List.of(org.lstmlab.grade.child.ChildMain.class.getName(), "--warm-up"));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) p.destroyForcibly();
            return done && p.exitValue() == 0 && Files.size(jsa) > 0 ? new ChildRuntime(java, classpath, jsa) : this;
        } catch (IOException | RuntimeException e) {
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return this;
        }
    }

    static Path codeSource() {
        try {
            return Path.of(Grader.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the grader's classes", e);
        }
    }

    private static List<String> dependencies(Path self) throws IOException {
        String explicit = System.getProperty("lstmlab.classpath");
        List<String> entries = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            entries.addAll(List.of(explicit.split(File.pathSeparator)));
        } else if (Files.isDirectory(self) && Files.exists(self.resolveSibling("runtime-classpath.txt"))) {
            entries.addAll(List.of(Files.readString(self.resolveSibling("runtime-classpath.txt"))
                    .trim()
                    .split(File.pathSeparator)));
        } else if (Files.isRegularFile(self)) {
            try (Stream<Path> jars = Files.list(self.getParent())) {
                jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(self))
                        .sorted()
                        .forEach(p -> entries.add(p.toString()));
            }
        } else {
            throw new IllegalStateException("cannot find the library's dependencies: run ./lab grade (it writes "
                    + self.resolveSibling("runtime-classpath.txt") + ") or pass -Dlstmlab.classpath");
        }
        List<String> kept = new ArrayList<>();
        for (String e : entries) {
            String name = Path.of(e).getFileName().toString();
            boolean test = name.startsWith("junit")
                    || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian")
                    || name.contains("surefire")
                    || e.contains("test-classes")
                    || Path.of(e).equals(self);
            if (!e.isBlank() && !test) kept.add(e);
        }
        return kept;
    }

    private static boolean hidden(String entry) {
        if (entry.startsWith(CHILD)) return false;
        for (String h : HIDDEN) if (entry.startsWith(h)) return true;
        return false;
    }

    private static void writeFilteredJar(Path self, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(self)) {
                try (Stream<Path> walk = Files.walk(self)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = self.relativize(p).toString().replace('\\', '/');
                        if (hidden(name)) continue;
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(p, out);
                        out.closeEntry();
                    }
                }
            } else {
                try (JarFile in = new JarFile(self.toFile())) {
                    for (JarEntry e : in.stream().toList()) {
                        if (e.isDirectory()
                                || hidden(e.getName())
                                || e.getName().startsWith("META-INF/")) continue;
                        out.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream s = in.getInputStream(e)) {
                            s.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
    }
}
