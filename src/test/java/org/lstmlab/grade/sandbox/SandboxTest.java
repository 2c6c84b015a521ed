package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the child JVM can see, and the small readers the sandbox trusts. */
class SandboxTest {
    private static final Set<String> RECORDS =
            Set.of("org.lstmlab.nn.LstmParams", "org.lstmlab.nn.LstmStepGrads", "org.lstmlab.nn.RnnParams");

    @Test
    void theChildsClassPathHoldsNd4jAndTheRecordsTheSignaturesNeedAndNothingElse(@TempDir Path tmp) throws IOException {
        ChildRuntime rt = ChildRuntime.create(tmp, RECORDS);
        assertEquals(RECORDS, rt.records());
        assertTrue(rt.libraryClasses().containsAll(RECORDS), rt.libraryClasses().toString());
        for (String c : rt.libraryClasses()) {
            assertTrue(c.startsWith("org.lstmlab.nn."), "only records and what they use, from nn: " + c);
            assertFalse(
                    c.matches("org\\.lstmlab\\.nn\\.(LstmCell|RnnCell|FusedLstm|RecurrentLayer|Ops).*"),
                    "no implementation of what the exercises compute: " + c);
        }
        try (JarFile jar = new JarFile(tmp.resolve("sandbox-lib.jar").toFile())) {
            for (var e : jar.stream().toList()) {
                String n = e.getName().replace('/', '.').replaceAll("\\.class$", "");
                assertTrue(
                        n.startsWith("org.lstmlab.grade.sandbox.child.")
                                || rt.libraryClasses().contains(n)
                                || e.isDirectory()
                                || n.startsWith("META-INF"),
                        "sandbox-lib.jar holds " + e.getName());
            }
        }
        for (String entry : rt.classpath().split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            assertFalse(
                    name.matches("(junit|opentest4j|apiguardian|gson|tablesaw|xchart|jjava|selenium).*")
                            || entry.contains("classes"),
                    "the child's class path holds " + entry);
        }
        assertTrue(rt.classpath().contains("nd4j-native"), rt.classpath());
        assertTrue(rt.compileClasspath().contains("library-api.jar"), "submissions compile against the library");
    }

    @Test
    void theChildsOwnCodeUsesTheJdkAndNd4jOnly() throws IOException {
        Path child = ChildRuntime.codeSource().resolve("org/lstmlab/grade/sandbox/child");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> classes = Files.list(child)) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                used.addAll(ClassFile.read(Files.readAllBytes(c)).references());
            }
        }
        for (String ref : used) {
            assertTrue(
                    ref.startsWith("java/")
                            || ref.startsWith("org/nd4j/")
                            || ref.startsWith("org/lstmlab/grade/sandbox/child/"),
                    "the child's code uses " + ref);
        }
    }

    @Test
    void aClassFileTellsItsNameSourceFileReferencesAndMethodsInSourceOrder() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/org/lstmlab/exercises/E3ForgetGateTest.class")) {
            bytes = in.readAllBytes();
        }
        ClassFile c = ClassFile.read(bytes);
        assertEquals("org/lstmlab/exercises/E3ForgetGateTest", c.name());
        assertEquals("E3ForgetGateTest.java", c.sourceFile());
        assertTrue(
                c.references().contains("org/lstmlab/nn/LstmCell"),
                c.references().toString());
        List<String> m = c.methods();
        assertTrue(
                m.indexOf("fixedCase") < m.indexOf("randomisedCases")
                        && m.indexOf("randomisedCases") < m.indexOf("forgetGateIsAGate"),
                m.toString());
    }

    @Test
    void textFromAWindowsEditorIsReadAsUtf8WithLfLineEnds() {
        byte[] bom = "\uFEFFclass A {\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("class A {\n}\n", SubmissionCompiler.normalised(bom));
        byte[] ansi = {'/', '/', ' ', (byte) 0xE9, '\r', '\n'}; // "// é" in Windows-1252
        assertEquals("// é\n", SubmissionCompiler.normalised(ansi));
        assertEquals("σ\n", SubmissionCompiler.normalised("σ\r".getBytes(StandardCharsets.UTF_8)));
    }

    /** Notepad's "Unicode" (UTF-16 little-endian) and "Unicode big endian" write a byte-order mark before the text. */
    @Test
    void textSavedAsUtf16WithItsMarkIsReadAsSuch() {
        String source = "// σ\r\nclass A {}\r\n";
        assertEquals(
                "// σ\nclass A {}\n",
                SubmissionCompiler.normalised(("\uFEFF" + source).getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(
                "// σ\nclass A {}\n",
                SubmissionCompiler.normalised(("\uFEFF" + source).getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void limitsRefuseTimesThatCannotWork() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Limits.defaults().withTimes(10_000, 5_000));
        assertTrue(e.getMessage().contains("10000 ms a call, 5000 ms an exercise"), e.getMessage());
    }

    /**
     * Under a root grader on Linux (the tests' machine) each sandbox is in a control group of its own: everything it
     * starts together stays within 256 processes and threads and {@link OsSandbox#SANDBOX_MEMORY_MB} of memory.
     */
    @Test
    void aSandboxAsAWholeHasAProcessAndAMemoryLimit(@TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                OsSandbox.root() && System.getProperty("os.name").startsWith("Linux"),
                "control groups are made by a root grader on Linux");
        Cgroups groups = Cgroups.find();
        assertTrue(groups != null, "a root grader on Linux makes a control group per sandbox");
        // 300 processes at once: the group lets 256 in (the shell among them), then the shell cannot fork
        Path count = tmp.resolve("count");
        Cgroups.Group forks = groups.create(ChildRuntime.MAX_PROCESSES, OsSandbox.SANDBOX_MEMORY_MB << 20);
        run(forks.enter(List.of(
                "/bin/sh",
                "-c",
                "for i in $(seq 300); do sleep 60 >/dev/null 2>&1 & echo $i > \"$0\"; done",
                count.toString())));
        for (Path d : forks.dirs()) { // the sleeps it left
            for (String pid : Files.readAllLines(d.resolve("cgroup.procs"))) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        int started = Integer.parseInt(Files.readString(count).strip());
        assertTrue(
                started < ChildRuntime.MAX_PROCESSES && started > 200,
                "at most 256 processes together, but " + started + " started");
        // three processes of 700 MB each: more than the group's memory together, though each is within its own limits
        String memory = run(groups.create(ChildRuntime.MAX_PROCESSES, OsSandbox.SANDBOX_MEMORY_MB << 20)
                .enter(List.of(
                        "/bin/bash",
                        "-c",
                        // each tail holds its 700 MB until a reader wakes 10 s later, so the three overlap however
                        // the machine schedules them; PIPESTATUS[1] is tail's status (137: killed)
                        "for i in 1 2 3; do (head -c 700m /dev/zero | tail -c 700m | (sleep 10; cat > /dev/null);"
                                + " echo \"status ${PIPESTATUS[1]}\") & done; wait")));
        assertTrue(memory.contains("status 137"), "one of them was killed for memory:\n" + memory);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
        return out;
    }

    @Test
    void aSandboxedChildRunsInItsOwnNamespacesWithoutTheAttachApiAndWritesOnlyItsJobFolder(@TempDir Path tmp)
            throws Exception {
        OsSandbox os = new OsSandbox(OsSandbox.Kind.BUBBLEWRAP, Path.of("/usr/bin/bwrap"), null);
        ChildRuntime rt = ChildRuntime.create(tmp.resolve("runtime"), RECORDS).withSandbox(os);
        Path job = java.nio.file.Files.createDirectories(tmp.resolve("child-1"));
        List<String> cmd = rt.command(Limits.defaults(), job, 200_001);
        assertEquals(
                "/usr/bin/bwrap",
                cmd.get(
                        Cgroups.find() == null
                                ? 0
                                : cmd.indexOf("sandbox-cgroup")
                                        + 1
                                        + Cgroups.find().parents().size()),
                "bwrap starts the sandbox, in its control group where there is one: " + cmd);
        for (String option : List.of("--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session")) {
            assertTrue(cmd.contains(option), option + " in " + cmd);
        }
        List<String> writable = new java.util.ArrayList<>();
        for (int k = 0; k < cmd.size(); k++) {
            if (cmd.get(k).equals("--bind")) {
                writable.add(cmd.get(k + 1));
            }
            if (cmd.get(k).equals("--")) {
                break;
            }
        }
        assertEquals(List.of(job.toAbsolutePath().toString()), writable, "the job folder is the one writable place");
        assertTrue(cmd.contains("-XX:+DisableAttachMechanism"), cmd.toString());
        if (ChildJdk.isCut(rt.java())) { // the runtime ./lab made: jdk.attach is not in it at all
            assertFalse(cmd.contains("--limit-modules"), "the cut runtime keeps class-data sharing: " + cmd);
            String modules = run(List.of(rt.java().toString(), "--list-modules"));
            assertTrue(modules.contains("java.se@"), modules);
            assertFalse(modules.contains("jdk.attach"), modules);
        } else {
            String modules = cmd.get(cmd.indexOf("--limit-modules") + 1);
            assertFalse(modules.contains("jdk.attach"), modules);
        }
        assertTrue(cmd.stream().anyMatch(a -> a.contains("ulimit -u " + ChildRuntime.MAX_PROCESSES)), cmd.toString());
        assertFalse(cmd.contains(Path.of("").toAbsolutePath().toString()), "the course repository is not shown");
    }

    @Test
    void theLabCommandMakesTheChildrensRuntimeFromTheModulesTheChildHas() throws IOException {
        String lab = java.nio.file.Files.readString(Path.of("lab"));
        assertTrue(lab.contains("CHILD_MODULES=" + ChildRuntime.CHILD_MODULES + "\n"), "./lab's CHILD_MODULES");
        assertTrue(lab.contains(ChildJdk.READY), "./lab marks the runtime whole with " + ChildJdk.READY);
        if (System.getenv("LAB_PYTHON") != null) { // under ./lab test, which makes it where the JDK has jlink
            assertTrue(
                    ChildJdk.java() != null
                            || !java.nio.file.Files.isExecutable(
                                    Path.of(System.getProperty("java.home"), "bin", "jlink")),
                    "./lab test names the children's runtime: " + System.getenv("LSTMLAB_CHILD_JDK"));
        }
    }

    @Test
    void onTheJdkWithLimitedModulesNoWarmUpChildRunsForAnArchiveNothingCouldMap(@TempDir Path tmp) throws IOException {
        ChildRuntime jdk = ChildRuntime.create(tmp, RECORDS);
        jdk = new ChildRuntime(
                ChildRuntime.jdkJava(),
                jdk.classpath(),
                jdk.compileClasspath(),
                jdk.records(),
                jdk.libraryClasses(),
                null,
                OsSandbox.none("test"));
        assertFalse(ChildJdk.isCut(jdk.java()), "the JDK's own java is not the cut runtime");
        assertTrue(jdk.command(Limits.defaults(), tmp.resolve("job"), OsSandbox.USER)
                .contains("--limit-modules"));
        Path jsa = tmp.resolve("archive").resolve("child.jsa");
        assertTrue(jdk.withArchive(jsa) == jdk, "the same runtime, without an archive");
        assertFalse(Files.exists(jsa.resolveSibling("warm-up")), "no warm-up child was started");
        assertFalse(Files.exists(jsa));
    }

    @Test
    void aNamedRuntimeIsTakenOnlyWhenItIsWholeSoACheckStillRunsWhenItIsNot(@TempDir Path tmp) throws IOException {
        Path whole = fakeRuntime(tmp.resolve("whole"));
        Files.writeString(whole.resolve(ChildJdk.READY), "/jdk\n");
        assertEquals(whole.resolve("bin/java"), ChildJdk.java(whole.toString()));
        assertEquals(null, ChildJdk.java(fakeRuntime(tmp.resolve("half-made")).toString()), "no ready file: the JDK");
        assertEquals(null, ChildJdk.java(tmp.resolve("removed-since").toString()), "gone: the JDK");
        assertEquals(null, ChildJdk.java(""));
    }

    private static Path fakeRuntime(Path home) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        return home;
    }

    @Test
    void theCompilersWarmUpClassCompilesAgainstWhatSubmissionsCompileAgainst(@TempDir Path tmp) throws IOException {
        ChildRuntime rt = ChildRuntime.create(tmp.resolve("runtime"), RECORDS);
        Path src = Files.createDirectories(tmp.resolve("src/org/lstmlab/exercises"))
                .resolve("WarmUp.java");
        Files.writeString(src, SubmissionCompiler.WARM_UP_SOURCE);
        java.io.StringWriter said = new java.io.StringWriter();
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        boolean ok = javac.getTask(
                        said,
                        null,
                        null,
                        List.of(
                                "-proc:none",
                                "-cp",
                                rt.compileClasspath(),
                                "-d",
                                tmp.resolve("out").toString()),
                        null,
                        javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile()))
                .call();
        assertTrue(ok, "a warm-up that does not compile warms less: " + said);
    }
}
