package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab release} carries ND4J's natives for the platforms it is asked for, by name: the default edition
 * holds Linux and macOS on x86_64 and arm64 in {@code lib/natives/PLATFORM}, {@code --platforms linux-x86_64} (what
 * {@code ./lab image} asks for on this machine) only that one; no build's natives reach {@code lib/}, so a plain
 * {@code mvn package} (which resolves every platform ND4J publishes, Android's included) before a release changes
 * neither what the edition holds nor its size. The edition's kernel takes this machine's natives, and an edition
 * without them, or a processor ND4J has none for, fails with a message that says what it carries.
 */
class EditionPlatformsIT {

    static final Path HOME = Path.of("").toAbsolutePath();
    static final List<String> ALL = List.of("linux-arm64", "linux-x86_64", "macosx-arm64", "macosx-x86_64");
    static final Pattern NATIVE_JAR =
            Pattern.compile(".*-(android|ios|linux|macosx|windows)-(arm|arm64|armhf|x86|x86_64|ppc64le)(-\\w+)?\\.jar");

    static Path work;
    static Path everyPlatform;
    static String everyPlatformOutput;

    @BeforeAll
    static void releaseForEveryPlatform() throws Exception {
        work = Files.createTempDirectory("lstmlab-platforms-");
        everyPlatform = work.resolve("edition");
        Run release = lab(HOME, "release", "--out", everyPlatform.toString());
        assertEquals(0, release.code(), release.output());
        everyPlatformOutput = release.output();
        System.out.println("platforms: " + release.output().strip());
    }

    @AfterAll
    static void removeEditions() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theDefaultEditionCarriesLinuxAndMacOsOnX8664AndArm64() throws IOException {
        assertEquals(ALL, folders(everyPlatform.resolve("lib/natives")));
        for (String platform : ALL) {
            Path natives = everyPlatform.resolve("lib/natives").resolve(platform);
            for (String jar : List.of(
                    "nd4j-native-1.0.0-M2.1-",
                    "nd4j-native-preset-1.0.0-M2.1-",
                    "openblas-0.3.19-1.5.7-",
                    "javacpp-1.5.7-")) {
                Path expected = natives.resolve(jar + platform + ".jar");
                assertTrue(
                        Files.isRegularFile(expected),
                        expected + " is missing; " + platform + " holds " + names(natives));
            }
        }
        assertTrue(
                everyPlatformOutput.contains("natives: linux-arm64 ") && everyPlatformOutput.contains("macosx-x86_64 "),
                "the release says what each platform weighs: " + everyPlatformOutput);
    }

    @Test
    void noNativeJarStandsInLibOrOnItsClassPathAndEveryListedJarIsThere() throws IOException {
        Path lib = everyPlatform.resolve("lib");
        List<String> stray =
                names(lib).stream().filter(n -> NATIVE_JAR.matcher(n).matches()).toList();
        assertEquals(List.of(), stray, "natives belong in lib/natives/PLATFORM");
        for (String entry :
                Files.readString(lib.resolve("classpath.txt")).strip().split(":")) {
            assertFalse(NATIVE_JAR.matcher(entry).matches(), "classpath.txt lists " + entry);
            assertTrue(Files.isRegularFile(lib.resolve(entry)), "classpath.txt lists " + entry + ", which lib/ lacks");
        }
        String sandbox = Files.readString(lib.resolve("sandbox-classpath.txt"));
        for (String platform : ALL) {
            assertTrue(
                    sandbox.contains("natives/" + platform + "/nd4j-native-1.0.0-M2.1-" + platform + ".jar"),
                    "the grader's sandbox gets " + platform + "'s natives: " + sandbox);
        }
    }

    @Test
    void theEditionsKernelTakesTheNativesOfThisMachineOnly() throws Exception {
        Path prefix = work.resolve("kernel-prefix");
        Run install = lab(everyPlatform, "kernel", "install", "--prefix", prefix.toString());
        assertEquals(0, install.code(), install.output());
        String kernel = Files.readString(prefix.resolve("share/jupyter/kernels/lstm-lab/kernel.json"));
        String here = thisPlatform();
        assertTrue(kernel.contains("natives/" + here + "/nd4j-native-1.0.0-M2.1-" + here + ".jar"), kernel);
        for (String other : ALL) {
            if (!other.equals(here)) {
                assertFalse(kernel.contains("natives/" + other + "/"), other + " is on the kernel's class path");
            }
        }
    }

    @Test
    void anEditionWithoutThisMachinesNativesSaysWhichItCarries() throws Exception {
        String elsewhere = thisPlatform().equals("macosx-arm64") ? "linux-arm64" : "macosx-arm64";
        Path edition = work.resolve("elsewhere");
        Run release = lab(HOME, "release", "--out", edition.toString(), "--platforms", elsewhere);
        assertEquals(0, release.code(), release.output());
        assertEquals(List.of(elsewhere), folders(edition.resolve("lib/natives")));
        Run install = lab(
                edition,
                "kernel",
                "install",
                "--prefix",
                work.resolve("elsewhere-prefix").toString());
        assertNotEquals(0, install.code(), install.output());
        assertTrue(
                install.output()
                        .contains("this student edition carries ND4J's native libraries for " + elsewhere
                                + ", but this machine is " + thisPlatform()),
                install.output());
        Run check = lab(edition, "check", "E3");
        assertNotEquals(0, check.code(), check.output());
        assertTrue(check.output().contains("but this machine is " + thisPlatform()), check.output());
    }

    @Test
    void aProcessorNd4jHasNoNativesForFailsWithAClearMessage() throws Exception {
        Path bin = Files.createDirectories(work.resolve("riscv-bin"));
        Path uname = bin.resolve("uname");
        Files.writeString(uname, "#!/bin/sh\ncase \"$1\" in -m) echo riscv64 ;; *) /usr/bin/uname \"$@\" ;; esac\n");
        uname.toFile().setExecutable(true);
        Run install = lab(
                Map.of("PATH", bin + ":" + System.getenv("PATH")),
                everyPlatform,
                "kernel",
                "install",
                "--prefix",
                work.resolve("riscv-prefix").toString());
        assertNotEquals(0, install.code(), install.output());
        assertTrue(
                install.output().contains("unsupported processor riscv64: LSTM Lab runs on x86_64 and arm64"),
                install.output());
    }

    @Test
    void unknownOrRepeatedPlatformsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Run windows = lab(HOME, "release", "--out", work.resolve("w").toString(), "--platforms", "windows-x86_64");
        assertNotEquals(0, windows.code());
        assertTrue(
                windows.output()
                        .contains("'windows-x86_64' is not one of linux-x86_64,linux-arm64,macosx-x86_64,"
                                + "macosx-arm64 (Windows students use WSL, which is Linux)"),
                windows.output());
        Run twice =
                lab(HOME, "release", "--out", work.resolve("t").toString(), "--platforms", "linux-x86_64,linux-x86_64");
        assertNotEquals(0, twice.code());
        assertTrue(twice.output().contains("--platforms names linux-x86_64 twice"), twice.output());
        assertFalse(Files.exists(work.resolve("w")) || Files.exists(work.resolve("t")));
    }

    /**
     * A plain {@code mvn package} resolves every platform's natives into the build's class path files; the
     * edition (the default one, and the image's one-platform one) stays file for file and byte for byte the size
     * it was. The build's class path files are put back afterwards for the tests that follow.
     */
    @Test
    void aPlainMavenPackageBeforeAReleaseChangesNeitherItsContentNorItsSize() throws Exception {
        // On a copy of the repository's files: a plain mvn package rebuilds target/, which the other suites of this
        // run are loading classes from.
        Path copy = Files.createDirectories(work.resolve("course"));
        Process tar = new ProcessBuilder(
                        "bash",
                        "-c",
                        "git ls-files -z -c -o --exclude-standard | tar --null -T - -cf - | tar -xf - -C \"" + copy
                                + "\"")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .start();
        String copied = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(5, TimeUnit.MINUTES) && tar.exitValue() == 0, "copying the repository: " + copied);
        Path everyBefore = work.resolve("every-before");
        Run first = lab(copy, "release", "--out", everyBefore.toString());
        assertEquals(0, first.code(), first.output());
        Path imageBefore = work.resolve("image-before");
        Run before = lab(copy, "release", "--out", imageBefore.toString(), "--platforms", thisLinux());
        assertEquals(0, before.code(), before.output());
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "package", "-DskipTests")
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mvn.waitFor(15, TimeUnit.MINUTES), log);
        assertEquals(0, mvn.exitValue(), log);
        String built = Files.readString(copy.resolve("target/notebook-classpath.txt"));
        assertTrue(
                built.contains("-android-arm64.jar"),
                "a plain mvn package should resolve every platform (else this test shows nothing): " + built);
        Path everyAfter = work.resolve("every-after");
        Run after = lab(copy, "release", "--out", everyAfter.toString());
        assertEquals(0, after.code(), after.output());
        assertEquals(contents(everyBefore), contents(everyAfter), "the default edition after a plain mvn package");
        Path imageAfter = work.resolve("image-after");
        Run image = lab(copy, "release", "--out", imageAfter.toString(), "--platforms", thisLinux());
        assertEquals(0, image.code(), image.output());
        assertEquals(contents(imageBefore), contents(imageAfter), "the image's edition after a plain mvn package");
        System.out.printf(
                "platforms: edition %d MB for %s, %d MB for %s%n",
                megabytes(everyPlatform), String.join(",", ALL), megabytes(imageBefore), thisLinux());
    }

    /**
     * What an edition holds: every file with its size, but the jars the build makes of the course's own classes
     * (the library, the kernel, the visible tests) as their entries with their uncompressed sizes — a rebuilt jar
     * may pack the same entries a byte longer or shorter.
     */
    static Map<String, String> contents(Path edition) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, Long> f : listing(edition).entrySet()) {
            String name = f.getKey();
            boolean ours = name.equals("lib/lstm-lab.jar")
                    || name.equals("lib/lstm-lab-grading.jar")
                    || name.equals("lib/kernel/lstm-lab-kernel.jar");
            files.put(name, ours ? entries(edition.resolve(name)) : Long.toString(f.getValue()));
        }
        return files;
    }

    private static String entries(Path jar) throws IOException {
        Map<String, Long> entries = new TreeMap<>();
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> entries.put(e.getName(), e.getSize()));
        }
        return entries.toString();
    }

    // ------------------------------------------------------------------------------ helpers

    /** Every file of an edition with its size, by path. */
    static Map<String, Long> listing(Path edition) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(edition)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(edition.relativize(file).toString(), Files.size(file));
            }
        }
        return files;
    }

    static long megabytes(Path edition) throws IOException {
        return listing(edition).values().stream().mapToLong(Long::longValue).sum() >> 20;
    }

    static List<String> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** JavaCPP's name for this machine, as ./lab computes it. */
    static String thisPlatform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return (os.startsWith("mac") ? "macosx" : "linux") + "-"
                + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "x86_64");
    }

    /** The platform of the image ./lab image builds on this machine. */
    static String thisLinux() {
        return "linux-" + thisPlatform().substring(thisPlatform().indexOf('-') + 1);
    }

    record Run(int code, String output) {}

    static Run lab(Path course, String... args) throws Exception {
        return lab(Map.of(), course, args);
    }

    /** Runs {@code ./lab} of a course folder (the repository or an edition) there; its output, both streams. */
    static Run lab(Map<String, String> environment, Path course, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(course.resolve("lab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 10 minutes:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }
}
