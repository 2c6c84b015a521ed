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
 * @param java      the java launcher
 * @param classpath the child's class path, also the compile class path of submissions
 */
record ChildRuntime(Path java, String classpath) {

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
        return new ChildRuntime(Path.of(System.getProperty("java.home"), "bin", "java"), String.join(File.pathSeparator, cp));
    }

    static Path codeSource() {
        try {
            return Path.of(Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
            entries.addAll(List.of(Files.readString(self.resolveSibling("runtime-classpath.txt")).trim().split(File.pathSeparator)));
        } else if (Files.isRegularFile(self)) {
            try (Stream<Path> jars = Files.list(self.getParent())) {
                jars.filter(p -> p.toString().endsWith(".jar") && !p.equals(self)).sorted().forEach(p -> entries.add(p.toString()));
            }
        } else {
            throw new IllegalStateException("cannot find the library's dependencies: run ./lab grade (it writes "
                    + self.resolveSibling("runtime-classpath.txt") + ") or pass -Dlstmlab.classpath");
        }
        List<String> kept = new ArrayList<>();
        for (String e : entries) {
            String name = Path.of(e).getFileName().toString();
            boolean test = name.startsWith("junit") || name.startsWith("opentest4j") || name.startsWith("apiguardian")
                    || name.contains("surefire") || e.contains("test-classes") || Path.of(e).equals(self);
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
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
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
                        if (e.isDirectory() || hidden(e.getName()) || e.getName().startsWith("META-INF/")) continue;
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
