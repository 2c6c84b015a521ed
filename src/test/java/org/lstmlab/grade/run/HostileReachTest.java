package org.lstmlab.grade.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.grade.report.Report;

/**
 * What a submission can reach from its sandbox beyond files and TCP (which {@code HostileSubmissionsTest} covers):
 * unix-domain sockets in the filesystem, the grader's environment and command line, and files its folder links
 * to or that are not files at all. Each reaches nothing, costs only its own exercise, and hangs nothing.
 */
class HostileReachTest extends HostileGrading {
    @Test
    void aSubmissionReachesNoUnixDomainSocketOfTheMachine(@TempDir Path tmp) throws Exception {
        requireOsSandbox();
        Path inTmp = Path.of("/tmp", "lstmlab-reach-" + ProcessHandle.current().pid() + ".sock");
        Path inJob = tmp.resolve("grader.sock");
        AtomicInteger accepted = new AtomicInteger();
        List<ServerSocketChannel> servers = List.of(listen(inTmp, accepted), listen(inJob, accepted));
        try {
            try (SocketChannel self = SocketChannel.open(UnixDomainSocketAddress.of(inTmp))) {
                assertTrue(self.isConnected(), "the grader itself can connect");
            }
            Thread.sleep(300);
            int mine = accepted.getAndSet(0);
            assertEquals(1, mine, "the listener counts connections");
            Path sub = HostileSubmissionsTest.templated(
                    tmp.resolve("s"), "connects-to-unix-socket", Map.of("PATHS", inTmp + "," + inJob));
            Report r = grader.grade("unix", sub, GradingFixtures.only("E3", "E5"), Grader.Scope.ALL_TESTS, 11);
            Thread.sleep(300);
            String feedback = r.exercise("E3").feedback();
            assertEquals(0, accepted.get(), "no connection reached a listener");
            assertEquals(0, r.exercise("E3").score(), feedback);
            assertTrue(
                    feedback.contains("reached no unix socket") || feedback.contains("network"),
                    "nothing was reached: " + feedback);
            assertEquals(8, r.exercise("E5").score(), r.exercise("E5").feedback());
        } finally {
            for (ServerSocketChannel s : servers) {
                s.close();
            }
            Files.deleteIfExists(inTmp);
        }
    }

    private static ServerSocketChannel listen(Path at, AtomicInteger accepted) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(at));
        Thread t = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aSubmissionReadsNoneOfTheGradersEnvironmentNorItsCommandLine(@TempDir Path tmp) throws IOException {
        requireOsSandbox();
        Path sub = GradingFixtures.submission(tmp.resolve("s"), GradingFixtures.HOSTILE.resolve("reads-environment"));
        Report r = grader.grade("env", sub, GradingFixtures.only("E3"), Grader.Scope.ALL_TESTS, 11);
        String seen = r.exercise("E3").feedback();
        assertTrue(seen.contains("SEEN "), "the submission reported what it saw: " + seen);
        Set<String> given =
                Set.of("PATH", "HOME", "LANG", "TMPDIR", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS");
        String passedOn = String.join(
                " ",
                given.stream().map(k -> System.getenv().getOrDefault(k, "")).toList());
        // the children's own runtime (./lab's LSTMLAB_CHILD_JDK) is the java the child runs: its path is no secret
        passedOn += " " + System.getenv().getOrDefault("LSTMLAB_CHILD_JDK", "");
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            // a value inside one passed on (PYENV_ROOT in PATH) is no secret of its own
            if (!given.contains(e.getKey()) && e.getValue().length() >= 6 && !passedOn.contains(e.getValue())) {
                assertFalse(
                        seen.contains(e.getValue()), "the grader's " + e.getKey() + " reached the submission: " + seen);
            }
        }
        String grader = ProcessHandle.current().info().commandLine().orElse("");
        for (String part : grader.split(" ")) {
            if (part.length() >= 12 && part.contains("/") && !part.contains("/usr/")) {
                assertFalse(seen.contains(part), "the grader's command line (" + part + ") reached it: " + seen);
            }
        }
    }

    @Test
    void exerciseFilesLinkedToTheSolutionsOrThatAreFifosScoreZeroAndHangNothing(@TempDir Path tmp) throws Exception {
        Path sub = GradingFixtures.submission(tmp.resolve("s"), null);
        Path pkg = sub.resolve("org/lstmlab/exercises");
        Path solution = GradingFixtures.SOLUTIONS.resolve("org/lstmlab/exercises/E3ForgetGate.java");
        Files.delete(pkg.resolve("E3ForgetGate.java"));
        Files.createSymbolicLink(pkg.resolve("E3ForgetGate.java"), solution);
        Files.delete(pkg.resolve("E5CellState.java"));
        MessyFoldersTest.mkfifo(pkg.resolve("E5CellState.java"));
        Files.createSymbolicLink(sub.resolve("org/lstmlab/linked"), solution.getParent());
        Report r = assertTimeoutPreemptively(
                Duration.ofSeconds(120),
                () -> grader.grade("links", sub, GradingFixtures.only("E3", "E5", "E6"), Grader.Scope.ALL_TESTS, 11));
        for (String id : List.of("E3", "E5")) {
            assertEquals(0, r.exercise(id).score(), id + " is not read through a link or a FIFO: " + r);
        }
        assertEquals(
                10,
                r.exercise("E6").score(),
                "E6 is graded normally: " + r.exercise("E6").feedback());
    }
}
