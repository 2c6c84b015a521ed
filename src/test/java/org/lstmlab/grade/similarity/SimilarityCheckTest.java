package org.lstmlab.grade.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.ClassReport;

class SimilarityCheckTest {

    @Test
    void aFolderGivesItsJavaFilesFlattenedWithinTheLimits(@TempDir Path tmp) throws Exception {
        Path alice = tmp.resolve("alice");
        write(alice.resolve("exercises/org/lstmlab/exercises/E3ForgetGate.java"), "class E3ForgetGate {}");
        write(alice.resolve("notes.txt"), "not Java");
        write(alice.resolve(".E4InputGate.java"), "class Hidden {}");
        write(alice.resolve("big/Huge.java"), "x".repeat(SimilarityCheck.MAX_FILE_BYTES + 1));
        Path into = tmp.resolve("staged");
        assertEquals(1, SimilarityCheck.copyJavaFiles(alice, into, UTF_8));
        assertEquals("class E3ForgetGate {}", Files.readString(into.resolve("E3ForgetGate.java")));
        assertFalse(Files.exists(into.resolve("Huge.java")), "a file over 1 MB is left out");
        assertFalse(Files.exists(into.resolve(".E4InputGate.java")), "a hidden file is left out");
    }

    /** The check reads folders the grader unpacked; a zip the grader could not unpack is not read another way. */
    @Test
    void aZipIsNotReadOnItsOwn(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("alice.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            put(out, "E3ForgetGate.java", "class E3ForgetGate {}");
        }
        assertEquals(0, SimilarityCheck.copyJavaFiles(zip, tmp.resolve("staged"), UTF_8));
    }

    @Test
    void fewerThanTwoSubmissionsWithJavaFilesIsNoCheck(@TempDir Path tmp) throws Exception {
        Path alice = Files.createDirectories(tmp.resolve("alice"));
        Files.writeString(alice.resolve("E3ForgetGate.java"), "class E3ForgetGate {}", StandardCharsets.UTF_8);
        Path bob = Files.createDirectories(tmp.resolve("bob"));
        ClassReport.Similarity s =
                SimilarityCheck.check(Map.of("alice", alice, "bob", bob), null, tmp.resolve("out"), 0.5, UTF_8);
        assertFalse(s.ran());
        assertEquals("fewer than two submissions hold Java files", s.note());
    }

    /**
     * JPlag parses in the grader's JVM, after every student is graded: a source nested so deeply that its parser's stack
     * overflows costs the check that submission, or the check, never the class report or the batch.
     */
    @Test
    void aSourceThatOverflowsTheParsersStackCostsNeitherTheClassReportNorTheBatch(@TempDir Path tmp) throws Exception {
        Path course = Path.of("solutions/org/lstmlab/exercises");
        Map<String, Path> students = new java.util.LinkedHashMap<>();
        for (String name : List.of("alice", "bob")) {
            Path dir = Files.createDirectories(tmp.resolve(name));
            Files.copy(course.resolve("E3ForgetGate.java"), dir.resolve("E3ForgetGate.java"));
            students.put(name, dir);
        }
        Path eve = Files.createDirectories(tmp.resolve("eve"));
        int depth = 200_000;
        Files.writeString(
                eve.resolve("E3ForgetGate.java"),
                "class E3ForgetGate { int x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; }");
        students.put("eve", eve);
        ClassReport.Similarity s = SimilarityCheck.check(students, null, tmp.resolve("out"), 0.5, UTF_8);
        assertTrue(s.ran(), "the others are still compared: " + s.note());
        assertTrue(s.note().contains("Left out, as JPlag could not parse them: eve."), s.note());
        assertEquals(1, s.pairs().size(), s.pairs().toString());
        assertEquals(
                List.of("alice", "bob"),
                List.of(s.pairs().get(0).first(), s.pairs().get(0).second()));
    }

    /**
     * 200 files of 1 MB each, every one of them a Java file under the size limit (a small zip unpacks to as much): what
     * the check reads of one submission is bounded as a whole, so a few such students cannot fill the grader's memory.
     */
    @Test
    void theCheckReadsAtMostABoundedAmountOfOneSubmission(@TempDir Path tmp) throws Exception {
        String big = "class A {}\n" + "// padding\n".repeat((SimilarityCheck.MAX_FILE_BYTES - 20) / 11);
        Path folder = Files.createDirectories(tmp.resolve("eve"));
        for (int k = 0; k < SimilarityCheck.MAX_FILES; k++) {
            Files.writeString(folder.resolve("F" + k + ".java"), big);
        }
        Path into = tmp.resolve("staged");
        SimilarityCheck.copyJavaFiles(folder, into, UTF_8);
        long bytes;
        try (var files = Files.list(into)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes <= SimilarityCheck.MAX_TOTAL_BYTES, bytes + " bytes read");
        assertTrue(bytes > 0, "the first files are read");
    }

    /** A source file's text as UTF-8, for the tests (the grader passes its compiler's decoding). */
    private static final Function<byte[], String> UTF_8 = b -> new String(b, StandardCharsets.UTF_8);

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
