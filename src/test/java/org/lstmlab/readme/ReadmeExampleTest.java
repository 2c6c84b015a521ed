package org.lstmlab.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's library example is compiled code, and the output the README shows is what it prints. */
class ReadmeExampleTest {
    private static final Path README = Path.of("README.md");

    @Test
    void readmeShowsTheExampleCodeVerbatim() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/lstmlab/readme/ReadmeExample.java"));
        String code = between(source, "// example:begin\n", "        // example:end")
                .lines()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertEquals(code, fenced(Files.readString(README), "<!-- example:code -->"));
    }

    @Test
    void readmeShowsWhatTheExamplePrints() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ReadmeExample.run();
        } finally {
            System.setOut(original);
        }
        assertEquals(
                printed.toString(StandardCharsets.UTF_8).strip(),
                fenced(Files.readString(README), "<!-- example:output -->"));
    }

    private static String fenced(String readme, String marker) {
        String after = readme.substring(readme.indexOf(marker) + marker.length());
        return between(after, "```\n", "```").strip();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) throw new AssertionError("README.md or the example lacks " + start.strip());
        from += start.length();
        int to = text.indexOf(end, from);
        if (to < 0) throw new AssertionError("no " + end.strip() + " after " + start.strip());
        return text.substring(from, to);
    }
}
