package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativePlatformTest {

    @Test
    void theJvmsNamesBecomeJavaCppsPlatformNames() {
        assertEquals("linux-x86_64", NativePlatform.of("Linux", "amd64"));
        assertEquals("linux-arm64", NativePlatform.of("Linux", "aarch64"));
        assertEquals("macosx-x86_64", NativePlatform.of("Mac OS X", "x86_64"));
        assertEquals("macosx-arm64", NativePlatform.of("Mac OS X", "aarch64"));
        assertEquals("windows-x86_64", NativePlatform.of("Windows 11", "amd64"));
        assertEquals("linux-riscv64", NativePlatform.of("Linux", "riscv64"));
    }

    @Test
    void theJarsOfThisMachinesPlatformAreTakenSorted(@TempDir Path natives) throws Exception {
        Path folder = Files.createDirectories(natives.resolve("macosx-arm64"));
        Files.writeString(folder.resolve("openblas-0.3.19-1.5.7-macosx-arm64.jar"), "");
        Files.writeString(folder.resolve("javacpp-1.5.7-macosx-arm64.jar"), "");
        Files.createDirectories(natives.resolve("linux-x86_64"));
        List<Path> jars = NativePlatform.jars(natives, "macosx-arm64");
        assertEquals(
                List.of("javacpp-1.5.7-macosx-arm64.jar", "openblas-0.3.19-1.5.7-macosx-arm64.jar"),
                jars.stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aPlatformTheEditionDoesNotCarryFailsNamingTheOnesItDoes(@TempDir Path natives) throws Exception {
        Files.createDirectories(natives.resolve("linux-x86_64"));
        Files.createDirectories(natives.resolve("macosx-arm64"));
        String message = assertThrows(IllegalStateException.class, () -> NativePlatform.jars(natives, "linux-riscv64"))
                .getMessage();
        assertTrue(
                message.startsWith("this student edition carries ND4J's native libraries for linux-x86_64,"
                        + " macosx-arm64, but this machine is linux-riscv64"),
                message);
        String windows = assertThrows(IllegalStateException.class, () -> NativePlatform.jars(natives, "windows-x86_64"))
                .getMessage();
        assertTrue(windows.endsWith("on Windows, open the course in WSL (Ubuntu), which is Linux"), windows);
    }
}
