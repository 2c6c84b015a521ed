package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec bounds one student's kernel: heap, collector, compiler, ND4J's off-heap memory, malloc arenas. */
class KernelSpecMemoryTest {

    @Test
    void theKernelspecBoundsTheHeapAndNd4jsOffHeapMemory() {
        String json = KernelSpec.json("/jdk/bin/java", 17, "/k/kernel.jar", List.of("/lib/nd4j.jar"));
        for (String option : List.of(
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=128m",
                "-Dorg.bytedeco.javacpp.maxbytes=128m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=")) {
            assertTrue(json.contains("\"" + option), option + " is missing from " + json);
        }
        assertTrue(json.indexOf("-Xmx128m") < json.indexOf("\"-cp\""), "JVM options come before -cp: " + json);
        assertTrue(json.contains("\"MALLOC_ARENA_MAX\": \"2\""), json);
    }

    @Test
    void theResidentCeilingHoldsTheHeapAndTheCourseAndStaysWithinTheStudentsMemoryLimit() {
        long heap = megabytes("-Xmx");
        long physical = megabytes("-Dorg.bytedeco.javacpp.maxphysicalbytes=");
        assertTrue(
                physical >= heap + 400,
                "the resident ceiling " + physical + " MB must hold the heap " + heap
                        + " MB and the course's heaviest run (notebook 07 in full, about 400 MB): above the ceiling"
                        + " JavaCPP collects garbage and waits at every allocation");
        assertTrue(
                physical + 70 + 250 <= 1024,
                "the resident ceiling " + physical + " MB plus the mapped libraries (about 70 MB) and Jupyter with a"
                        + " check's grader (about 250 MB) is above the 1 GB limit docs/instructors.md gives a student");
    }

    @Test
    void bothJitTiersStaySoTheFusedPathIsVectorised() {
        String json = KernelSpec.json("/jdk/bin/java", 17, "/k/kernel.jar", List.of("/lib/nd4j.jar"));
        assertFalse(json.contains("TieredStopAtLevel"), json);
    }

    @Test
    void aClasspathFileOfRelativeNamesNamesJarsBesideIt(@TempDir Path tmp) throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path kernelJar = Files.writeString(lib.resolve("kernel.jar"), "");
        Files.writeString(lib.resolve("classpath.txt"), "lstm-lab.jar" + File.pathSeparator + "nd4j.jar\n");
        Path spec = tmp.resolve("kernels/lstm-lab");
        KernelSpec.main(new String[] {
            spec.toString(), kernelJar.toString(), lib.resolve("classpath.txt").toString()
        });
        String json = Files.readString(spec.resolve("kernel.json"));
        String cp = KernelSpec.quote(kernelJar
                + File.pathSeparator
                + (Files.isDirectory(Path.of("target/classes"))
                        ? Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                        : "")
                + lib.resolve("lstm-lab.jar")
                + File.pathSeparator
                + lib.resolve("nd4j.jar"));
        assertTrue(json.contains("\"-cp\", " + cp), json);
        assertEquals(1, json.split("nd4j.jar", -1).length - 1, json);
    }

    private static long megabytes(String prefix) {
        String option = KernelSpec.MEMORY_OPTIONS.stream()
                .filter(o -> o.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + KernelSpec.MEMORY_OPTIONS));
        String value = option.substring(prefix.length());
        assertTrue(value.endsWith("m"), option + " should be in megabytes");
        return Long.parseLong(value.substring(0, value.length() - 1));
    }
}
