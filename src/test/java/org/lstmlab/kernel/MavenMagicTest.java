package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %maven's parsing and its contract with mvn, on a stand-in mvn script (the real one: KernelMavenIT). */
class MavenMagicTest {

    @TempDir
    Path bin;

    /** An executable {@code mvn} in {@link #bin} running the given shell script body. */
    Path fakeMvn(String body) throws Exception {
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return mvn;
    }

    MavenMagic magic(String labMavenArgs) {
        return new MavenMagic(Map.of("PATH", "/nonexistent:" + bin, "LAB_MAVEN_ARGS", labMavenArgs));
    }

    @Test
    void coordinatesOfThreeFourAndFivePartsAreAccepted() {
        var plain = MavenMagic.Coordinate.parse("org.apache.commons:commons-math3:3.6.1");
        assertEquals(new MavenMagic.Coordinate("org.apache.commons", "commons-math3", "jar", "", "3.6.1"), plain);
        assertEquals("org.apache.commons:commons-math3:3.6.1", plain.toString());
        var classified = MavenMagic.Coordinate.parse("org.nd4j:nd4j-native:jar:linux-x86_64:1.0.0-M2.1");
        assertEquals("linux-x86_64", classified.classifier());
        assertTrue(MavenMagic.pom(List.of(classified))
                .contains("<artifactId>nd4j-native</artifactId><version>1.0.0-M2.1</version><type>jar</type>"
                        + "<classifier>linux-x86_64</classifier>"));
    }

    @Test
    void somethingElseIsRefusedWithTheFormsThatWork() {
        for (String bad : List.of("commons-math3", "a:b", "a:b:c:d:e:f", "a:b:1.0</version>", "a::1")) {
            CellError error = assertThrows(CellError.class, () -> MavenMagic.Coordinate.parse(bad), bad);
            assertTrue(error.value.startsWith(
                    "'" + bad + "' is not a Maven coordinate; write %maven group:artifact:version"));
        }
        CellError none = assertThrows(CellError.class, () -> MavenMagic.parse("  "));
        assertTrue(none.value.startsWith("%maven needs at least one coordinate"), none.value);
    }

    @Test
    void mavenWritesTheClasspathOfTheArtifactsWithLabMavenArgsPassedOn() throws Exception {
        Path args = bin.resolve("args.txt");
        fakeMvn("echo \"$@\" > " + args + "\n"
                + "for a in \"$@\"; do case $a in -Dmdep.outputFile=*) out=${a#-Dmdep.outputFile=} ;; esac; done\n"
                + "printf '/repo/a-1.jar:/repo/b-2.jar' > \"$out\"\n");
        List<Path> jars = magic("-o -s custom.xml").resolve(MavenMagic.parse("g:a:1 g:b:2"), () -> false);
        assertEquals(List.of(Path.of("/repo/a-1.jar"), Path.of("/repo/b-2.jar")), jars);
        String called = Files.readString(args);
        assertTrue(called.startsWith("-B -q -Dstyle.color=never -o -s custom.xml -f "), called);
        assertTrue(called.contains(MavenMagic.DEPENDENCY_PLUGIN + ":build-classpath"), called);
        assertTrue(called.contains("-Dmdep.includeScope=runtime"), called);
    }

    @Test
    void aFailedResolutionSaysWhichArtifactAndWhatMavenSaid() throws Exception {
        fakeMvn("echo '[ERROR] Failed to execute goal on project maven-magic: Could not resolve dependencies for"
                + " project org.lstmlab.kernel:maven-magic:pom:1: Could not find artifact x:y:jar:1 in central"
                + " (https://repo.maven.apache.org/maven2) -> [Help 1]'\n"
                + "echo '[ERROR] '\necho '[ERROR] To see the full stack trace of the errors, re-run Maven with -e.'\n"
                + "exit 1\n");
        CellError error =
                assertThrows(CellError.class, () -> magic("").resolve(MavenMagic.parse("x:y:1"), () -> false));
        assertEquals("MavenMagicError", error.name);
        assertEquals(
                "%maven could not resolve x:y:1: Could not find artifact x:y:jar:1 in central"
                        + " (https://repo.maven.apache.org/maven2) (offline, only artifacts already in"
                        + " ~/.m2/repository resolve)",
                error.value);
    }

    @Test
    void anInterruptStopsMaven() throws Exception {
        fakeMvn("sleep 600\n");
        long started = System.nanoTime();
        CellError error = assertThrows(CellError.class, () -> magic("").resolve(MavenMagic.parse("g:a:1"), () -> true));
        assertEquals("CellInterrupted", error.name);
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "Maven was stopped, not waited for");
    }

    @Test
    void withoutMavenTheMagicSaysHowToInstallIt() {
        CellError error = assertThrows(
                CellError.class,
                () -> new MavenMagic(Map.of("PATH", bin.toString())).resolve(MavenMagic.parse("g:a:1"), () -> false));
        assertTrue(error.value.startsWith("%maven needs Maven, but there is no mvn on the kernel's PATH"), error.value);
        assertTrue(error.value.contains("sudo apt-get install maven"), error.value);
    }

    @Test
    void aJarInTheRepositoryLayoutKnowsItsArtifactAndVersion() {
        var io = MavenMagic.RepositoryJar.of(Path.of("/r/commons-io/commons-io/2.7/commons-io-2.7.jar"));
        var newer = MavenMagic.RepositoryJar.of(Path.of("/r/commons-io/commons-io/2.16.1/commons-io-2.16.1.jar"));
        assertEquals("2.7", io.orElseThrow().version());
        assertEquals(io.orElseThrow().artifact(), newer.orElseThrow().artifact(), "the same artifact");
        var natives = MavenMagic.RepositoryJar.of(
                Path.of("/r/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-x86_64.jar"));
        var api = MavenMagic.RepositoryJar.of(Path.of("/r/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1.jar"));
        assertTrue(
                !natives.orElseThrow().artifact().equals(api.orElseThrow().artifact()), "a classifier is its own jar");
        assertEquals(Optional.empty(), MavenMagic.RepositoryJar.of(Path.of("/work/extra/classes.jar")));
    }

    @Test
    void onlyJarsTheClasspathLacksAreAddedAndAnotherVersionOfOneItHasIsLeftOut() {
        List<String> classpath = List.of("/r/commons-io/commons-io/2.7/commons-io-2.7.jar", "/work/target/classes");
        var placements = MavenMagic.place(
                List.of(
                        Path.of("/r/org/apache/commons/commons-csv/1.11.0/commons-csv-1.11.0.jar"),
                        Path.of("/r/commons-io/commons-io/2.16.1/commons-io-2.16.1.jar"),
                        Path.of("/r/commons-io/commons-io/2.7/commons-io-2.7.jar")),
                classpath,
                Optional.of(Path.of("/r")));
        assertEquals(
                List.of(
                        MavenMagic.Placement.Kind.ADD,
                        MavenMagic.Placement.Kind.OTHER_VERSION,
                        MavenMagic.Placement.Kind.ALREADY),
                placements.stream().map(MavenMagic.Placement::kind).toList());
        assertEquals(
                "version clash: commons-io:commons-io 2.16.1 asked for, 2.7 used (the kernel's, already on the"
                        + " classpath: /r/commons-io/commons-io/2.7/commons-io-2.7.jar)",
                placements.get(1).message());
    }

    static final List<String> KERNEL = List.of(
            "/r/tech/tablesaw/tablesaw-core/0.44.1/tablesaw-core-0.44.1.jar",
            "/r/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar");

    @Test
    void anArtifactOfTheSameReleaseAsOneTheKernelCarriesInAnotherVersionIsAClashTakenInTheKernelsVersion() {
        List<MavenMagic.Coordinate> asked = MavenMagic.parse("tech.tablesaw:tablesaw-jsplot:0.38.1 g:other:1");
        List<Path> resolved = List.of(
                Path.of("/r/tech/tablesaw/tablesaw-jsplot/0.38.1/tablesaw-jsplot-0.38.1.jar"),
                Path.of("/r/tech/tablesaw/tablesaw-core/0.38.1/tablesaw-core-0.38.1.jar"),
                Path.of("/r/io/pebbletemplates/pebble/3.1.2/pebble-3.1.2.jar"),
                Path.of("/r/g/other/1/other-1.jar"));
        assertEquals(Optional.of(Path.of("/r")), MavenMagic.repositoryRoot(asked, resolved));
        List<MavenMagic.Clash> clashes = MavenMagic.clashes(asked, resolved, KERNEL);
        assertEquals(List.of(new MavenMagic.Clash(asked.get(0), "tech.tablesaw:tablesaw-core", "0.44.1")), clashes);
        assertEquals(
                "version clash: tech.tablesaw:tablesaw-jsplot 0.38.1 asked for, 0.44.1 used (the kernel carries"
                        + " tech.tablesaw:tablesaw-core 0.44.1, and tablesaw-jsplot 0.38.1 was built for"
                        + " tech.tablesaw:tablesaw-core 0.38.1)",
                clashes.get(0).message());
        assertEquals(
                MavenMagic.parse("tech.tablesaw:tablesaw-jsplot:0.44.1 g:other:1"), MavenMagic.aligned(asked, clashes));
    }

    @Test
    void aStudentEditionsFlatLibJarsAreKnownByTheirNameBeforeTheVersion() {
        List<String> edition = List.of(
                "/course/lib/tablesaw-core-0.44.1.jar",
                "/course/lib/nd4j-native-1.0.0-M2.1-linux-x86_64.jar",
                "/course/lib/commons-io-2.16.1.jar");
        List<MavenMagic.Coordinate> asked = MavenMagic.parse("tech.tablesaw:tablesaw-jsplot:0.38.1");
        List<Path> resolved = List.of(
                Path.of("/r/tech/tablesaw/tablesaw-jsplot/0.38.1/tablesaw-jsplot-0.38.1.jar"),
                Path.of("/r/tech/tablesaw/tablesaw-core/0.38.1/tablesaw-core-0.38.1.jar"),
                Path.of("/r/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1.jar"),
                Path.of("/r/commons-io/commons-io/2.16.1/commons-io-2.16.1.jar"));
        assertEquals(
                List.of(new MavenMagic.Clash(asked.get(0), "tech.tablesaw:tablesaw-core", "0.44.1")),
                MavenMagic.clashes(asked, resolved, edition));
        var placements = MavenMagic.place(resolved, edition, Optional.of(Path.of("/r")));
        assertEquals(
                List.of(
                        MavenMagic.Placement.Kind.ADD,
                        MavenMagic.Placement.Kind.OTHER_VERSION,
                        MavenMagic.Placement.Kind.ADD,
                        MavenMagic.Placement.Kind.ALREADY),
                placements.stream().map(MavenMagic.Placement::kind).toList(),
                "the plain nd4j-native jar is not another version of the edition's linux-x86_64 one");
        assertEquals(
                "version clash: tech.tablesaw:tablesaw-core 0.38.1 asked for, 0.44.1 used (the kernel's, already on the"
                        + " classpath: /course/lib/tablesaw-core-0.44.1.jar)",
                placements.get(1).message());
        assertEquals(
                "already on the classpath: /course/lib/commons-io-2.16.1.jar",
                placements.get(3).message());
    }

    @Test
    void anotherGroupsOrAnotherReleasesVersionOfAKernelArtifactIsNoClashOfTheAskedArtifact() {
        // commons-math3 3.6.0 comes with x:y:2 (another group), tablesaw-core 0.38.1 with tablesaw-jsplot 0.39 (another
        // release of the group): the asked artifacts keep their versions, the kernel's jar is kept by place().
        List<Path> resolved = List.of(
                Path.of("/r/x/y/2/y-2.jar"),
                Path.of("/r/org/apache/commons/commons-math3/3.6.0/commons-math3-3.6.0.jar"),
                Path.of("/r/tech/tablesaw/tablesaw-jsplot/0.39/tablesaw-jsplot-0.39.jar"),
                Path.of("/r/tech/tablesaw/tablesaw-core/0.38.1/tablesaw-core-0.38.1.jar"));
        assertEquals(
                List.of(),
                MavenMagic.clashes(MavenMagic.parse("x:y:2 tech.tablesaw:tablesaw-jsplot:0.39"), resolved, KERNEL));
    }

    @Test
    void whenTheKernelsVersionOfAClashingArtifactDoesNotResolveNothingIsAddedAndTheErrorSaysWhy() {
        var clash = new MavenMagic.Clash(
                MavenMagic.Coordinate.parse("tech.tablesaw:tablesaw-jsplot:0.38.1"),
                "tech.tablesaw:tablesaw-core",
                "0.44.1");
        CellError error = MavenMagic.unaligned(
                List.of(clash), new CellError("MavenMagicError", "Could not find artifact", List.of()));
        assertEquals(
                "tech.tablesaw:tablesaw-jsplot:0.38.1 was built for tech.tablesaw:tablesaw-core 0.38.1, but the kernel"
                        + " carries tech.tablesaw:tablesaw-core 0.44.1, and tech.tablesaw:tablesaw-jsplot:0.44.1 to"
                        + " match it did not resolve (Could not find artifact); nothing was added: ask for a version"
                        + " built for 0.44.1",
                error.value);
    }

    @Test
    void aPomFragmentGivesItsDependenciesAndRepositoriesAndTheThrowAwayPomReadsThem() {
        MavenMagic maven = magic("");
        var pom = maven.readPom(
                "<repositories><repository><id>mirror</id><url>https://example.org/m2</url></repository>"
                        + "</repositories>\n<dependency><groupId>g</groupId><artifactId>a</artifactId>"
                        + "<version>1</version></dependency>\n<dependency><groupId>g</groupId><artifactId>b</artifactId>"
                        + "<version>2</version><classifier>linux</classifier></dependency>",
                "%%loadFromPOM");
        assertEquals(
                List.of("g:a:1", "g:b:jar:linux:2"),
                pom.dependencies().stream().map(Object::toString).toList());
        assertEquals(List.of(new MavenMagic.Repository("mirror", "https://example.org/m2")), maven.repositories());
        String written = MavenMagic.pom(pom.dependencies(), maven.repositories());
        assertTrue(
                written.contains("<repository><id>mirror</id><url>https://example.org/m2</url></repository>"), written);
    }

    @Test
    void aWholePomGivesNeitherManagedNorTestNorPluginDependencies() {
        var pom = magic("")
                .readPom(
                        "<?xml version=\"1.0\"?><project><dependencyManagement><dependencies><dependency><groupId>m</groupId>"
                                + "<artifactId>managed</artifactId><version>1</version></dependency></dependencies>"
                                + "</dependencyManagement><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId>"
                                + "<version>1</version></dependency><dependency><groupId>t</groupId><artifactId>tested</artifactId>"
                                + "<version>1</version><scope>test</scope></dependency></dependencies><build><plugins><plugin>"
                                + "<dependencies><dependency><groupId>p</groupId><artifactId>plugged</artifactId><version>1"
                                + "</version></dependency></dependencies></plugin></plugins></build></project>",
                        "pom.xml");
        assertEquals(
                List.of("g:a:1"),
                pom.dependencies().stream().map(Object::toString).toList());
    }

    @Test
    void aPomWithoutDependenciesOrNotXmlIsALoadFromPomErrorNamingWhere() {
        CellError none = assertThrows(CellError.class, () -> magic("").readPom("<repositories/>", "%%loadFromPOM"));
        assertEquals("LoadFromPomError", none.name);
        assertTrue(none.value.startsWith("%%loadFromPOM has no <dependency> to load"), none.value);
        CellError broken = assertThrows(CellError.class, () -> magic("").readPom("<dependency>", "x/pom.xml"));
        assertTrue(broken.value.startsWith("x/pom.xml is not XML a POM can hold"), broken.value);
        CellError partial = assertThrows(
                CellError.class,
                () -> magic("")
                        .readPom("<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>", "f"));
        assertTrue(partial.value.contains("needs <groupId>, <artifactId> and <version>"), partial.value);
    }

    @Test
    void mavenRepoTakesAnIdAndAUrlAndTheSameIdAgainReplacesIt() {
        MavenMagic maven = magic("");
        maven.addRepository("jitpack https://jitpack.io");
        maven.addRepository("jitpack https://jitpack.example.org");
        assertEquals(
                List.of(new MavenMagic.Repository("jitpack", "https://jitpack.example.org")), maven.repositories());
        CellError wrong = assertThrows(CellError.class, () -> maven.addRepository("https://jitpack.io"));
        assertTrue(wrong.value.startsWith("write %mavenRepo ID URL"), wrong.value);
    }
}
