package org.lstmlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabHomeTest {
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
        assertEquals(tmp.toAbsolutePath(), LabHome.locate());
    }

    @Test
    void aHomePropertyWithoutExercisesIsRejectedSayingWhereItPointed(@TempDir Path tmp) {
        System.setProperty("lstmlab.home", tmp.toString());
        var e = assertThrows(IllegalStateException.class, LabHome::locate);
        assertTrue(e.getMessage().startsWith("the system property lstmlab.home points to " + tmp), e.getMessage());
    }

    @Test
    void withoutPropertyOrVariableTheCourseFolderIsFoundAboveTheWorkingDirectory() {
        System.clearProperty("lstmlab.home");
        if (System.getenv("LSTMLAB_HOME") == null) {
            assertEquals(
                    Path.of("").toAbsolutePath(),
                    LabHome.locate(),
                    "the tests run in the course folder, which has lab and exercises/");
        } else {
            assertEquals(Path.of(System.getenv("LSTMLAB_HOME")).toAbsolutePath(), LabHome.locate());
        }
    }
}
