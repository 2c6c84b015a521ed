package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zips as an attacker makes them, unpacked as the grader unpacks every submission ({@link Submissions#unpack}):
 * each is refused with a message naming what is wrong, or unpacked harmlessly, and nothing is written outside the
 * folder it is unpacked into. Honest but unusual zips (a PC code page's names, a zip in a zip in a zip) are read.
 */
class HostileArchivesTest {
    private static final byte[] CODE = "package org.lstmlab.exercises;\nclass A {}\n".getBytes(StandardCharsets.UTF_8);

    static byte[] zip(Charset names, Object... entries) throws IOException {
        return GradingFixtures.zip(names, entries);
    }

    static byte[] zip(Object... entries) throws IOException {
        return GradingFixtures.zip(entries);
    }

    /** A zip of {@code n} entries whose names are {@code prefix0}, {@code prefix1}, … each holding {@code each}. */
    static byte[] many(String prefix, int n, byte[] each) throws IOException {
        Object[] entries = new Object[2 * n];
        for (int k = 0; k < n; k++) {
            entries[2 * k] = prefix + k;
            entries[2 * k + 1] = each;
        }
        return zip(entries);
    }

    /** Each kind of hostile zip and what its message must say. */
    static Stream<Arguments> refused() throws IOException {
        byte[] normal = zip("org/lstmlab/exercises/E3ForgetGate.java", CODE);
        byte[] encrypted = normal.clone();
        encrypted[6] |= 1; // the local header's "encrypted" flag, as a password-protected zip sets it
        byte[] bigDeflated = zip("big.bin", new byte[300_000]);
        byte[] truncated = java.util.Arrays.copyOf(bigDeflated, bigDeflated.length / 2);
        byte[] fifteenMb = zip("zeros.bin", new byte[15 << 20]);
        return Stream.of(
                Arguments.of("zip slip: ../", zip("../../escaped.java", CODE), "points outside the zip"),
                Arguments.of(
                        "zip slip: inside then out",
                        zip("org/../../../../tmp/escaped.java", CODE),
                        "points outside the zip"),
                Arguments.of("zip slip: an absolute path", zip("/tmp/escaped.java", CODE), "points outside the zip"),
                Arguments.of("zip slip: backslashes", zip("..\\..\\escaped.java", CODE), "points outside the zip"),
                Arguments.of("a zip bomb", zip("zeros.bin", new byte[30 << 20]), "unpack to more than 20 MB"),
                Arguments.of(
                        "a zip bomb in a folder's entry",
                        zip("exercises/", new byte[30 << 20]),
                        "unpack to more than 20 MB"),
                Arguments.of(
                        "a zip bomb under __MACOSX/",
                        zip("__MACOSX/._E3ForgetGate.java", new byte[30 << 20]),
                        "unpack to more than 20 MB"),
                Arguments.of(
                        "a bomb of nested zips, each under the limit",
                        zip("a.zip", fifteenMb, "b.zip", fifteenMb, "c.zip", fifteenMb),
                        "unpack to more than 20 MB"),
                Arguments.of("many entries", many("f", 5_000, new byte[0]), "hold more than 500 files"),
                Arguments.of(
                        "many entries across nested zips",
                        zip("a.zip", many("f", 300, new byte[0]), "b.zip", many("g", 300, new byte[0])),
                        "hold more than 500 files"),
                Arguments.of(
                        "the same entry twice",
                        renamed(
                                zip("E3ForgetGate.java", CODE, "E3ForgetGatX.java", CODE),
                                "E3ForgetGatX",
                                "E3ForgetGate"),
                        "holds E3ForgetGate.java twice"),
                Arguments.of("a NUL in a name", zip("E3\0.java", CODE), "has a name no file can have"),
                Arguments.of("a very long name", zip("x".repeat(300) + ".java", CODE), "cannot be a file here"),
                Arguments.of("a password", encrypted, "is password-protected"),
                Arguments.of("cut short", truncated, "cut short"),
                Arguments.of("an empty zip", zip(), "it is an empty zip"),
                Arguments.of(
                        "a text file",
                        "my code is in E3.java\n".getBytes(StandardCharsets.UTF_8),
                        "could not be unpacked: it is not a zip"),
                Arguments.of("an empty file", new byte[0], "an empty file, not a zip"),
                Arguments.of("a tar.gz", gzip("E3ForgetGate.java"), "a gzip archive (.tar.gz, .tgz), not a zip"),
                Arguments.of(
                        "a 7z",
                        new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4},
                        "a 7-Zip archive, not a zip"),
                Arguments.of("a rar", new byte[] {'R', 'a', 'r', '!', 0x1a, 7, 1, 0}, "a RAR archive, not a zip"));
    }

    /** The zip with every {@code from} in its bytes (names, local and central) made {@code to}, of the same length. */
    private static byte[] renamed(byte[] zip, String from, String to) {
        String bytes = new String(zip, StandardCharsets.ISO_8859_1);
        return bytes.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "{0}: refused, nothing written outside")
    @MethodSource("refused")
    void aHostileZipIsRefusedWithItsReasonAndWritesNothingOutside(
            String what, byte[] bytes, String says, @TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("mallory.zip");
        Files.write(zip, bytes);
        Path dir = Files.createDirectories(tmp.resolve("job/s1"));
        Map<String, String> before = GradingFixtures.fingerprint(tmp);
        Submissions.Unpacked u = Submissions.unpack(zip, dir);
        assertTrue(u.problem() != null && u.problem().contains(says), what + ": " + u.problem());
        assertTrue(u.problem().matches("(?s)(mallory|[abc])\\.zip could not be unpacked: .*"), u.problem());
        assertTrue(u.problem().codePoints().noneMatch(c -> c < 0x20 && c != '\n'), "one clean line: " + u.problem());
        assertFalse(u.problem().matches("(?s).*(not a zip).*\\1.*"), "said once: " + u.problem());
        Map<String, String> after = GradingFixtures.fingerprint(tmp);
        after.keySet().removeIf(f -> f.startsWith("job/s1/"));
        assertEquals(before, after, "nothing outside the job folder changed");
        assertTrue(size(dir) <= Submissions.MAX_UNPACKED_BYTES, "at most 20 MB unpacked: " + size(dir));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    @Test
    void aSymbolicLinkEntryIsUnpackedAsAPlainFileAndNeverFollowed(@TempDir Path tmp) throws IOException {
        // Info-ZIP's `zip -y` stores a link as an entry whose data is the target and whose unix mode says "link"
        Path zip = tmp.resolve("links.zip");
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            for (String target : List.of("/etc/passwd", GradingFixtures.SOLUTIONS.toString(), tmp.toString())) {
                ZipEntry e = new ZipEntry("org/lstmlab/exercises/L" + target.length() + ".java");
                out.putNextEntry(e);
                out.write(target.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.write(zip, withUnixLinkMode(bytes.toByteArray()));
        Path dir = Files.createDirectories(tmp.resolve("job"));
        Submissions.Unpacked u = Submissions.unpack(zip, dir);
        assertNull(u.problem());
        try (Stream<Path> walk = Files.walk(u.root())) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            assertEquals(3, files.size());
            for (Path f : files) {
                assertFalse(Files.isSymbolicLink(f), f + " is no link");
                assertTrue(Files.size(f) < 200, f + " holds the link's text, not what it points at");
            }
        }
    }

    /** The zip with every central-directory entry marked as made on Unix with mode {@code lrwxrwxrwx}. */
    private static byte[] withUnixLinkMode(byte[] zip) {
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 5] = 3; // version made by: Unix
                int mode = 0120777 << 16;
                for (int b = 0; b < 4; b++) {
                    zip[i + 38 + b] = (byte) (mode >>> (8 * b));
                }
            }
        }
        return zip;
    }

    @Test
    void namesInAPcCodePageAsOldWindowsZipToolsWriteThemAreRead(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("an.zip");
        Files.write(zip, zip(Charset.forName("IBM437"), "Bài làm/org/lstmlab/exercises/E3ForgetGate.java", CODE));
        Submissions.Unpacked u = Submissions.unpack(zip, Files.createDirectories(tmp.resolve("job")));
        assertNull(u.problem());
        assertTrue(Files.isRegularFile(u.root().resolve("Bài làm/org/lstmlab/exercises/E3ForgetGate.java")));
    }

    @Test
    void namesWithNewlinesControlCharactersAndUnicodeAreUnpackedAndShownSafely(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("odd.zip");
        Files.write(zip, zip("a\nb\u001b[2J/E3ForgetGate.java", CODE, "tập/\u202eavaj.E5.java", CODE));
        Submissions.Unpacked u = Submissions.unpack(zip, Files.createDirectories(tmp.resolve("job")));
        assertNull(u.problem());
        assertTrue(Files.isRegularFile(u.root().resolve("a\nb\u001b[2J/E3ForgetGate.java")));
    }

    @Test
    void aZipInAZipInAZipIsUnpackedAndAFourthLevelIsNot(@TempDir Path tmp) throws IOException {
        byte[] level3 = zip("Work/org/lstmlab/exercises/E3ForgetGate.java", CODE);
        byte[] level2 = zip("inner/level3.zip", level3, "__MACOSX/inner/._level3.zip", new byte[] {0, 5, 22, 7});
        byte[] level1 = zip("level2.zip", level2);
        Path zip = tmp.resolve("nested.zip");
        Files.write(zip, level1);
        Submissions.Unpacked u = Submissions.unpack(zip, Files.createDirectories(tmp.resolve("a")));
        assertNull(u.problem());
        assertTrue(Files.isRegularFile(u.root().resolve("z1/Work/org/lstmlab/exercises/E3ForgetGate.java")), "" + u);

        Files.write(zip, zip("level1.zip", level1));
        Submissions.Unpacked deeper = Submissions.unpack(zip, Files.createDirectories(tmp.resolve("b")));
        try (Stream<Path> walk = Files.walk(deeper.root())) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".java")), "a fourth level is left packed");
        }
    }

    @Test
    void aLinkedZipInASubmissionIsNeverRead(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("instructor/secret.zip");
        Files.createDirectories(secret.getParent());
        Files.write(secret, zip("org/lstmlab/exercises/Secret.java", CODE));
        Path sub = Files.createDirectories(tmp.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("work.zip"), secret);
        Submissions.Unpacked u = Submissions.unpack(sub, Files.createDirectories(tmp.resolve("job")));
        assertNull(u.problem());
        assertEquals(sub, u.root(), "the link is not read: the folder is the submission");
    }
}
