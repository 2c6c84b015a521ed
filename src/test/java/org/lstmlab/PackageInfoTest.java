package org.lstmlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package opens with a paragraph of what it is for and what it may use (STYLE.md, after oracle/tribuo). */
class PackageInfoTest {

    @Test
    void everyPackageHasAPackageInfoSayingWhatItIsForAndWhatItMayUse() throws IOException {
        Path main = Path.of("src", "main", "java", "org", "lstmlab");
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(main)) {
            packages = dirs.filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsJava)
                    .toList();
        }
        assertTrue(packages.size() >= 10, "the library and its applications: " + packages);
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), dir + " has no package-info.java");
            String text = Files.readString(info);
            assertTrue(text.startsWith("/**"), info + " must open with a Javadoc paragraph");
            assertTrue(text.contains("May use:"), info + " must say what the package may use (\"May use: …\")");
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            return false;
        }
    }
}
