package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SnippetInstrumenterTest {

    /** Stands in for a class compiled from a cell. */
    public static class Cell {
        public static long counter;

        public static long spin() {
            long n = 0;
            while (true) {
                n++;
                counter = n;
            }
        }

        public static int add(int a, int b) {
            return a + b;
        }

        public static void exit() {
            System.exit(3);
        }

        public static void runtimeExit() {
            Runtime.getRuntime().exit(4);
        }

        public static void halt() {
            Runtime.getRuntime().halt(5);
        }
    }

    @AfterEach
    void clear() {
        CellGuard.clearStop();
    }

    static byte[] classFile(Class<?> type) throws Exception {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Loads the instrumented copy of {@link Cell} in a loader of its own. */
    static Class<?> instrumentedCell() throws Exception {
        byte[] bytes = SnippetInstrumenter.instrument(classFile(Cell.class).clone());
        return new ClassLoader(SnippetInstrumenterTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Cell.class.getName(), bytes, 0, bytes.length);
            }
        }.define();
    }

    static Throwable call(Class<?> cell, String method) throws Exception {
        Method m = cell.getMethod(method);
        try {
            m.invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    @Test
    void instrumentedMethodsBehaveAsBeforeWhileNoStopIsRequested() throws Exception {
        Class<?> cell = instrumentedCell();
        assertEquals(5, cell.getMethod("add", int.class, int.class).invoke(null, 2, 3));
    }

    @Test
    void aStopRequestStopsAnEndlessLoopAtItsBackwardBranch() throws Exception {
        Class<?> cell = instrumentedCell();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                thrown.set(call(cell, "spin"));
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        thread.start();
        while (cell.getField("counter").getLong(null) == 0) {
            Thread.sleep(5);
        }
        CellGuard.requestStop();
        thread.join(5000);
        assertFalse(thread.isAlive(), "the loop still runs after the stop request");
        assertTrue(thrown.get() instanceof CellInterrupted, String.valueOf(thrown.get()));
    }

    @Test
    void aStopRequestStopsAtTheNextMethodEntry() throws Exception {
        Class<?> cell = instrumentedCell();
        CellGuard.requestStop();
        Method add = cell.getMethod("add", int.class, int.class);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> add.invoke(null, 1, 2));
        assertTrue(e.getCause() instanceof CellInterrupted);
    }

    @Test
    void exitCallsThrowExitBlockedInsteadOfEndingTheJvm() throws Exception {
        Class<?> cell = instrumentedCell();
        assertEquals("System.exit(3)", firstWords(call(cell, "exit")));
        assertEquals("Runtime.exit(4)", firstWords(call(cell, "runtimeExit")));
        assertEquals("Runtime.halt(5)", firstWords(call(cell, "halt")));
    }

    private static String firstWords(Throwable thrown) {
        assertTrue(thrown instanceof ExitBlocked, String.valueOf(thrown));
        return thrown.getMessage().split(" ")[0];
    }

    @Test
    void classFilesOfJava25AreInstrumented() throws Exception {
        byte[] bytes = classFile(Cell.class).clone();
        bytes[6] = 0;
        bytes[7] = 69; // major version 69 = Java 25
        byte[] instrumented = SnippetInstrumenter.instrument(bytes);
        assertEquals(69, ((instrumented[6] & 0xFF) << 8) | (instrumented[7] & 0xFF));
        assertTrue(instrumented.length > bytes.length, "stop checks were added");
    }
}
