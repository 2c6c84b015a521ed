package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A class on one machine: JupyterHub 6 serves three students at once, each logged in through the hub's REST API, each
 * given JupyterLab by a server of their own, running notebook 02 and its check("E3") there through the hub's proxy —
 * one with the starter code, one who saved the right answer, one who used tanh instead of σ.
 */
class ClassHubIT {

    static final String NOTEBOOK = "notebooks/02-forget-gate.ipynb";
    static final Set<String> STUDENTS = Set.of("alice", "bob", "carol");

    private static Hub hub;
    private static Path work;

    /** What one student saw: every cell of notebook 02, then their kernel's memory. */
    record Run(List<StudentSession.Cell> cells, KernelMemory memory, double seconds) {
        String check() {
            return cells.get(cells.size() - 1).text();
        }

        List<String> errors() {
            return cells.stream().flatMap(c -> c.errors().stream()).toList();
        }
    }

    @BeforeAll
    static void startTheHub() throws Exception {
        work = Classroom.fresh("hub");
        Path jupyter = Classroom.kernelspec(work.resolve("jupyter"));
        for (String student : STUDENTS) {
            Classroom.copyCourse(work.resolve("home").resolve(student));
        }
        hub = Hub.start(work, STUDENTS, jupyter, null, Set.of(), "1g");
    }

    @AfterAll
    static void stopTheHubAndNothingOfTheClassIsLeftRunning() throws Exception {
        if (hub != null) {
            hub.close();
            assertEquals(
                    List.of(), Hub.processesUnder(work, Duration.ofSeconds(30)), "left running after the hub stopped");
        }
    }

    @Test
    void theHubIsJupyterHubSix() throws Exception {
        String version = hub.version();
        assertTrue(version.startsWith("6."), "the hub should be JupyterHub 6 (the pinned stack's) but is " + version);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneGivesAToken() throws Exception {
        assertNull(hub.login("alice", "not-the-password"), "the hub let alice in with a wrong password");
        assertNotNull(hub.login("alice", Hub.PASSWORD));
    }

    @Test
    void threeStudentsRunNotebookTwoAndItsCheckAtTheSameTimeEachGradedOnTheirOwnExercise() throws Exception {
        Map<String, String> e3 = new LinkedHashMap<>();
        e3.put("alice", null); // the starter code: "not implemented"
        e3.put("bob", Classroom.rightE3());
        e3.put("carol", Classroom.tanhE3());
        ExecutorService pool = Executors.newFixedThreadPool(e3.size());
        long started = System.nanoTime();
        Map<String, Future<Run>> runs = new LinkedHashMap<>();
        for (Map.Entry<String, String> student : e3.entrySet()) {
            runs.put(student.getKey(), pool.submit(() -> runNotebookTwo(student.getKey(), student.getValue())));
        }
        Map<String, Run> done = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Future<Run>> run : runs.entrySet()) {
            try {
                done.put(run.getKey(), run.getValue().get(20, TimeUnit.MINUTES));
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(run.getKey() + ": " + e.getCause());
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        pool.shutdownNow();
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\nhub log:\n" + hub.log());

        StringBuilder report = new StringBuilder(String.format(
                "classroom: three students ran notebook 02 and check(\"E3\") through JupyterHub at the same time"
                        + " in %.1f s (login to last check)%n",
                wall));
        done.forEach((student, run) -> report.append(String.format(
                "classroom:   %-5s %.1f s, kernel %s, check: E3 %s/8%n",
                student, run.seconds(), run.memory(), points(run))));
        System.out.print(report);

        for (Map.Entry<String, Run> entry : done.entrySet()) {
            Run run = entry.getValue();
            assertEquals(List.of(), run.errors(), entry.getKey() + "'s notebook 02 has errors");
            assertTrue(
                    run.memory().peakMb() <= Classroom.KERNEL_BUDGET_MB,
                    entry.getKey() + "'s kernel peaked at " + run.memory() + ", above the " + Classroom.KERNEL_BUDGET_MB
                            + " MB per student");
        }
        String alice = done.get("alice").check();
        assertTrue(alice.toLowerCase().contains("not implemented") && points(done.get("alice")) == 0, alice);
        assertEquals(
                8.0,
                points(done.get("bob")),
                "bob saved the right E3:\n" + done.get("bob").check());
        String carol = done.get("carol").check();
        assertEquals(0.0, points(done.get("carol")), carol);
        assertTrue(carol.contains("tanh"), "carol's check should name her mistake (tanh instead of σ):\n" + carol);
    }

    private static double points(Run run) {
        return Classroom.pointsOfE3(run.check());
    }

    /** One student: log in, start the server, save E3 (unless null), run notebook 02, read the kernel's memory. */
    private static Run runNotebookTwo(String student, String e3) throws Exception {
        long started = System.nanoTime();
        String token = hub.login(student, Hub.PASSWORD);
        assertNotNull(token, student + " could not log in");
        hub.startServer(student, token, Duration.ofMinutes(5));
        hub.labPage(student, token); // the student lands in JupyterLab
        if (e3 != null) {
            StudentSession.saveFile(hub, student, token, Classroom.E3, e3);
        }
        JsonObject notebook = StudentSession.readNotebook(hub, student, token, NOTEBOOK);
        List<StudentSession.Cell> cells;
        KernelMemory memory;
        try (StudentSession session = StudentSession.open(hub, student, token, NOTEBOOK)) {
            cells = session.runAll(notebook, Duration.ofMinutes(10));
            memory = KernelMemory.parse(
                    session.execute(KernelMemory.CELL, Duration.ofMinutes(1)).text());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        hub.stopServer(student, token, Duration.ofMinutes(2));
        return new Run(cells, memory, seconds);
    }
}
