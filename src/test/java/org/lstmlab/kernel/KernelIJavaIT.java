package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook in d2l-java's dialect (issue 31), run headless through the real kernel and the real mvn, offline
 * ({@code LAB_MAVEN_ARGS=-o}): {@code %load} of utility files that use each other, {@code %%loadFromPOM} and
 * {@code %loadFromPOM}, {@code %mavenRepo}, {@code %addMavenDependency}, {@code %time}, IJava's renderer
 * registration, and the note under a cell whose redefinition reset a variable.
 */
class KernelIJavaIT {

    @TempDir
    static java.nio.file.Path home;

    static JsonObject nb;

    /**
     * The artifacts of the version clash (d2l-java's tablesaw-jsplot 0.38.1 next to the course's Tablesaw 0.44.1)
     * resolved into ~/.m2 online, as the kernel resolves them, before the notebook runs offline.
     */
    static void fetch(String coordinates) {
        Map<String, String> online = new HashMap<>(System.getenv());
        online.remove("LAB_MAVEN_ARGS");
        new MavenMagic(online).resolve(MavenMagic.parse(coordinates), () -> false);
    }

    @BeforeAll
    static void runNotebook() throws Exception {
        fetch("tech.tablesaw:tablesaw-jsplot:0.38.1");
        fetch("tech.tablesaw:tablesaw-jsplot:0.44.1");
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        jupyter.environment.put("LAB_MAVEN_ARGS", "-o");
        Jupyter.Run run = jupyter.execute(
                List.of("--allow-errors", "--timeout", "300"),
                Jupyter.TEST_NOTEBOOKS.resolve("d2l-style/d2l-style.ipynb"));
        nb = run.notebook("d2l-style");
    }

    static void noError(int cell) {
        for (JsonObject output : Jupyter.outputs(nb, cell)) {
            assertFalse(output.get("output_type").getAsString().equals("error"), "cell " + cell + ": " + output);
        }
    }

    @Test
    void loadingUtilityFilesThatUseEachOtherDefinesTheirClasses() {
        noError(1);
        assertEquals("Point[x=1.0, y=2.0]", Jupyter.result(nb, 8, "text/plain"));
    }

    @Test
    void aPomFragmentWithARepositoryResolvesOfflineAndItsClassesAreUsableInTheNextCell() {
        noError(2);
        String printed = Jupyter.stream(nb, 2, "stdout");
        assertTrue(printed.startsWith("%%loadFromPOM: resolving org.ow2.asm:asm:9.8 with Maven"), printed);
        assertTrue(printed.contains("course-mirror https://repo.maven.apache.org/maven2"), printed);
        assertTrue(printed.contains("added to the classpath: ") && printed.contains("asm-9.8.jar"), printed);
        assertEquals("589824", Jupyter.result(nb, 3, "text/plain"), "Opcodes.ASM9");
        assertTrue(
                Jupyter.outputs(nb, 2).stream()
                        .noneMatch(o -> o.get("output_type").getAsString().equals("execute_result")),
                "the jars the magic added are its value as an expression, not shown under the cell");
    }

    @Test
    void aPomFileGivesItsDependenciesButNotManagedOrTestOnes() {
        noError(4);
        String printed = Jupyter.stream(nb, 4, "stdout");
        assertTrue(printed.startsWith("%loadFromPOM: resolving org.ow2.asm:asm:9.8 with Maven"), printed);
        assertFalse(printed.contains("nosuch"), "managed and test-scoped dependencies are not loaded: " + printed);
        assertTrue(printed.contains("already on the classpath: ") && printed.contains("asm-9.8.jar"), printed);
    }

    @Test
    void mavenRepoIsReadByLaterResolutionsAndAddMavenDependencyIsMaven() {
        noError(5);
        String printed = Jupyter.stream(nb, 5, "stdout");
        assertTrue(
                printed.startsWith("%mavenRepo: later resolutions also read jitpack at https://jitpack.io\n"), printed);
        assertTrue(printed.contains("%maven: resolving org.apache.commons:commons-math3:3.6.1"), printed);
        assertTrue(printed.contains(", jitpack https://jitpack.io)"), printed);
        assertTrue(
                printed.contains("already on the classpath: ") && printed.contains("commons-math3-3.6.1.jar"), printed);
    }

    @Test
    void timeAsALineMagicShowsTheStatementsValueAndItsWallTime() {
        assertEquals("6765", Jupyter.result(nb, 6, "text/plain"));
        assertTrue(Jupyter.stream(nb, 6, "stdout").matches("Wall time: \\d+ ms\n"), Jupyter.stream(nb, 6, "stdout"));
    }

    @Test
    void aRendererRegisteredThroughIJavasApiShowsACellsValueAndADisplay() {
        noError(7);
        assertEquals("<svg class=\"point\">(1.0, 2.0)</svg>", Jupyter.result(nb, 8, "text/html"));
        JsonObject shown = Jupyter.only(nb, 9, "display_data");
        assertEquals(List.of(shown), Jupyter.outputs(nb, 9), "the display's id is not shown as the cell's value");
        assertEquals(
                "<svg class=\"point\">(3.0, 4.0)</svg>",
                Jupyter.text(shown.getAsJsonObject("data").get("text/html")));
    }

    @Test
    void lsmagicListsIJavasMavenMagicsAndTime() {
        String listed = Jupyter.stream(nb, 10, "stdout");
        for (String magic : List.of("%loadFromPOM", "%%loadFromPOM", "%mavenRepo", "%addMavenDependency", "%time")) {
            assertTrue(listed.contains(magic + " ") || listed.contains(magic + "\n"), magic + ": " + listed);
        }
    }

    @Test
    void aRedefinitionThatResetsAVariableSaysWhichAndItsPreviousTypeAsANoteNotAnError() {
        noError(12);
        assertEquals(
                "note: redefining Model reset variable model (Model) to null; run the cell that set it again to get"
                        + " its value back\n",
                Jupyter.stream(nb, 12, "stdout"));
        assertEquals(
                "note: variable epochs was int and is now String; its previous value is gone\n",
                Jupyter.stream(nb, 13, "stdout"));
        assertEquals("", Jupyter.stream(nb, 14, "stdout"), "the same declaration again is no news");
        assertEquals("", Jupyter.stream(nb, 12, "stderr") + Jupyter.stream(nb, 13, "stderr"));
    }

    @Test
    void evalFromACellRunsCodeInTheNotebookAndReturnsItsValue() {
        noError(15);
        assertEquals("56", Jupyter.result(nb, 15, "text/plain"), "fib(10) + 1, the value eval returned");
        assertEquals("55", Jupyter.result(nb, 16, "text/plain"), "the variable eval declared stays");
    }

    @Test
    void aDependencyBuiltForAnotherTablesawThanTheKernelsIsTakenInTheKernelsVersionSaidInOneLine() {
        noError(17);
        String printed = Jupyter.stream(nb, 17, "stdout");
        assertTrue(
                printed.startsWith("%%loadFromPOM: resolving tech.tablesaw:tablesaw-jsplot:0.38.1 with Maven"),
                printed);
        List<String> clashes = printed.lines()
                .filter(l -> l.startsWith("version clash: tech.tablesaw"))
                .toList();
        assertEquals(
                List.of("version clash: tech.tablesaw:tablesaw-jsplot 0.38.1 asked for, 0.44.1 used (the kernel carries"
                        + " tech.tablesaw:tablesaw-core 0.44.1, and tablesaw-jsplot 0.38.1 was built for"
                        + " tech.tablesaw:tablesaw-core 0.38.1)"),
                clashes,
                printed);
        assertTrue(
                printed.contains("added to the classpath: ") && printed.contains("tablesaw-jsplot-0.44.1.jar"),
                printed);
        assertTrue(
                printed.contains("already on the classpath: ") && printed.contains("tablesaw-core-0.44.1.jar"),
                printed);
        assertFalse(printed.contains("-0.38.1.jar"), "nothing of Tablesaw 0.38.1 is loaded: " + printed);
        assertEquals("tablesaw-jsplot-0.44.1.jar", Jupyter.result(nb, 18, "text/plain"));
        noError(19);
        assertEquals("true", Jupyter.result(nb, 19, "text/plain"), "a plot of a Table, no NoSuchMethodError");
    }

    @Test
    void pathsInALoadedNotebookStartAtItsFolderAndANotebookItLoadsAtThatOnesFolder() {
        noError(17);
        assertEquals("9", Jupyter.result(nb, 20, "text/plain"), "Scale.twice(Shift.by(1, 2)) + nestedLoaded");
    }

    @Test
    void aNotebookThatLoadsItselfIsALoadErrorNamingTheChainNotAStackOverflow() {
        JsonObject error = Jupyter.only(nb, 21, "error");
        assertEquals("LoadError", error.get("ename").getAsString());
        String value = error.get("evalue").getAsString();
        assertTrue(
                value.startsWith("%load of ")
                        && value.endsWith(
                                "/d2l-style/setup/cycle.ipynb while it is being loaded (cycle.ipynb → cycle.ipynb) would never end"),
                value);
    }

    @Test
    void lineMagicsAfterAnAssignmentAreExpressionsWithIJavasValues() {
        noError(22);
        assertEquals("1 true 610 []", Jupyter.result(nb, 22, "text/plain"), "%classpath, %time, %addMavenDependency");
        String printed = Jupyter.stream(nb, 22, "stdout");
        assertTrue(
                printed.matches("(?s).*added to the classpath: \\S+/d2l-style/utils\n.*Wall time: \\d+ ms\n.*"),
                printed);
        assertTrue(printed.contains("already on the classpath: ") && printed.contains("asm-9.8.jar"), printed);
    }

    @Test
    void getMagicsAppliesTheKernelsMagicsAndRegistersNewOnesThatCellsCall() {
        noError(23);
        assertEquals("true", Jupyter.result(nb, 23, "text/plain"), "applyLineMagic(\"classpath\", ...) gave the path");
        assertEquals("2:HELLO WORLD|AGAIN", Jupyter.result(nb, 24, "text/plain"), "a quoted argument is one");
        assertEquals("lines 2", Jupyter.result(nb, 25, "text/plain"), "a registered cell magic");
        assertEquals(
                "UndefinedMagicException: %nosuch is not a line magic of this kernel; %lsmagic lists them\n",
                Jupyter.stream(nb, 26, "stdout"));
    }
}
