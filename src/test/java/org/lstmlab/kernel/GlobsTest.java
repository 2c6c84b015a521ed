package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobsTest {

    @TempDir
    Path folder;

    @Test
    void aStarInTheFileNameMatchesEveryJarThere() throws Exception {
        Files.createFile(folder.resolve("b.jar"));
        Files.createFile(folder.resolve("a.jar"));
        Files.createFile(folder.resolve("notes.txt"));
        assertEquals(List.of(folder.resolve("a.jar"), folder.resolve("b.jar")), Globs.resolve(folder + "/*.jar"));
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Globs.resolve(folder.resolve("nothing").toString()));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
    }

    @Test
    void aGlobInAMissingFolderIsAnErrorNamingTheFolder() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Globs.resolve(folder, "nothing/*.jar"));
        assertTrue(
                e.getMessage()
                        .contains("there is no folder "
                                + folder.resolve("nothing").toAbsolutePath()),
                e.getMessage());
    }
}
