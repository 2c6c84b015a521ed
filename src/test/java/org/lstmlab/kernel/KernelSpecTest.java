package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.sandbox.ChildJdk;

class KernelSpecTest {

    @Test
    void theKernelspecStartsKernelMainOnTheKernelJarThenTheLibraryClasspath() {
        String json = KernelSpec.json("/jdk/bin/java", 17, "/k/kernel.jar", List.of("/lib/classes", "/lib/nd4j.jar"));
        assertTrue(
                json.contains("\"argv\": [" + launcher()
                        + "\"/jdk/bin/java\", \"-Djava.awt.headless=true\", \"-javaagent:/k/kernel.jar\","
                        + " \"-XX:+DisableAttachMechanism\", "
                        + memoryOptions() + ", \"-cp\", "
                        + "\"/k/kernel.jar" + java.io.File.pathSeparator + "/lib/classes"
                        + java.io.File.pathSeparator
                        + "/lib/nd4j.jar\", \"org.lstmlab.kernel.KernelMain\", \"{connection_file}\"]"),
                json);
        assertTrue(json.contains("\"display_name\": \"Java (LSTM Lab)\""));
        assertTrue(json.contains("\"language\": \"java\""));
        assertTrue(json.contains("\"interrupt_mode\": \"message\""));
        assertTrue(json.contains("\"env\": {\"OMP_NUM_THREADS\": \"1\", \"MALLOC_ARENA_MAX\": \"2\"}"), json);
    }

    /** The shell that chooses OpenBLAS's kernels before it becomes the JVM, on systems with a /bin/sh. */
    private static String launcher() {
        if (java.io.File.separatorChar != '/') return "";
        return "\"/bin/sh\", \"-c\", " + KernelSpec.quote(KernelSpec.BLAS_CORE_LAUNCHER) + ", \"lstm-lab-kernel\", ";
    }

    @Test
    void theLauncherChoosesOpenBlasAvx512KernelsOnlyWhereTheProcessorHasAvx512(@TempDir Path dir) throws Exception {
        String zen5 =
                "processor\t: 0\nflags\t\t: fpu sse2 avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16\n";
        String avx2Only = "processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n";
        String avx512fOnly = "processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512cd\n"; // Xeon Phi: no BW, DQ, VL
        assertEquals("SkylakeX", coreTypeSeenByTheKernel(dir, zen5, null));
        assertEquals("", coreTypeSeenByTheKernel(dir, avx2Only, null));
        assertEquals("", coreTypeSeenByTheKernel(dir, avx512fOnly, null));
        assertEquals("Haswell", coreTypeSeenByTheKernel(dir, zen5, "Haswell"), "a value the user set is kept");
        assertEquals("", coreTypeSeenByTheKernel(dir, null, null), "no /proc/cpuinfo (macOS): OpenBLAS chooses");
    }

    /** What OPENBLAS_CORETYPE the command after the launcher sees, given a cpuinfo text (null: no such file). */
    private static String coreTypeSeenByTheKernel(Path dir, String cpuinfo, String preset) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path file = dir.resolve("cpuinfo");
        Files.deleteIfExists(file);
        if (cpuinfo != null) Files.writeString(file, cpuinfo);
        ProcessBuilder pb = new ProcessBuilder(
                "/bin/sh",
                "-c",
                KernelSpec.BLAS_CORE_LAUNCHER,
                "lstm-lab-kernel",
                "/bin/sh",
                "-c",
                "printf '%s' \"${OPENBLAS_CORETYPE:-}\"");
        pb.environment().put("LSTMLAB_CPUINFO", file.toString());
        pb.environment().remove("OPENBLAS_CORETYPE");
        if (preset != null) pb.environment().put("OPENBLAS_CORETYPE", preset);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String memoryOptions() {
        return String.join(
                ", ", KernelSpec.MEMORY_OPTIONS.stream().map(KernelSpec::quote).toList());
    }

    @Test
    void newerJdksGetNativeAccessWithoutWarnings() {
        assertFalse(KernelSpec.json("java", 17, "k.jar", List.of()).contains("--enable-native-access"));
        assertTrue(KernelSpec.json("java", 25, "k.jar", List.of()).contains("--enable-native-access=ALL-UNNAMED"));
    }

    @Test
    void aJdkOlderThan17IsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KernelSpec.json("java", 11, "k.jar", List.of()));
        assertEquals("the kernel needs Java 17 or newer but got Java 11", e.getMessage());
    }

    @Test
    void pathsAreJsonEscaped() {
        assertEquals("\"C:\\\\jdk\\\\\\\"x\\\"\"", KernelSpec.quote("C:\\jdk\\\"x\""));
    }

    @Test
    void theKernelspecsNameIsItsFolderAndAnotherNameIsShownInTheMenus(@TempDir Path data) throws Exception {
        Path ours = KernelSpec.write(data.resolve("kernels/lstm-lab"), "java", 17, "k.jar", List.of());
        Path asJava = KernelSpec.write(data.resolve("kernels/java"), "java", 17, "k.jar", List.of());
        assertTrue(Files.readString(ours).contains("\"display_name\": \"Java (LSTM Lab)\""));
        assertTrue(Files.readString(asJava).contains("\"display_name\": \"Java (LSTM Lab) as java\""));
        assertTrue(KernelSpec.isOurs(asJava));
    }

    @Test
    void anotherKernelsKernelspecIsNotOurs(@TempDir Path data) throws Exception {
        Path ijava = Files.writeString(
                data.resolve("kernel.json"),
                "{\"argv\": [\"java\", \"-jar\", \"/usr/share/jupyter/kernels/java/ijava-1.3.0.jar\","
                        + " \"{connection_file}\"], \"display_name\": \"Java\", \"language\": \"java\"}");
        assertFalse(KernelSpec.isOurs(ijava));
    }

    @Test
    void theInstalledKernelspecNamesTheGradersOwnRuntimeWhenItIsWholeAndOnlyThen(@TempDir Path tmp) throws Exception {
        Path runtime = tmp.resolve("child-jdk");
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        assertEquals(null, ChildJdk.home(runtime.toString()), "not whole yet: no ready file");
        assertEquals(null, ChildJdk.home(null));
        assertEquals(null, ChildJdk.home(tmp.resolve("gone").toString()));
        Files.writeString(runtime.resolve("lstm-lab-ready"), "/jdk\n"); // as ./lab's child_jdk does when done
        assertEquals(runtime.toString(), ChildJdk.home(runtime.toString()));

        Path with = KernelSpec.write(
                tmp.resolve("a/kernels/lstm-lab"), "java", 17, "k.jar", List.of(), ChildJdk.home(runtime.toString()));
        var env = com.google.gson.JsonParser.parseString(Files.readString(with))
                .getAsJsonObject()
                .getAsJsonObject("env");
        assertEquals(runtime.toString(), env.get("LSTMLAB_CHILD_JDK").getAsString(), env.toString());
        assertEquals("1", env.get("OMP_NUM_THREADS").getAsString());

        Path without = KernelSpec.write(tmp.resolve("b/kernels/lstm-lab"), "java", 17, "k.jar", List.of());
        var plain = com.google.gson.JsonParser.parseString(Files.readString(without))
                .getAsJsonObject()
                .getAsJsonObject("env");
        assertFalse(plain.has("LSTMLAB_CHILD_JDK"), plain.toString());
    }
}
