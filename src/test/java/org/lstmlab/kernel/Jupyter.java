package org.lstmlab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs notebooks through real Jupyter (nbclient of the pinned stack, {@link org.lstmlab.LabPython}) on the built, shaded
 * kernel, with the kernelspec in a temporary JUPYTER_PATH, and reads the executed notebooks.
 */
final class Jupyter {

    static final String PYTHON = org.lstmlab.LabPython.path();
    static final Path RUNNER = Path.of("src/main/python/run_notebooks.py").toAbsolutePath();
    /** The course's Python helpers, on the scripts' PYTHONPATH: the test scripts wait for messages with kernel_messages. */
    static final Path PYTHON_HELPERS = RUNNER.getParent();

    static final Path TEST_NOTEBOOKS = Path.of("src/test/resources/kernel").toAbsolutePath();
    static final String JDK_25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    final Path home;
    final Path jupyterPath;
    /** Extra environment for Jupyter and so for the kernel it starts. */
    final Map<String, String> environment = new java.util.HashMap<>();

    private Jupyter(Path home) {
        this.home = home;
        this.jupyterPath = home.resolve("share/jupyter");
    }

    /**
     * A private Jupyter data folder whose lstm-lab kernelspec runs the kernel on the given JDK.
     *
     * @param home an empty temporary folder
     * @param javaHome the JDK the kernel runs on
     */
    static Jupyter withKernelOn(Path home, String javaHome) throws Exception {
        Jupyter jupyter = new Jupyter(home);
        Path kernelJar = Path.of(System.getProperty("lab.kernelJar", "target/lstm-lab-0.1.0-SNAPSHOT-kernel.jar"))
                .toAbsolutePath();
        Path classpathFile = Path.of(System.getProperty("lab.notebookClasspath", "target/notebook-classpath.txt"))
                .toAbsolutePath();
        if (!Files.isRegularFile(kernelJar) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("the kernel tests need " + kernelJar + " and " + classpathFile
                    + " from mvn package; run them with mvn verify (./lab test)");
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(Path.of("target/classes").toAbsolutePath().toString());
        classpath.addAll(Arrays.asList(Files.readString(classpathFile).strip().split(File.pathSeparator)));
        String java = Path.of(javaHome, "bin", "java").toString();
        KernelSpec.write(
                jupyter.jupyterPath.resolve("kernels").resolve(KernelSpec.NAME),
                java,
                javaFeature(java),
                kernelJar.toString(),
                classpath);
        return jupyter;
    }

    /**
     * Jupyter with the kernelspecs under {@code prefix/share/jupyter}, as {@code ./lab kernel install
     * --prefix prefix} writes them.
     */
    static Jupyter withKernelspecsUnder(Path prefix) {
        return new Jupyter(prefix);
    }

    static String currentJavaHome() {
        return System.getProperty("java.home");
    }

    /** The feature version of a java launcher, as it reports it. */
    static int javaFeature(String java) throws Exception {
        Process process = new ProcessBuilder(java, "-XshowSettings:properties", "-version")
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : text.split("\n")) {
            if (line.trim().startsWith("java.specification.version = ")) {
                return Integer.parseInt(line.split("=")[1].trim());
            }
        }
        throw new IllegalStateException("no java.specification.version in the output of " + java + ":\n" + text);
    }

    /** The outcome of one run_notebooks.py call. */
    record Run(int exitCode, String log, Path out) {
        JsonObject notebook(String name) throws IOException {
            Path file = out.resolve(name + ".ipynb");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("no executed " + file + "; runner log:\n" + log);
            }
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        }
    }

    ProcessBuilder python(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyterPath.toString());
        env.put("JUPYTER_DATA_DIR", home.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        String pythonPath = env.get("PYTHONPATH");
        env.put(
                "PYTHONPATH",
                pythonPath == null || pythonPath.isEmpty()
                        ? PYTHON_HELPERS.toString()
                        : PYTHON_HELPERS + java.io.File.pathSeparator + pythonPath);
        env.putAll(environment);
        return builder;
    }

    /**
     * Executes notebooks with run_notebooks.py.
     *
     * @param options runner options (e.g. --allow-errors)
     * @param notebooks the notebook files
     */
    Run execute(List<String> options, Path... notebooks) throws Exception {
        Path out = Files.createDirectories(home.resolve("out"));
        List<String> args = new ArrayList<>(List.of(RUNNER.toString(), "--out", out.toString(), "--no-html"));
        args.addAll(options);
        for (Path notebook : notebooks) {
            args.add(notebook.toString());
        }
        Process process = python(args).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), log, out);
    }

    // ------------------------------------------------------------------------ reading outputs

    static JsonArray cells(JsonObject notebook) {
        return notebook.getAsJsonArray("cells");
    }

    static List<JsonObject> outputs(JsonObject notebook, int cell) {
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement output : cells(notebook).get(cell).getAsJsonObject().getAsJsonArray("outputs")) {
            outputs.add(output.getAsJsonObject());
        }
        return outputs;
    }

    static JsonObject only(JsonObject notebook, int cell, String outputType) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonObject output : outputs(notebook, cell)) {
            if (output.get("output_type").getAsString().equals(outputType)) {
                found.add(output);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError(
                    "cell " + cell + " should have one " + outputType + " output but has " + outputs(notebook, cell));
        }
        return found.get(0);
    }

    /** A cell's value as text/plain (or another MIME type). */
    static String result(JsonObject notebook, int cell, String mime) {
        return text(
                only(notebook, cell, "execute_result").getAsJsonObject("data").get(mime));
    }

    static String stream(JsonObject notebook, int cell, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonObject output : outputs(notebook, cell)) {
            if (output.get("output_type").getAsString().equals("stream")
                    && output.get("name").getAsString().equals(name)) {
                text.append(text(output.get("text")));
            }
        }
        return text.toString();
    }

    static String text(JsonElement element) {
        if (element == null) {
            return null;
        }
        if (element.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            element.getAsJsonArray().forEach(part -> text.append(part.getAsString()));
            return text.toString();
        }
        return element.getAsString();
    }
}
