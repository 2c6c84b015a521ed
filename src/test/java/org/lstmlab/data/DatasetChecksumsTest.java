package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** datasets/README.md's checksum table is the one source of truth for the committed CSV and text files. */
class DatasetChecksumsTest {
    private static final Path DATASETS = Path.of("datasets");
    private static final Pattern ROW =
            Pattern.compile("^\\|\\s*`([^`]+\\.(?:csv|txt))`\\s*\\|\\s*`([0-9a-f]{64})`\\s*\\|\\s*(\\d+)\\s*\\|\\s*$");

    /** One row of the README's checksum table. */
    record Entry(String file, String sha256, int rows) {}

    static Map<String, Entry> readTable(Path readme) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) entries.put(m.group(1), new Entry(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
        }
        return entries;
    }

    /** Every difference between the table and the files in {@code dir}, one message per file. */
    static List<String> problems(Path dir) throws IOException {
        Map<String, Entry> table = readTable(dir.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (Entry e : table.values()) {
            Path file = dir.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                problems.add(e.file() + " is listed in datasets/README.md but missing");
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String actual = sha256(bytes);
            if (!actual.equals(e.sha256())) {
                problems.add(e.file() + " has SHA-256 " + actual + " but datasets/README.md says " + e.sha256());
            }
            long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
            long rows = e.file().endsWith(".csv") ? lines - 1 : lines; // a CSV's header is no row
            if (rows != e.rows()) {
                problems.add(e.file() + " has " + rows + " rows but datasets/README.md says " + e.rows());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".txt"))
                    .filter(n -> !table.containsKey(n))
                    .forEach(n -> problems.add(n + " is in datasets/ but has no row in the README's checksum table"));
        }
        return problems;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readmeListsEveryDatasetFile() throws IOException {
        assertEquals(
                List.of(SeattleWeather.FILE, Co2Concentration.FILE, CharCorpus.FILE),
                List.copyOf(readTable(DATASETS.resolve("README.md")).keySet()));
    }

    @Test
    void everyDatasetFileMatchesItsChecksumAndRowCount() throws IOException {
        List<String> problems = problems(DATASETS);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** datasets/ with its README copied into {@code dir}, checked to pass unchanged. */
    private static void copyDatasets(Path dir) throws IOException {
        for (String f : List.of("README.md", SeattleWeather.FILE, Co2Concentration.FILE, CharCorpus.FILE)) {
            Files.copy(DATASETS.resolve(f), dir.resolve(f));
        }
        assertTrue(problems(dir).isEmpty(), "an unchanged copy must pass");
    }

    @Test
    void aChangedFileIsReportedByName(@TempDir Path dir) throws IOException {
        copyDatasets(dir);

        Files.writeString(
                dir.resolve(Co2Concentration.FILE),
                "1958-05-01,317.51,314.71\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = problems(dir);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.startsWith(Co2Concentration.FILE)), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("SHA-256")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("rows")), problems.toString());
    }

    @Test
    void aChangedTextFileIsReportedByNameWithItsLineCount(@TempDir Path dir) throws IOException {
        copyDatasets(dir);

        Files.writeString(
                dir.resolve(CharCorpus.FILE), "}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = problems(dir);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(1).startsWith(CharCorpus.FILE + " has 10794 rows"), problems.toString());
    }
}
