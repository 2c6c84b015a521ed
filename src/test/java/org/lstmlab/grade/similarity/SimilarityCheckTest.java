package org.lstmlab.grade.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ClassReport;

class SimilarityCheckTest {

    @Test
    void aZipGivesItsJavaFilesFlattenedAndNothingOutsideTheFolder(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("alice.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            put(out, "exercises/org/lstmlab/exercises/E3ForgetGate.java", "class E3ForgetGate {}");
            put(out, "../../escape.java", "class Escape {}");
            put(out, "notes.txt", "not Java");
            put(out, "big/Huge.java", "x".repeat(SimilarityCheck.MAX_FILE_BYTES + 1));
        }
        Path into = tmp.resolve("staged");
        assertEquals(2, SimilarityCheck.copyJavaFiles(zip, into));
        assertEquals("class E3ForgetGate {}", Files.readString(into.resolve("E3ForgetGate.java")));
        assertTrue(Files.exists(into.resolve("escape.java")), "flattened into the folder, never above it");
        assertFalse(Files.exists(tmp.resolve("escape.java"))
                || Files.exists(tmp.getParent().resolve("escape.java")));
        assertFalse(Files.exists(into.resolve("Huge.java")), "a file over 1 MB is left out");
    }

    @Test
    void fewerThanTwoSubmissionsWithJavaFilesIsNoCheck(@TempDir Path tmp) throws Exception {
        Path alice = Files.createDirectories(tmp.resolve("alice"));
        Files.writeString(alice.resolve("E3ForgetGate.java"), "class E3ForgetGate {}", StandardCharsets.UTF_8);
        Path bob = Files.createDirectories(tmp.resolve("bob"));
        ClassReport.Similarity s =
                SimilarityCheck.check(Map.of("alice", alice, "bob", bob), null, tmp.resolve("out"), 0.5);
        assertFalse(s.ran());
        assertEquals("fewer than two submissions hold Java files", s.note());
    }

    private static void put(ZipOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
