package org.lstmlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseFolderTest {
    private final String before = System.getProperty("lstmlab.home");

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty("lstmlab.home");
        else System.setProperty("lstmlab.home", before);
    }

    @Test
    void theHomePropertyWinsWhenItHoldsAnExercisesFolder(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("exercises"));
        System.setProperty("lstmlab.home", tmp.toString());
        assertEquals(tmp.toAbsolutePath(), CourseFolder.withExercises());
    }

    @Test
    void aHomePropertyWithoutExercisesIsRejectedSayingWhereItPointed(@TempDir Path tmp) {
        System.setProperty("lstmlab.home", tmp.toString());
        var e = assertThrows(IllegalStateException.class, CourseFolder::withExercises);
        assertTrue(e.getMessage().startsWith("the system property lstmlab.home points to " + tmp), e.getMessage());
    }

    @Test
    void withoutPropertyOrVariableTheCourseFolderIsFoundAboveTheWorkingDirectory() {
        System.clearProperty("lstmlab.home");
        if (System.getenv("LSTMLAB_HOME") == null) {
            assertEquals(
                    Path.of("").toAbsolutePath(),
                    CourseFolder.withExercises(),
                    "the tests run in the course folder, which has lab and exercises/");
        } else {
            assertEquals(Path.of(System.getenv("LSTMLAB_HOME")).toAbsolutePath(), CourseFolder.withExercises());
        }
    }

    @Test
    void fromASubfolderSuchAsNotebooksTheFolderAboveIsFound() {
        System.clearProperty("lstmlab.home");
        String before = System.getProperty("user.dir");
        try {
            System.setProperty("user.dir", Path.of("notebooks").toAbsolutePath().toString());
            if (System.getenv("LSTMLAB_HOME") == null) {
                assertEquals(
                        Path.of(before).toAbsolutePath(), CourseFolder.find().orElseThrow());
            }
        } finally {
            System.setProperty("user.dir", before);
        }
    }

    @Test
    void outsideAnyCourseNothingIsFoundAndTheErrorSaysHowToPointAtIt(@TempDir Path tmp) {
        System.clearProperty("lstmlab.home");
        String before = System.getProperty("user.dir");
        try {
            System.setProperty("user.dir", tmp.toString());
            if (System.getenv("LSTMLAB_HOME") == null) {
                assertTrue(CourseFolder.find().isEmpty());
                var e = assertThrows(IllegalStateException.class, CourseFolder::withExercises);
                assertEquals(
                        "cannot find the course folder (with exercises/ and lab) above " + tmp.toAbsolutePath()
                                + ": set LSTMLAB_HOME or -Dlstmlab.home to it",
                        e.getMessage());
            }
        } finally {
            System.setProperty("user.dir", before);
        }
    }
}
