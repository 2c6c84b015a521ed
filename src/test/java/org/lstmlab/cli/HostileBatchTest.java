package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.run.GradingFixtures;

/**
 * {@code ./lab grade} on a class where honest students sit among submissions that attack the batch's own files
 * and the unpacking: every student gets a row and a report, the honest ones full marks, the rest 0 with the reason,
 * and neither the class's folder nor the course's solutions change.
 */
class HostileBatchTest {
    @Test
    void aStudentNamedLikeAFileTheBatchWritesGetsAFolderOfTheirOwn() {
        for (String reserved : GradeCli.BATCH_FILES) {
            for (String name : List.of(reserved, reserved.toUpperCase(Locale.ROOT))) {
                String folder = GradeCli.safe(name);
                assertFalse(GradeCli.BATCH_FILES.contains(folder.toLowerCase(Locale.ROOT)), name + " → " + folder);
                assertTrue(folder.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}"), folder);
            }
        }
        assertEquals("gradebook", GradeCli.safe("gradebook"), "a name that takes nothing's place is kept");
    }

    /**
     * Names a student can choose so that a weak hash, a cut or a disk that ignores case would give them a classmate's
     * folder, and so overwrite the classmate's report: each pair gets two folders, on any disk.
     */
    @Test
    void twoStudentsNeverShareAFolderWhateverTheyCallTheirWork() {
        String longName = "a".repeat(70);
        List<List<String>> pairs = List.of(
                List.of("\u00e9\u00fc", "\u00ea\u00dd"), // the same String.hashCode, both cleaned to "__"
                List.of(longName + "Aa", longName + "BB"), // the same first 55 characters and String.hashCode
                List.of("Alice", "alice"), // one folder on macOS's and Windows's disks
                List.of("alice.", "alice"), // Windows drops the dot
                List.of("Nguy\u1ec5n V\u0103n An", "Nguy\u1ec5n V\u0103n \u00c2n"));
        for (List<String> pair : pairs) {
            String a = GradeCli.safe(pair.get(0));
            String b = GradeCli.safe(pair.get(1));
            assertFalse(a.equalsIgnoreCase(b), pair + " → " + a + ", " + b);
            for (String folder : List.of(a, b)) {
                assertTrue(folder.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}"), folder);
                assertFalse(folder.endsWith("."), folder);
            }
        }
        for (String device : List.of("con", "NUL", "aux.zip", "com1", "lpt9.txt")) {
            String folder = GradeCli.safe(device).toLowerCase(Locale.ROOT);
            assertFalse(GradeCli.WINDOWS_DEVICES.contains(folder.replaceAll("\\..*", "")), device + " → " + folder);
        }
        assertEquals("bob-2", GradeCli.safe("bob-2"), "a plain name stays the folder's name");
    }

    @Test
    void honestStudentsAmongHostileOnesAreGradedAndNothingOutsideTheOutputChanges(@TempDir Path tmp) throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("submissions"));
        for (String honest : List.of("alice", "gradebook.csv", "similarity", "Class-Report.html")) {
            GradingFixtures.submission(batch.resolve(honest), null);
        }
        Files.createSymbolicLink(batch.resolve("mallory"), GradingFixtures.SOLUTIONS); // the solutions, by a link
        byte[] fifteenMb = GradingFixtures.zip("zeros.bin", new byte[15 << 20]);
        Files.write(batch.resolve("bomb.zip"), GradingFixtures.zip("a.zip", fifteenMb, "b.zip", fifteenMb));
        Files.write(batch.resolve("bob.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        Files.writeString(batch.resolve("carol.zip"), "not a zip at all\n");
        Map<String, String> classBefore = GradingFixtures.fingerprint(batch);
        Map<String, String> solutionsBefore = GradingFixtures.fingerprint(GradingFixtures.SOLUTIONS);

        Path out = tmp.resolve("grades");
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        int code = GradeCli.run(
                new ArrayList<>(List.of("grade", batch.toString(), "--out", out.toString(), "--only", "E5")),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String console = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, console);

        assertTrue(Files.isRegularFile(out.resolve("gradebook.csv")), "the gradebook is a file, not a student");
        String csv = Files.readString(out.resolve("gradebook.csv"));
        List<String> rows = csv.strip().lines().skip(1).sorted().toList();
        assertEquals(
                List.of(
                        "Class-Report.html,8,8",
                        "alice,8,8",
                        "bob.tar.gz,0,0",
                        "bomb,0,0",
                        "carol,0,0",
                        "gradebook.csv,8,8",
                        "mallory,0,0",
                        "similarity,8,8"),
                rows,
                csv);
        assertTrue(Files.isRegularFile(out.resolve("class-report.html")), "the class report is a file");
        assertFalse(Files.exists(out.resolve("similarity/results.json")), "JPlag's folder holds no student's report");
        Map<String, String> why = Map.of(
                "mallory", "is a link, which the grader does not follow",
                "bomb", "unpack to more than 20 MB",
                "bob.tar.gz", "is a gzip archive (.tar.gz, .tgz): send a .zip",
                "carol", "carol.zip could not be unpacked: it is not a zip");
        for (var e : why.entrySet()) {
            String json =
                    Files.readString(out.resolve(GradeCli.safe(e.getKey())).resolve("results.json"));
            var tests = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("tests");
            String output = tests.get(0).getAsJsonObject().get("output").getAsString();
            assertTrue(output.contains(e.getValue()), e.getKey() + ": " + output);
        }
        for (String honest : List.of("gradebook.csv", "similarity", "Class-Report.html")) {
            String json = Files.readString(out.resolve(GradeCli.safe(honest)).resolve("results.json"));
            assertEquals(
                    8.0,
                    JsonParser.parseString(json).getAsJsonObject().get("score").getAsDouble(),
                    honest);
        }
        assertEquals(classBefore, GradingFixtures.fingerprint(batch), "the class's folder is unchanged");
        assertEquals(solutionsBefore, GradingFixtures.fingerprint(GradingFixtures.SOLUTIONS), "the solutions too");
        try (var top = Files.list(tmp)) {
            assertEquals(
                    List.of("grades", "submissions"),
                    top.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
