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

    @Test
    void limitsRefuseTimesThatCannotWork() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Limits.defaults().withTimes(10_000, 5_000));
        assertTrue(e.getMessage().contains("10000 ms a call, 5000 ms an exercise"), e.getMessage());
    }

    @Test
    void aSandboxedChildRunsInItsOwnNamespacesWithoutTheAttachApiAndWritesOnlyItsJobFolder(@TempDir Path tmp)
            throws IOException {
        OsSandbox os = new OsSandbox(OsSandbox.Kind.BUBBLEWRAP, Path.of("/usr/bin/bwrap"), null);
        ChildRuntime rt = ChildRuntime.create(tmp.resolve("runtime"), RECORDS).withSandbox(os);
        Path job = java.nio.file.Files.createDirectories(tmp.resolve("child-1"));
        List<String> cmd = rt.command(Limits.defaults(), job, 200_001);
        assertEquals("/usr/bin/bwrap", cmd.get(0));
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
        String modules = cmd.get(cmd.indexOf("--limit-modules") + 1);
        assertFalse(modules.contains("jdk.attach"), modules);
        assertTrue(cmd.stream().anyMatch(a -> a.contains("ulimit -u " + ChildRuntime.MAX_PROCESSES)), cmd.toString());
        assertFalse(cmd.contains(Path.of("").toAbsolutePath().toString()), "the course repository is not shown");
    }
}
