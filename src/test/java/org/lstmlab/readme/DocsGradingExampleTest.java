package org.lstmlab.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;

/**
 * The page "Writing an exercise" shows E3's test class as the grader runs it (the file is compiled and run
 * against the solutions by the test suite), and the instructors' guide's table of exercises is the one the grader
 * finds.
 */
class DocsGradingExampleTest {
    private static final Path WRITING = Path.of("docs/writing-an-exercise.md");
    private static final Path INSTRUCTORS = Path.of("docs/instructors.md");
    private static final Path E3 = Path.of("src/grading/java/org/lstmlab/exercises/E3ForgetGateTest.java");

    @Test
    void writingAnExerciseShowsE3sTestClassAsItIsButTheImports() throws IOException {
        String source = Files.readString(E3);
        String shown = source.substring(source.indexOf("/** E3")).strip();
        assertEquals(
                shown, fenced(Files.readString(WRITING), "<!-- grading-example:E3ForgetGateTest -->", "```java\n"));
    }

    @Test
    void theInstructorsTableOfExercisesIsTheCatalogTheGraderFinds() throws IOException {
        String readme = Files.readString(INSTRUCTORS);
        String marker = "<!-- exercises:table -->\n";
        List<String> rows = readme.substring(readme.indexOf(marker) + marker.length())
                .lines()
                .takeWhile(l -> l.startsWith("|"))
                .skip(2)
                .toList();
        List<String> expected = new ArrayList<>();
        for (GradedExercise e :
                ExerciseCatalog.discover(getClass().getClassLoader()).all()) {
            expected.add("| " + e.id() + " " + e.title() + " | `" + e.fileName() + "` | `"
                    + e.testClass().getSimpleName() + "` | " + e.points() + " | " + e.notebook() + " |");
        }
        assertEquals(expected, rows);
    }

    private static String fenced(String readme, String marker, String open) {
        int at = readme.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("the page lacks " + marker);
        }
        String after = readme.substring(at + marker.length());
        int from = after.indexOf(open) + open.length();
        return after.substring(from, after.indexOf("```", from)).strip();
    }
}
