package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab kernel ...} and {@code ./lab run-notebooks ...} as a student or CI runs them. */
class LabCommandsIT {

    @TempDir
    Path prefix;

    record Result(int exitCode, String output) {}

    static Result lab(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./lab"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(15, TimeUnit.MINUTES), "./lab " + String.join(" ", args) + " timed out");
        return new Result(process.exitValue(), output);
    }

    @Test
    void kernelInstallStatusAndUninstallWorkUnderAPrefix() throws Exception {
        Path spec = prefix.resolve("share/jupyter/kernels/lstm-lab/kernel.json");
        Result install = lab("kernel", "install", "--prefix", prefix.toString());
        assertEquals(0, install.exitCode(), install.output());
        String json = Files.readString(spec);
        assertTrue(json.contains("\"display_name\": \"Java (LSTM Lab)\""), json);
        assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
        assertTrue(
                json.contains("-kernel.jar") && json.contains("nd4j"),
                "kernel jar and library on the classpath: " + json);

        Result status = lab("kernel", "status", "--prefix", prefix.toString());
        assertEquals(0, status.exitCode(), status.output());
        assertTrue(status.output().contains("installed: " + spec.getParent()), status.output());

        Result uninstall = lab("kernel", "uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.exitCode(), uninstall.output());
        assertFalse(Files.exists(spec));
        Result gone = lab("kernel", "status", "--prefix", prefix.toString());
        assertEquals(1, gone.exitCode(), gone.output());
        assertTrue(gone.output().contains("is not installed"), gone.output());
    }

    @Test
    void aNotebookWrittenForIJavaOpensOnThisKernelInstalledAsJava() throws Exception {
        Result install = lab("kernel", "install", "--name", "java", "--prefix", prefix.toString());
        assertEquals(0, install.exitCode(), install.output());
        assertTrue(install.output().contains("installed kernel 'java' (Java (LSTM Lab) as java)"), install.output());
        Jupyter jupyter = Jupyter.withKernelspecsUnder(prefix);
        Jupyter.Run run = jupyter.execute(List.of("--kernel", ""), Jupyter.TEST_NOTEBOOKS.resolve("ijava.ipynb"));
        assertEquals(0, run.exitCode(), "the kernel named in the notebook's metadata ran it:\n" + run.log());
        var nb = run.notebook("ijava");
        assertEquals(
                "java",
                nb.getAsJsonObject("metadata")
                        .getAsJsonObject("kernelspec")
                        .get("name")
                        .getAsString());
        assertEquals(
                "loaded",
                Jupyter.text(Jupyter.only(nb, 1, "display_data")
                        .getAsJsonObject("data")
                        .get("text/plain")));
        assertEquals("[1, 2, 3]", Jupyter.result(nb, 2, "text/plain"));
        assertEquals(
                "<b>bold</b>",
                Jupyter.text(Jupyter.only(nb, 3, "display_data")
                        .getAsJsonObject("data")
                        .get("text/html")));
        assertEquals("org.lstmlab.nn.LstmCell", Jupyter.result(nb, 4, "text/plain"), "LSTM Lab's kernel");
    }

    @Test
    void anotherKernelsJavaKernelspecIsReplacedOnlyWithForce() throws Exception {
        Path spec = Files.createDirectories(prefix.resolve("share/jupyter/kernels/java"))
                .resolve("kernel.json");
        String ijava =
                "{\"argv\": [\"java\", \"-jar\", \"ijava.jar\", \"{connection_file}\"], \"display_name\": \"Java\","
                        + " \"language\": \"java\"}";
        Files.writeString(spec, ijava);
        Result refused = lab("kernel", "install", "--name", "java", "--prefix", prefix.toString());
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("belongs to another kernel"), refused.output());
        assertEquals(ijava, Files.readString(spec), "left as it was");
        Result kept = lab("kernel", "uninstall", "--name", "java", "--prefix", prefix.toString());
        assertEquals(1, kept.exitCode(), kept.output());
        assertTrue(kept.output().contains("is another kernel, not LSTM Lab's: not removing it"), kept.output());
        Result forced = lab("kernel", "install", "--name", "java", "--force", "--prefix", prefix.toString());
        assertEquals(0, forced.exitCode(), forced.output());
        assertTrue(KernelSpec.isOurs(spec));
    }

    @Test
    void runNotebooksQuickSetsTheQuickSwitchAndWritesTheExecutedNotebookAndHtml() throws Exception {
        Result run = lab(
                "run-notebooks",
                "--quick",
                Jupyter.TEST_NOTEBOOKS.resolve("quick.ipynb").toString());
        assertEquals(0, run.exitCode(), run.output());
        Jupyter.Run executed = new Jupyter.Run(run.exitCode(), run.output(), Path.of("target/notebooks"));
        assertEquals(
                "1", Jupyter.result(executed.notebook("quick"), 0, "text/plain"), "LSTMLAB_QUICK=1 reached the kernel");
        assertTrue(Files.size(Path.of("target/notebooks/quick.html")) > 0);
    }

    @Test
    void runNotebooksReuseKeepsACurrentExecutedCopyAndRunsAChangedOrFailedNotebookAgain() throws Exception {
        Path book = prefix.resolve("quick.ipynb");
        Files.copy(Jupyter.TEST_NOTEBOOKS.resolve("quick.ipynb"), book);
        Path failing = prefix.resolve("quick_then_error.ipynb");
        Files.copy(Jupyter.TEST_NOTEBOOKS.resolve("quick_then_error.ipynb"), failing);
        Path out = prefix.resolve("executed");
        Result first = lab("run-notebooks", "--quick", "--reuse", "--out", out.toString(), book.toString());
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("ok " + book), first.output());

        Result again = lab("run-notebooks", "--quick", "--reuse", "--out", out.toString(), book.toString());
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("current " + book + ": kept " + out.resolve("quick.ipynb")), again.output());
        assertFalse(again.output().contains("ok " + book), again.output());

        Result otherMode = lab("run-notebooks", "--reuse", "--out", out.toString(), book.toString());
        assertTrue(otherMode.output().contains("ok " + book), "without --quick it runs again: " + otherMode.output());
        Files.writeString(book, Files.readString(book).replace("LSTMLAB_QUICK", "LSTMLAB_CHECK_SEED"));
        Result changed = lab("run-notebooks", "--reuse", "--out", out.toString(), book.toString());
        assertTrue(changed.output().contains("ok " + book), "an edited notebook runs again: " + changed.output());
        Jupyter.Run executed = new Jupyter.Run(changed.exitCode(), changed.output(), out);
        String seed = System.getenv().getOrDefault("LSTMLAB_CHECK_SEED", "");
        assertEquals(
                seed.isBlank() ? "29" : seed,
                Jupyter.result(executed.notebook("quick"), 0, "text/plain"),
                "the check's seed is fixed, 29 unless the caller fixed another");

        for (int k = 0; k < 2; k++) {
            Result failed = lab("run-notebooks", "--reuse", "--out", out.toString(), failing.toString());
            assertEquals(1, failed.exitCode(), "a notebook that failed is never kept: " + failed.output());
            assertFalse(failed.output().contains("current " + failing), failed.output());
        }
    }

    @Test
    void runNotebooksFailsNamingTheNotebookAndCellOfTheFirstError() throws Exception {
        Result run = lab(
                "run-notebooks",
                Jupyter.TEST_NOTEBOOKS.resolve("quick_then_error.ipynb").toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("quick_then_error.ipynb: cell 2 of 3"), run.output());
        assertTrue(run.output().contains("java.lang.ArithmeticException: / by zero"), run.output());
    }

    @Test
    void runNotebooksNamesANotebookThatDoesNotExist() throws Exception {
        Result run = lab("run-notebooks", "no-such-notebook");
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("no notebook 'no-such-notebook'"), run.output());
    }
}
