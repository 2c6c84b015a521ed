package org.lstmlab.grade.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes of one exercise, read once and defined afresh for every graded call. */
class ClassFolderTest {
    private static final String COUNTER = "org.lstmlab.exercises.Counter";

    /** Compiles {@code sources} (simple class name → source) into {@code dir/classes}. */
    private static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString()));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey() + ".java");
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertEquals(0, code, "the fixture compiles");
        return out;
    }

    private static Path counter(Path dir) throws IOException {
        return compile(
                dir,
                Map.of(
                        "Counter",
                        "package org.lstmlab.exercises; public class Counter {"
                                + " static int calls; public static int next() { return ++calls + Helper.ZERO; } }",
                        "Helper",
                        "package org.lstmlab.exercises; class Helper { static int ZERO = 0; }"));
    }

    private static int next(ClassLoader loader) throws Exception {
        return (int) Class.forName(COUNTER, true, loader).getMethod("next").invoke(null);
    }

    @Test
    void everyLoaderDefinesTheClassesAfreshSoStaticStateNeverOutlivesACall(@TempDir Path tmp) throws Exception {
        ClassFolder folder = ClassFolder.read(counter(tmp));
        ClassLoader parent = getClass().getClassLoader();
        ClassLoader first = folder.freshLoader(parent);
        assertEquals(1, next(first));
        assertEquals(2, next(first), "one loader keeps its class: a call's own state lives for the call");
        assertEquals(1, next(folder.freshLoader(parent)), "the next call's loader starts again");
        assertNotSame(Class.forName(COUNTER, false, first), Class.forName(COUNTER, false, folder.freshLoader(parent)));
    }

    @Test
    void theFolderIsReadOnceSoLaterCallsDoNotReadItAgain(@TempDir Path tmp) throws Exception {
        Path classes = counter(tmp);
        ClassFolder folder = ClassFolder.read(classes);
        assertEquals(
                java.util.Set.of(COUNTER, "org.lstmlab.exercises.Helper"),
                folder.classes().keySet());
        try (var files = Files.walk(classes)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertEquals(1, next(folder.freshLoader(getClass().getClassLoader())));
    }

    @Test
    void classesOutsideTheExercisesPackageComeFromTheParentFirstAsFromAUrlClassLoader(@TempDir Path tmp)
            throws Exception {
        Path classes = compile(
                tmp,
                Map.of(
                        "Value",
                        "package org.lstmlab.grade.sandbox.child; public class Value { public static int fake = 1; }"));
        ClassLoader loader = ClassFolder.read(classes).freshLoader(getClass().getClassLoader());
        assertSame(Value.class, Class.forName(Value.class.getName(), false, loader));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.lstmlab.exercises.Missing", false, loader));
    }

    @Test
    void gradedCodeThatReachesTheFolderByReflectionCannotChangeWhatLaterCallsDefine(@TempDir Path tmp)
            throws Exception {
        ClassFolder folder = ClassFolder.read(counter(tmp));
        ClassLoader loader = folder.freshLoader(getClass().getClassLoader());
        Field field = loader.getClass().getDeclaredField("folder");
        field.setAccessible(true);
        ClassFolder reached = (ClassFolder) field.get(loader);
        assertThrows(
                UnsupportedOperationException.class, () -> reached.classes().clear());
        ByteBuffer bytes = reached.classes().get(COUNTER);
        assertTrue(bytes.isReadOnly());
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> bytes.put(0, (byte) 0));
        Field classes = ClassFolder.class.getDeclaredField("classes");
        classes.setAccessible(true);
        assertThrows(IllegalAccessException.class, () -> classes.set(reached, Map.of()), "a record's fields stay");
        assertEquals(1, next(folder.freshLoader(getClass().getClassLoader())));
    }

    @Test
    void otherFilesOfTheFolderAreFoundAsResourcesAndNothingOutsideIt(@TempDir Path tmp) throws Exception {
        Path classes = counter(tmp);
        Files.writeString(classes.resolve("org/lstmlab/exercises/note.txt"), "f_t");
        Files.writeString(tmp.resolve("outside.txt"), "no");
        ClassLoader loader = ClassFolder.read(classes).freshLoader(getClass().getClassLoader());
        Class<?> counter = Class.forName(COUNTER, false, loader);
        try (var in = counter.getResourceAsStream("note.txt")) {
            assertNotNull(in);
            assertEquals("f_t", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertNull(loader.getResource("../outside.txt"));
    }

    @Test
    void aFolderThatCannotBeReadGivesACallNoClassesOfItsOwn(@TempDir Path tmp) {
        assertThrows(IOException.class, () -> ClassFolder.read(tmp.resolve("gone")));
        ClassLoader loader =
                ClassFolder.none(tmp.resolve("gone")).freshLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> Class.forName(COUNTER, false, loader));
    }
}
