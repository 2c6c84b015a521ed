package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab image --from DIR} refuses, before building anything, a folder the image must not be built from; and
 * binder/Dockerfile is the Containerfile's image behind the edition's build stage.
 */
class LabImageCommandTest {

    @Test
    void aCourseFolderWithSolutionsIsRefused(@TempDir Path tmp) throws Exception {
        Path course = courseFolder(tmp);
        Files.createDirectories(course.resolve("solutions"));
        Containers.Result r = image(tmp, course);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("holds solutions/: the image is for students"), r.output());
    }

    @Test
    void aFolderWithoutTheLibraryIsRefusedNamingWhatItNeeds(@TempDir Path tmp) throws Exception {
        Path course = courseFolder(tmp);
        Files.delete(course.resolve("lib/classpath.txt"));
        Containers.Result r = image(tmp, course);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(
                r.output()
                        .contains("it needs notebooks/, lib/classpath.txt, lib/kernel/lstm-lab-kernel.jar and"
                                + " requirements/jupyter.txt"),
                r.output());
    }

    @Test
    void binderBuildsTheContainerfilesImage(@TempDir Path tmp) throws Exception {
        Containers.Result r = Containers.run(
                List.of("./lab", "image", "binder", "--check"), Duration.ofMinutes(1), tmp.resolve("binder.log"));
        assertTrue(r.exitCode() == 0, "binder/Dockerfile should be what ./lab image binder writes: " + r.output());
    }

    private static Path courseFolder(Path tmp) throws Exception {
        Path course = Files.createDirectories(tmp.resolve("course"));
        Files.createDirectories(course.resolve("notebooks"));
        Files.createDirectories(course.resolve("lib/kernel"));
        Files.writeString(course.resolve("lib/classpath.txt"), "lstm-lab.jar\n");
        Files.writeString(course.resolve("lib/kernel/lstm-lab-kernel.jar"), "");
        Files.createDirectories(course.resolve("requirements"));
        Files.writeString(course.resolve("requirements/jupyter.txt"), "");
        return course;
    }

    private static Containers.Result image(Path tmp, Path course) throws Exception {
        return Containers.run(
                List.of("./lab", "image", "--from", course.toString()), Duration.ofMinutes(1), tmp.resolve("lab.log"));
    }
}
