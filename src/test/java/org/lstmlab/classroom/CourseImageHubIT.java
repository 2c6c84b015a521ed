package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One student whose server runs in the course image, started by JupyterHub as Zero to JupyterHub starts
 * {@code singleuser.image}: {@code jupyterhub-singleuser} as uid 1000, an empty volume as home (the image copies
 * the course in), a memory limit. She runs notebook 02, then saves the right E3 and checks again without
 * restarting the kernel.
 */
class CourseImageHubIT {

    static final String STUDENT = "dana";
    static final String LIMIT = "1g";

    private static Hub hub;
    private static Path work;

    @BeforeAll
    static void startTheHubWithTheImage() throws Exception {
        String image = Containers.courseImage();
        work = Classroom.fresh("hub-image");
        Path home = Files.createDirectories(work.resolve("home").resolve(STUDENT)); // a new, empty volume
        Files.setAttribute(home, "unix:uid", 1000);
        Files.setAttribute(home, "unix:gid", 100);
        hub = Hub.start(work, Set.of(STUDENT), work.resolve("no-local-kernels"), image, Set.of(STUDENT), LIMIT);
    }

    @AfterAll
    static void stopTheHub() throws Exception {
        if (hub != null) {
            hub.close();
            Containers.engine(
                    Duration.ofMinutes(1),
                    Containers.LOGS.resolve("hub-image-rm.log"),
                    List.of("rm", "-f", "lstm-lab-class-" + STUDENT));
        }
    }

    @Test
    void aStudentsServerInTheImageRunsNotebookTwoAndGradesHerSavedAnswer() throws Exception {
        long started = System.nanoTime();
        String token = hub.login(STUDENT, Hub.PASSWORD);
        assertNotNull(token);
        hub.startServer(STUDENT, token, Duration.ofMinutes(5));
        hub.labPage(STUDENT, token); // the image's jupyterhub-singleuser opens JupyterLab
        double serverSeconds = (System.nanoTime() - started) / 1e9;
        JsonObject notebook = StudentSession.readNotebook(hub, STUDENT, token, ClassHubIT.NOTEBOOK);
        List<StudentSession.Cell> cells;
        String recheck;
        String who;
        KernelMemory memory;
        long containerPeak;
        try (StudentSession session = StudentSession.open(hub, STUDENT, token, ClassHubIT.NOTEBOOK)) {
            cells = session.runAll(notebook, Duration.ofMinutes(10));
            StudentSession.saveFile(hub, STUDENT, token, Classroom.E3, Classroom.rightE3());
            recheck = session.execute(StudentSession.source(lastCodeCell(notebook)), Duration.ofMinutes(5))
                    .text();
            who = session.execute(
                            "System.out.println(System.getProperty(\"user.name\") + \" \" + System.getProperty(\"user.home\")"
                                    + " + \" \" + java.nio.file.Path.of(\"\").toAbsolutePath());",
                            Duration.ofMinutes(1))
                    .text();
            memory = KernelMemory.parse(
                    session.execute(KernelMemory.CELL, Duration.ofMinutes(1)).text());
            containerPeak = KernelMemory.containerPeakMb(
                    session.execute(KernelMemory.CONTAINER_PEAK_CELL, Duration.ofMinutes(1))
                            .text());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        hub.stopServer(STUDENT, token, Duration.ofMinutes(2));
        System.out.printf(
                "classroom: in the course image (podman, --memory %s): server ready in %.1f s, notebook 02 and two checks"
                        + " in %.1f s; kernel %s; the whole container peaked at %d MB%n",
                LIMIT, serverSeconds, seconds, memory, containerPeak);

        List<String> errors = cells.stream().flatMap(c -> c.errors().stream()).toList();
        assertEquals(List.of(), errors, "notebook 02 in the image has errors\n" + hub.log());
        String first = cells.get(cells.size() - 1).text();
        assertTrue(first.toLowerCase().contains("not implemented"), first);
        assertEquals(8.0, Classroom.pointsOfE3(recheck), "after saving the right E3:\n" + recheck);
        assertTrue(who.startsWith("jovyan /home/jovyan /home/jovyan/notebooks"), who);
        assertTrue(memory.peakMb() <= Classroom.KERNEL_BUDGET_MB, "the kernel in the image peaked at " + memory);
        assertTrue(
                Files.isRegularFile(work.resolve("home").resolve(STUDENT).resolve(Classroom.E3)),
                "the course was copied into the empty home volume and her answer saved there");
    }

    private static JsonObject lastCodeCell(JsonObject notebook) {
        JsonObject last = null;
        for (var e : notebook.getAsJsonArray("cells")) {
            if (e.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                last = e.getAsJsonObject();
            }
        }
        assertTrue(
                last != null && StudentSession.source(last).contains("check(\"E3\")"),
                "notebook 02 ends with check(\"E3\")");
        return last;
    }
}
