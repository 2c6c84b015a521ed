package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/main/python/kernel_memory.py measures a student's whole process tree — the kernel and what it started, as the
 * grading JVM of check() — not the kernel alone: a process a cell leaves running is named and counted, now and
 * {@code --after} seconds later.
 */
class KernelMemoryTreeIT {
    static final Path SCRIPT = Path.of("src/main/python/kernel_memory.py").toAbsolutePath();
    static final Pattern AFTER = Pattern.compile(
            "kernel memory after (\\S+): RSS (\\d+) MB, peak (\\d+) MB; process tree (\\d+) MB \\((.*)\\) \\(");
    static final Pattern LATER = Pattern.compile("kernel memory 1 s after (\\S+): process tree (\\d+) MB \\((.*)\\)");

    @TempDir
    Path home;

    @Test
    void aProcessTheNotebookLeftRunningIsNamedAndCountedInTheTreeAndAloneTheKernelIsSaidToBeAlone() throws Exception {
        Jupyter jupyter = Jupyter.withKernelOn(home, Jupyter.currentJavaHome());
        Path alone = notebook("alone", "int answer = 6 * 7;");
        // a child holding about 40 MB resident for a minute: python3 is on every machine the course runs on
        Path leaves = notebook(
                "leaves",
                "Process left = new ProcessBuilder(\"python3\", \"-c\", \"import time; b = bytearray(40 << 20);"
                        + " time.sleep(60)\").start(); Thread.sleep(2000);");
        Process p = jupyter.python(List.of(SCRIPT.toString(), "--after", "1", alone.toString(), leaves.toString()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);

        Matcher m = AFTER.matcher(out);
        assertTrue(m.find(), out);
        assertEquals("alone", m.group(1), out);
        assertEquals("the kernel alone", m.group(5), out);
        assertEquals(m.group(2), m.group(4), "alone, the tree is the kernel: " + out);

        assertTrue(m.find(), out);
        assertEquals("leaves", m.group(1), out);
        long kernel = Long.parseLong(m.group(2));
        long tree = Long.parseLong(m.group(4));
        assertTrue(m.group(5).matches("kernel " + kernel + " MB \\+ 1 under it: python3 \\d+ MB"), out);
        assertTrue(tree >= kernel + 40, "the child's 40 MB count in the tree: " + out);

        Matcher later = LATER.matcher(out);
        assertTrue(later.find() && later.group(3).equals("the kernel alone"), out);
        assertTrue(
                later.find()
                        && later.group(1).equals("leaves")
                        && later.group(3).contains("python3"),
                out);
    }

    private Path notebook(String name, String code) throws Exception {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("metadata", new JsonObject());
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
        cell.addProperty("source", code);
        JsonArray cells = new JsonArray();
        cells.add(cell);
        JsonObject spec = new JsonObject();
        spec.addProperty("name", KernelSpec.NAME);
        spec.addProperty("display_name", KernelSpec.DISPLAY_NAME);
        spec.addProperty("language", "java");
        JsonObject metadata = new JsonObject();
        metadata.add("kernelspec", spec);
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", metadata);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        cell.addProperty("id", name);
        Path file = home.resolve(name + ".ipynb");
        Files.writeString(file, nb.toString());
        return file;
    }
}
