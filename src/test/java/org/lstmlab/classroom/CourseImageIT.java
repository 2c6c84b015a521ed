package org.lstmlab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course image as Zero to JupyterHub, Binder and podman/docker use it: a student with uid 1000, the course in
 * the home, the kernel and jupyterhub-singleuser installed, no solution anywhere, Jupyter by default, and notebooks
 * that run without a network.
 */
class CourseImageIT {

    private static String image;

    @BeforeAll
    static void buildTheImage() throws Exception {
        image = Containers.courseImage();
        long size = Containers.sizeMb(image);
        System.out.printf("classroom: the course image %s is %d MB%n", image, size);
        assertTrue(size < 2000, "the course image grew to " + size + " MB (a layer copied twice?)");
    }

    @Test
    void theImageIsOneStudentsJupyterWithTheCourseKernelAndJupyterhubSingleuser() throws Exception {
        String out = shell(
                "id -u; id -gn; command -v jupyterhub-singleuser; python3 -c 'from jupyter_client.kernelspec import"
                        + " KernelSpecManager; print(KernelSpecManager().find_kernel_specs())'; ls \"$HOME\"; echo \"$LSTMLAB_HOME\"");
        List<String> lines = out.lines().map(String::strip).toList();
        assertEquals("1000", lines.get(0), out);
        assertEquals("users", lines.get(1), out);
        assertTrue(lines.get(2).endsWith("/jupyterhub-singleuser"), out);
        assertTrue(out.contains("lstm-lab") && out.contains("/usr/local/share/jupyter/kernels/lstm-lab"), out);
        for (String item : Classroom.COURSE) {
            assertTrue(lines.contains(item), item + " is not in the student's home:\n" + out);
        }
        assertTrue(lines.contains("/home/jovyan"), "LSTMLAB_HOME:\n" + out);
    }

    @Test
    void noSolutionIsInTheImage() throws Exception {
        String out = shell("find / -xdev -name solutions -print 2>/dev/null;"
                + " grep -rl -e 'BEGIN SOLUTION' -e 'hx.mmul(wF.transpose())' /home /opt/lstm-lab/course 2>/dev/null;"
                + " echo searched");
        assertEquals("searched", out.strip(), "solutions in the image:\n" + out);
    }

    @Test
    void anEmptyHomeVolumeGetsTheCourseAndAStudentsSavedFileIsNeverOverwritten() throws Exception {
        Path home = Classroom.fresh("image-home");
        Path e3 = home.resolve(Classroom.E3);
        Files.createDirectories(e3.getParent());
        Files.writeString(e3, "// my own E3\n");
        try (var walk = Files.walk(home)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", 1000);
            }
        }
        List<String> run = new ArrayList<>(List.of("run", "--rm"));
        run.addAll(Containers.options("none"));
        run.addAll(List.of(
                "-v",
                home + ":/home/jovyan",
                image,
                "sh",
                "-c",
                "ls notebooks/*.ipynb | wc -l; ls notebooks/vi/*.ipynb | wc -l; cat " + Classroom.E3));
        String out = Containers.engine(Duration.ofMinutes(2), Containers.LOGS.resolve("image-home.log"), run)
                .orFail("the image on a home volume")
                .output();
        assertTrue(
                out.startsWith("11\n11\n"),
                "the eleven notebooks and their Vietnamese edition were copied into the volume:\n" + out);
        assertTrue(out.contains("// my own E3"), "the student's E3 was overwritten:\n" + out);
        assertTrue(Files.isRegularFile(home.resolve("datasets/README.md")), "datasets/ in the volume");
    }

    @Test
    void theDefaultCommandServesJupyterWithoutANetwork() throws Exception {
        String name = "lstm-lab-default-command";
        Containers.engine(Duration.ofMinutes(1), Containers.LOGS.resolve("default-rm.log"), List.of("rm", "-f", name));
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", name));
        run.addAll(Containers.options("none"));
        run.add(image);
        Containers.engine(Duration.ofMinutes(2), Containers.LOGS.resolve("default-run.log"), run)
                .orFail("starting the image's default command");
        try {
            String probe = "import time, urllib.request\n"
                    + "for _ in range(120):\n"
                    + "    try:\n"
                    + "        print(urllib.request.urlopen('http://127.0.0.1:8888/api').read().decode()); break\n"
                    + "    except OSError:\n"
                    + "        time.sleep(1)\n";
            Containers.Result api = Containers.engine(
                    Duration.ofMinutes(3),
                    Containers.LOGS.resolve("default-probe.log"),
                    List.of("exec", name, "python3", "-c", probe));
            assertTrue(api.output().contains("\"version\""), "Jupyter's API on port 8888:\n" + api.output());
        } finally {
            Containers.engine(
                    Duration.ofMinutes(1), Containers.LOGS.resolve("default-rm.log"), List.of("rm", "-f", name));
        }
    }

    @Test
    void notebookTwoRunsInTheImageWithoutANetwork() throws Exception {
        long started = System.nanoTime();
        String out =
                shell("jupyter nbconvert --to notebook --execute --output-dir /tmp/run notebooks/02-forget-gate.ipynb"
                        + " && grep -c '\"output_type\": \"error\"' /tmp/run/02-forget-gate.ipynb || true");
        System.out.printf(
                "classroom: notebook 02 in the image, offline: %.0f s%n", (System.nanoTime() - started) / 1e9);
        assertTrue(out.contains("Writing"), "nbconvert did not write the executed notebook:\n" + out);
        assertEquals("0", out.strip().lines().reduce((a, b) -> b).orElse(""), "error outputs:\n" + out);
    }

    /** Runs a shell command in a fresh container of the image, as the student, without a network. */
    private static String shell(String command) throws Exception {
        List<String> run = new ArrayList<>(List.of("run", "--rm"));
        run.addAll(Containers.options("none"));
        run.addAll(List.of(image, "sh", "-c", command));
        return Containers.engine(Duration.ofMinutes(10), Containers.LOGS.resolve("image-shell.log"), run)
                .orFail("sh -c " + command)
                .output();
    }
}
