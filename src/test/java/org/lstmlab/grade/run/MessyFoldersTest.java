package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class's folder as an instructor ends up with it — students' folders with odd names, links, archives the grader
 * does not read, files that are not files — found by {@link Submissions#discover} and read by
 * {@link Submissions#unpack}: every student is in the list, nothing behind a link is read, nothing hangs.
 */
class MessyFoldersTest {
    private static Map<String, Submissions.Submission> byName(List<Submissions.Submission> subs) {
        return subs.stream().collect(Collectors.toMap(Submissions.Submission::student, Function.identity()));
    }

    /**
     * A Mac writes "Nguyễn" in decomposed letters (NFD), Windows and Linux in composed ones (NFC): the same name either
     * way, so two folders that differ only so are two visibly different students, and a roster finds either.
     */
    @Test
    void namesThatDifferOnlyByUnicodeNormalisationAreOneNameAndTwoVisiblyDifferentStudents(@TempDir Path tmp)
            throws IOException {
        String composed = java.text.Normalizer.normalize("Nguyễn Văn Á", java.text.Normalizer.Form.NFC);
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        Path batch = Files.createDirectories(tmp.resolve("class"));
        Files.createDirectories(batch.resolve(decomposed).resolve("org/lstmlab/exercises"));
        assertEquals(
                List.of(composed),
                Submissions.discover(List.of(batch)).stream()
                        .map(Submissions.Submission::student)
                        .toList(),
                "a Mac's folder is named in composed letters");
        Files.createDirectories(batch.resolve(composed).resolve("org/lstmlab/exercises"));
        List<String> both = Submissions.discover(List.of(batch)).stream()
                .map(Submissions.Submission::student)
                .sorted()
                .toList();
        assertEquals(List.of(composed, composed + " (2)"), both, "two folders, two names one can tell apart");
        org.lstmlab.grade.report.Roster roster =
                org.lstmlab.grade.report.Roster.parse("submission,Student\n" + decomposed + ",Nguyen Van A\n");
        assertEquals("Nguyen Van A", roster.field(composed, "Student", "?"), "the roster finds the composed name");
    }

    @Test
    void everyStudentFolderWhateverItsNameIsASubmissionOfItsOwn(@TempDir Path tmp) throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        List<String> names =
                List.of("bob smith", "Nguyễn Văn Á", "new\nline", "-rf", "x.zip", "tab\there", "\u001b[2J");
        for (String n : names) {
            Files.createDirectories(batch.resolve(n).resolve("org/lstmlab/exercises"));
        }
        var subs = byName(Submissions.discover(List.of(batch)));
        assertEquals(names.size(), subs.size(), "" + subs.keySet());
        for (String expected : List.of("bob smith", "Nguyễn Văn Á", "new\\u000aline", "-rf", "x", "tab\\u0009here")) {
            assertTrue(subs.containsKey(expected), expected + " in " + subs.keySet());
            assertNull(subs.get(expected).refused());
        }
        assertTrue(subs.containsKey("\\u001b[2J"), "an escape is shown as text: " + subs.keySet());
    }

    @Test
    void aLinkInAClassFolderEvenADanglingOneIsAStudentRefusedWithTheReasonAndNeverRead(@TempDir Path tmp)
            throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        Files.createSymbolicLink(batch.resolve("mallory"), GradingFixtures.SOLUTIONS);
        Path zip = tmp.resolve("elsewhere.zip");
        Files.write(zip, HostileArchivesTest.zip("org/lstmlab/exercises/E3ForgetGate.java", new byte[1]));
        Files.createSymbolicLink(batch.resolve("eve.zip"), zip);
        Files.createSymbolicLink(batch.resolve("dangling"), tmp.resolve("nowhere"));
        var subs = byName(Submissions.discover(List.of(batch)));
        assertEquals(
                List.of("alice", "dangling", "eve", "mallory"),
                subs.keySet().stream().sorted().toList());
        assertNull(subs.get("alice").refused());
        for (String n : List.of("mallory", "eve", "dangling")) {
            String why = subs.get(n).refused();
            assertTrue(why != null && why.contains("is a link, which the grader does not follow"), n + ": " + why);
        }
    }

    @Test
    void aLinkTheInstructorNamesIsFollowed(@TempDir Path tmp) throws IOException {
        Path real = GradingFixtures.submission(tmp.resolve("alice"), null);
        Path link = Files.createSymbolicLink(tmp.resolve("alice-link"), real);
        var subs = Submissions.discover(List.of(link));
        assertEquals(1, subs.size());
        assertEquals("alice-link", subs.get(0).student());
        assertNull(subs.get(0).refused());
        Submissions.Unpacked u = Submissions.unpack(link, Files.createDirectories(tmp.resolve("job")));
        assertEquals(real.toRealPath(), u.root(), "check(...) on a linked exercises/ folder reads the folder");
    }

    @Test
    void anArchiveOfAnotherKindIsAStudentRefusedWithWhatItIsAndOtherFilesAreLeftOut(@TempDir Path tmp)
            throws IOException {
        Path batch = Files.createDirectories(tmp.resolve("class"));
        GradingFixtures.submission(batch.resolve("alice"), null);
        Files.write(batch.resolve("bob.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        Files.write(batch.resolve("carol.7z"), new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c});
        Files.write(batch.resolve("dan.rar"), new byte[] {'R', 'a', 'r', '!', 0x1a, 7, 0});
        Files.writeString(batch.resolve("roster.csv"), "student\nalice\n");
        Files.writeString(batch.resolve(".DS_Store"), "x");
        var subs = byName(Submissions.discover(List.of(batch)));
        assertEquals(
                List.of("alice", "bob.tar.gz", "carol.7z", "dan.rar"),
                subs.keySet().stream().sorted().toList());
        assertTrue(subs.get("bob.tar.gz").refused().contains("is a gzip archive (.tar.gz, .tgz): send a .zip"));
        assertTrue(subs.get("carol.7z").refused().contains("is a 7-Zip archive"));
        assertTrue(subs.get("dan.rar").refused().contains("is a RAR archive"));

        IllegalArgumentException one = assertThrows(
                IllegalArgumentException.class, () -> Submissions.discover(List.of(batch.resolve("bob.tar.gz"))));
        assertTrue(one.getMessage().contains("is not a submission: a gzip archive"), one.getMessage());
    }

    @Test
    void fifosLinksAndAHundredThousandFilesDeeplyNestedNeitherHangNorEscape(@TempDir Path tmp) throws Exception {
        Path sub = GradingFixtures.submission(tmp.resolve("sub"), null);
        Path pkg = sub.resolve("org/lstmlab/exercises");
        Files.delete(pkg.resolve("E3ForgetGate.java"));
        mkfifo(pkg.resolve("E3ForgetGate.java")); // reading it would wait for a writer forever
        mkfifo(sub.resolve("submission.zip"));
        Files.createSymbolicLink(pkg.resolve("E4InputGate.java.zip"), Path.of("/dev/zero"));
        Path deep = sub;
        for (int k = 0; k < 200; k++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Path wide = Files.createDirectories(sub.resolve("wide"));
        for (int k = 0; k < 100_000; k++) {
            Files.createFile(wide.resolve("f" + k));
        }
        Submissions.Unpacked u = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> Submissions.unpack(sub, Files.createDirectories(tmp.resolve("job"))));
        assertNull(u.problem());
        assertEquals(sub, u.root());
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo " + p);
    }

    @Test
    void aSubmissionThatIsAFileOfAnotherKindIsNamedAsSuch(@TempDir Path tmp) throws IOException {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "hello", StandardCharsets.UTF_8);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Submissions.discover(List.of(notes)));
        assertTrue(e.getMessage().contains("notes.txt is not a submission: not a zip"), e.getMessage());
    }
}
