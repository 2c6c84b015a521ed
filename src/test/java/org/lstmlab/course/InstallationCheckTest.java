package org.lstmlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationCheckTest {

    @Test
    void theCourseFolderPassesEveryCheck() {
        var report = InstallationCheck.run();
        System.out.println(report);
        assertTrue(report.allPassed(), report.toString());
        assertTrue(report.toString().endsWith("Everything is in place."));
        assertTrue(report.toHtml().startsWith("<table>") && report.toHtml().contains("✔"));
    }

    @Test
    void javaOlderThanSeventeenIsFlaggedWithWhatToInstall() {
        var item = InstallationCheck.java(11);
        assertFalse(item.passed());
        assertTrue(item.fix().contains("JDK 17 or newer"), item.fix());
        assertTrue(InstallationCheck.java(17).passed());
    }

    @Test
    void aFolderWithoutTheDatasetsNamesTheMissingFilesAndTheVariableToSet(@TempDir Path dir) {
        var item = InstallationCheck.datasets(dir);
        assertFalse(item.passed());
        assertTrue(
                item.found().contains("seattle-weather.csv") && item.found().contains("co2-concentration.csv"),
                item.found());
        assertTrue(item.fix().contains("LSTMLAB_DATASETS"), item.fix());
    }

    @Test
    void exercisesAreFoundAboveTheNotebooksFolderAndTheirAbsenceSaysWhereToStart(@TempDir Path dir) throws Exception {
        Path notebooks = Files.createDirectories(dir.resolve("course/notebooks"));
        var missing = InstallationCheck.exercises(notebooks);
        assertFalse(missing.passed());
        assertTrue(missing.fix().contains("./lab start"), missing.fix());
        Path folder = Files.createDirectories(dir.resolve("course").resolve(InstallationCheck.EXERCISES));
        assertFalse(InstallationCheck.exercises(notebooks).passed(), "an empty exercises folder is not enough");
        Files.writeString(folder.resolve("E3ForgetGate.java"), "class E3ForgetGate {}");
        var found = InstallationCheck.exercises(notebooks);
        assertTrue(found.passed(), found.toString());
        assertTrue(found.found().startsWith("1 exercise files"), found.found());
    }

    @Test
    void aFailedItemIsMarkedAndTheReportSaysToRerunAfterFixing() {
        var report = new InstallationCheck.Report(List.of(InstallationCheck.java(17), InstallationCheck.java(8)));
        assertFalse(report.allPassed());
        assertTrue(report.toString().contains("FIX   Java"), report.toString());
        assertTrue(report.toHtml().contains("✘"));
        assertEquals("Java", report.item("Java").name());
    }
}
