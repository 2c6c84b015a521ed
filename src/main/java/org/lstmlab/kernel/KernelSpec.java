package org.lstmlab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lstmlab.grade.sandbox.ChildJdk;

/**
 * Writes the Jupyter kernelspec of the course kernel: name {@code lstm-lab}, display name
 * "Java (LSTM Lab)", message-mode interrupts, and an argv that starts {@link KernelMain} on the
 * kernel jar plus the library's classpath. {@code ./lab kernel install} runs
 * {@code java org.lstmlab.kernel.KernelSpec DIR KERNEL_JAR CLASSPATH_FILE}, DIR being
 * {@code .../kernels/NAME}.
 *
 * <p>The kernelspec's name is its folder's name. Notebooks record it ({@code metadata.kernelspec.name})
 * and Jupyter opens them on the kernel of that name, so installing this kernel as {@code java}
 * ({@code ./lab kernel install --name java}) opens notebooks written for IJava here, unedited.
 */
public final class KernelSpec {

    /** The kernelspec's name, as notebooks record it in their metadata. */
    public static final String NAME = "lstm-lab";
    /** The name Jupyter shows in its kernel menus. */
    public static final String DISPLAY_NAME = "Java (LSTM Lab)";

    /**
     * One student's kernel within a few hundred MB resident, so a JupyterHub node holds many (docs/instructors.md, "Running
     * the course for a class", has the measurements): a 128 MB heap for JShell and the wrappers of ND4J's arrays
     * (about 80 MB stay live; a small heap is also collected often, which frees the native memory of arrays
     * nothing refers to), the serial collector (no per-core GC structures), and ND4J's off-heap memory bounded
     * by JavaCPP: past {@code maxphysicalbytes} of the process's resident memory it collects garbage, then fails
     * the allocation with an OutOfMemoryError that the cell shows, before a hub's memory limit kills the kernel.
     * The ceiling sits well above what the course needs (notebook 07 in full peaks near 400 MB): JavaCPP
     * collects and waits at every allocation above it, so a ceiling the course reaches makes training crawl.
     * Both JIT tiers stay: the fused path's gate loops are vectorised by C2, and C1 alone trains notebook 07
     * several times slower.
     */
    static final List<String> MEMORY_OPTIONS = List.of(
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Dorg.bytedeco.javacpp.maxbytes=128m",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=640m");

    /**
     * The POSIX shell line the kernel starts through on Linux and macOS: it chooses OpenBLAS's AVX-512 kernels
     * ({@code OPENBLAS_CORETYPE=SkylakeX}) where the processor has the AVX-512 subsets they are built for, then
     * becomes the JVM ({@code exec}, same process id, so Jupyter's signals reach it). ND4J 1.0.0-M2.1 ships
     * OpenBLAS 0.3.19, which does not know AMD's newest processors and runs its AVX2 kernels on them: the GEMMs
     * of the fused LSTM at half speed (docs/performance.md). A value the user set is kept; a machine without
     * AVX-512 gets OpenBLAS's own choice. The check runs at every kernel start, on the machine the kernel runs
     * on, so a kernelspec built into an image is right on any host. {@code ./lab} makes the same choice for the
     * JVMs it starts ({@code openblas_coretype}).
     */
    static final String BLAS_CORE_LAUNCHER =
            "flags=$(grep -m1 '^flags' \"${LSTMLAB_CPUINFO:-/proc/cpuinfo}\" 2>/dev/null); "
                    + "for f in avx512f avx512cd avx512bw avx512dq avx512vl; do "
                    + "case \" $flags \" in *\" $f \"*) ;; *) flags=; break ;; esac; done; "
                    + "if [ -n \"$flags\" ] && [ -z \"${OPENBLAS_CORETYPE:-}\" ]; then export OPENBLAS_CORETYPE=SkylakeX; fi; "
                    + "exec \"$@\"";

    private KernelSpec() {}

    /**
     * The kernel.json text.
     *
     * @param java absolute path of the {@code java} launcher the kernel runs on
     * @param javaFeature that JVM's feature version (17, 25, ...), which decides the JVM options
     * @param kernelJar the shaded kernel jar
     * @param notebookClasspath the library's classes and dependencies, in order
     * @return kernel.json as JSON text
     */
    public static String json(String java, int javaFeature, String kernelJar, List<String> notebookClasspath) {
        return json(java, javaFeature, kernelJar, notebookClasspath, DISPLAY_NAME);
    }

    /**
     * The kernel.json text with another display name.
     *
     * @param displayName what Jupyter's menus show
     */
    public static String json(
            String java, int javaFeature, String kernelJar, List<String> notebookClasspath, String displayName) {
        return json(java, javaFeature, kernelJar, notebookClasspath, displayName, null);
    }

    /**
     * The kernel.json text whose kernel grades a notebook's checks on the graders' own Java runtime: a
     * {@code check()} in the notebook then starts its child on it, with class-data sharing, rather than on the JDK
     * with {@code --limit-modules} (about half a CPU second more per check); a runtime removed later is passed over by
     * the grader, which then uses the JDK.
     *
     * @param childJdk that runtime's folder when {@code ./lab} made it whole ({@link ChildJdk#home}), or null for none
     */
    static String json(
            String java,
            int javaFeature,
            String kernelJar,
            List<String> notebookClasspath,
            String displayName,
            String childJdk) {
        if (javaFeature < 17) {
            throw new IllegalArgumentException("the kernel needs Java 17 or newer but got Java " + javaFeature);
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(kernelJar);
        classpath.addAll(notebookClasspath);
        List<String> argv = new ArrayList<>();
        if (File.separatorChar == '/') {
            argv.addAll(List.of("/bin/sh", "-c", BLAS_CORE_LAUNCHER, "lstm-lab-kernel")); // "$0", then "$@" = java …
        }
        argv.add(java);
        argv.add("-Djava.awt.headless=true");
        argv.add("-javaagent:" + kernelJar); // stop checks in the library's loops too (StopCheckAgent)
        argv.add("-XX:+DisableAttachMechanism"); // check() grades here: no other process loads an agent into it
        argv.addAll(MEMORY_OPTIONS);
        if (javaFeature >= 22) {
            argv.add("--enable-native-access=ALL-UNNAMED"); // ND4J's natives, without a warning per cell
        }
        if (javaFeature >= 24) {
            argv.add("--sun-misc-unsafe-memory-access=allow");
        }
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classpath));
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");
        StringBuilder json = new StringBuilder("{\n  \"argv\": [");
        for (int k = 0; k < argv.size(); k++) {
            json.append(k == 0 ? "" : ", ").append(quote(argv.get(k)));
        }
        json.append("],\n  \"display_name\": ")
                .append(quote(displayName))
                .append(",\n  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n")
                // ND4J's OpenMP threads spin-wait; on a 2-core laptop or a shared lab machine the course's small
                // arrays train several times faster on one thread (PERFORMANCE.md).
                // glibc's malloc keeps an arena per thread; two are enough for one student's kernel and save ~100 MB.
                .append("  \"env\": {\"OMP_NUM_THREADS\": \"1\", \"MALLOC_ARENA_MAX\": \"2\"")
                .append(childJdk == null ? "" : ", \"LSTMLAB_CHILD_JDK\": " + quote(childJdk))
                .append("},\n")
                .append("  \"metadata\": {}\n}\n");
        return json.toString();
    }

    /**
     * The display name of the kernel installed under a kernelspec name: "Java (LSTM Lab)" for
     * {@value #NAME}, "Java (LSTM Lab) as NAME" for another, so both can be told apart in the menus.
     */
    public static String displayName(String name) {
        return name.equals(NAME) ? DISPLAY_NAME : DISPLAY_NAME + " as " + name;
    }

    /**
     * Whether a kernel.json starts this kernel (and may be overwritten by it).
     *
     * @param kernelJson an existing kernelspec's kernel.json
     */
    public static boolean isOurs(Path kernelJson) throws IOException {
        return Files.readString(kernelJson).contains("\"" + KernelMain.class.getName() + "\"");
    }

    /**
     * Writes kernel.json into a folder, the kernelspec's name being the folder's name.
     *
     * @param folder the kernelspec folder (created when missing)
     * @return the kernel.json file
     */
    public static Path write(
            Path folder, String java, int javaFeature, String kernelJar, List<String> notebookClasspath)
            throws IOException {
        return write(folder, java, javaFeature, kernelJar, notebookClasspath, null);
    }

    /**
     * Writes kernel.json into a folder, its kernel grading checks on the graders' own Java runtime.
     *
     * @param childJdk that runtime's folder when {@code ./lab} made it whole ({@link ChildJdk#home}), or null for none
     */
    static Path write(
            Path folder,
            String java,
            int javaFeature,
            String kernelJar,
            List<String> notebookClasspath,
            String childJdk)
            throws IOException {
        Files.createDirectories(folder);
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        return Files.writeString(
                folder.resolve("kernel.json"),
                json(java, javaFeature, kernelJar, notebookClasspath, displayName(name), childJdk));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * {@code KernelSpec FOLDER KERNEL_JAR CLASSPATH_FILE [--force]}: writes kernel.json for the running
     * JVM; refuses (exit 3) to overwrite another kernel's kernelspec without {@code --force}.
     */
    public static void main(String[] args) throws IOException {
        boolean force = args.length == 4 && args[3].equals("--force");
        if (args.length != 3 && !force) {
            System.err.println(
                    "usage: KernelSpec FOLDER KERNEL_JAR CLASSPATH_FILE [--force] (got " + args.length + " arguments)");
            System.exit(2);
        }
        Path existing = Path.of(args[0], "kernel.json");
        if (!force && Files.isRegularFile(existing) && !isOurs(existing)) {
            System.err.println("lab: " + existing + " belongs to another kernel (for example IJava); remove it first"
                    + " (jupyter kernelspec remove " + Path.of(args[0]).getFileName()
                    + ") or add --force to replace it");
            System.exit(3);
        }
        Path kernelJar = Path.of(args[1]).toAbsolutePath();
        if (!Files.isRegularFile(kernelJar)) {
            throw new IllegalArgumentException("kernel jar " + kernelJar + " does not exist; build with ./lab start");
        }
        List<String> classpath = new ArrayList<>();
        Path classes = Path.of("target", "classes").toAbsolutePath();
        if (Files.isDirectory(classes)) { // in the repository; a course image lists the library's jar instead
            classpath.add(classes.toString());
        }
        Path classpathFile = Path.of(args[2]).toAbsolutePath();
        for (String entry : Files.readString(classpathFile).strip().split(File.pathSeparator)) {
            if (!entry.isEmpty()) { // a relative entry names a jar beside the classpath file
                classpath.add(classpathFile.resolveSibling(entry).toString());
            }
        }
        Path natives = classpathFile.resolveSibling("natives"); // a student edition's, by platform
        if (Files.isDirectory(natives)) {
            try {
                NativePlatform.jars(natives, NativePlatform.current()).forEach(jar -> classpath.add(jar.toString()));
            } catch (IllegalStateException e) {
                System.err.println("lab: " + e.getMessage());
                System.exit(4);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path file = write(
                Path.of(args[0]),
                java,
                Runtime.version().feature(),
                kernelJar.toString(),
                classpath,
                ChildJdk.home(System.getenv("LSTMLAB_CHILD_JDK")));
        System.out.println(file);
    }
}
