package org.lstmlab.grade.author;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide to writing an exercise (this package's documentation) outlines E3's test class as it is. */
class AuthoringGuideTest {
    private static final Path GUIDE = Path.of("src/main/java/org/lstmlab/grade/author/package-info.java");
    private static final Path E3 = Path.of("src/grading/java/org/lstmlab/exercises/E3ForgetGateTest.java");

    @Test
    void theGuidesOutlineOfE3IsInE3sTestClassLineByLineInOrder() throws IOException {
        List<String> outline = outline(Files.readString(GUIDE));
        assertTrue(outline.size() >= 20, "the guide outlines E3's class: " + outline);
        List<String> e3 = Files.readAllLines(E3).stream().map(String::strip).toList();
        int at = 0;
        for (String line : outline) {
            int found = e3.subList(at, e3.size()).indexOf(line);
            if (found < 0) {
                fail("the guide's outline of E3 has a line that E3ForgetGateTest.java lacks after line " + at + ": "
                        + line);
            }
            at += found + 1;
        }
    }

    /** The lines of the guide's {@code <pre>{@code …}</pre>} block, without the Javadoc margin. */
    private static List<String> outline(String javadoc) {
        int from = javadoc.indexOf("<pre>{@code");
        int to = javadoc.indexOf("}</pre>", from);
        assertTrue(from >= 0 && to > from, "the guide has an outline of E3 in <pre>{@code …}</pre>");
        return javadoc.substring(from + "<pre>{@code".length(), to)
                .lines()
                .map(l -> l.replaceFirst("^\\s*\\* ?", "").strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
