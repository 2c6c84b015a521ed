package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shaded kernel jar carries its libraries only under relocated names. */
class KernelJarIT {

    @Test
    void everyClassInTheKernelJarIsTheKernelsOrRelocatedUnderIt() throws Exception {
        Path jar = Path.of(System.getProperty("lab.kernelJar", "target/lstm-lab-0.1.0-SNAPSHOT-kernel.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = file.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.endsWith(".class"))
                    .collect(Collectors.toList());
            List<String> outside = classes.stream()
                    .filter(n -> !n.startsWith("org/lstmlab/kernel/"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), outside, "classes outside org/lstmlab/kernel/");
            for (String relocated : List.of("gson", "zeromq", "zmq", "asm", "slf4j", "jjava")) {
                assertTrue(
                        classes.stream().anyMatch(n -> n.startsWith("org/lstmlab/kernel/shaded/" + relocated + "/")),
                        relocated + " is relocated into the jar");
            }
            assertTrue(
                    classes.stream().noneMatch(n -> n.startsWith("org/lstmlab/nn/")),
                    "the library stays out of the kernel jar");
        }
    }
}
