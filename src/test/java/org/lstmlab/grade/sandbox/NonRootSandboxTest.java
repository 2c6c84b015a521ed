package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A grader that is not root gets no control group, so its sandbox must bound processes and memory itself: inside its
 * own user namespace {@code ulimit -u} counts the sandbox's processes alone (Linux 5.14 and later), and
 * {@code ulimit -v} bounds each process's memory. The tests run as root, so {@link NonRootHarness} runs as user
 * 65534 ({@code setpriv}) on each route: a fork bomb stops below the limit, a classmate's sandbox still starts its
 * processes meanwhile, the grader can still start one, a process that asks for a 4 GB buffer does not get it, and
 * one that writes 400 MB into its private {@code /tmp} (memory) gets at most 64 MB in.
 */
class NonRootSandboxTest {

    @ParameterizedTest
    @ValueSource(strings = {"bubblewrap", "unshare"})
    void aNonRootGradersSandboxBoundsAForkBombAndAMemoryHogAndHarmsNoClassmate(String route) throws Exception {
        Path dir = Files.createTempDirectory("lstmlab-nonroot-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx")); // the unprivileged user's
        try {
            Map<String, String> found = harness(route, dir);
            System.out.println("non-root " + route + ": " + found);
            assertEquals(route.equals("bubblewrap") ? "BUBBLEWRAP" : "UNSHARE", found.get("kind"), found.toString());
            assertEquals(
                    "true", found.get("own-processes"), "Linux " + System.getProperty("os.version") + ": " + found);
            int bomb = Integer.parseInt(found.getOrDefault("bomb", "started 0").replace("started ", ""));
            assertTrue(
                    bomb > 200 && bomb < ChildRuntime.MAX_PROCESSES,
                    "the fork bomb stops below " + ChildRuntime.MAX_PROCESSES + " processes: " + found);
            assertEquals("ok", found.get("classmate"), "a classmate's sandbox starts its 50 processes: " + found);
            assertEquals("ok", found.get("grader"), "the grader still starts a process: " + found);
            assertTrue(
                    found.containsKey("hog")
                            && !found.get("hog").equals("0")
                            && !found.get("hog").equals("running"),
                    "the 4 GB memory hog fails within " + Limits.defaults().addressSpaceMb() + " MB: " + found);
            assertTrue(
                    Integer.parseInt(found.getOrDefault("tmp", "-1")) >= 0
                            && Integer.parseInt(found.getOrDefault("tmp", "-1")) <= OsSandbox.TMP_MB,
                    "the private /tmp holds at most " + OsSandbox.TMP_MB + " MB of the 400 MB written: " + found);
        } finally {
            Sandbox.remove(dir);
        }
    }

    /** Runs {@link NonRootHarness} as user 65534 (a root test JVM drops to it; any other runs it as itself). */
    private static Map<String, String> harness(String route, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (OsSandbox.root()) {
            cmd.addAll(List.of(
                    OsSandbox.SETPRIV,
                    "--reuid=" + OsSandbox.USER,
                    "--regid=" + OsSandbox.USER,
                    "--clear-groups",
                    "--"));
        }
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + dir,
                "-cp",
                classes(),
                NonRootHarness.class.getName(),
                route,
                dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), "the harness as user " + OsSandbox.USER + ":\n" + out);
        return out.lines()
                .filter(l -> l.contains(" "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(' ')), l -> l.substring(l.indexOf(' ') + 1)));
    }

    /** The grader's and the tests' class folders, which the unprivileged user can read. */
    private static String classes() throws Exception {
        Path tests = Path.of(NonRootHarness.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return ChildRuntime.codeSource() + File.pathSeparator + tests;
    }
}
