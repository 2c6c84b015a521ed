package org.lstmlab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel JVM, so {@code display(...)} and a cell's value are the
 * real objects. Snippet classes are instrumented by {@link SnippetInstrumenter} as they load; each
 * cell runs on one dedicated thread, which {@link #interrupt()} stops.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    /** The prefix of the value strings that stand for an object kept in {@link #takeValue}. */
    static final String VALUE_KEY_PREFIX = "\u0000lstmlab-value:";

    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(null, runnable, "notebook-cell", 64L << 20);
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong valueIds = new AtomicLong();
    private volatile Thread runningThread;
    private volatile Throwable lastThrown;

    /** The JShell provider that hands out this control. */
    ExecutionControlProvider provider() {
        InProcessExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "lstmlab-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] instrumented = new ClassBytecodes[classes.length];
        for (int k = 0; k < classes.length; k++) {
            instrumented[k] =
                    new ClassBytecodes(classes[k].name(), SnippetInstrumenter.instrument(classes[k].bytecodes()));
        }
        super.load(instrumented);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastThrown = null;
        if (Thread.currentThread() == runningThread) { // a cell's code evaluating code (IJava's eval): run it here
            try {
                return keep(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                lastThrown = e.getCause();
                throw e;
            }
        }
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        Future<Object> run = cellThread.submit(() -> {
            Thread current = Thread.currentThread();
            current.setContextClassLoader(snippetLoader);
            Thread.interrupted(); // a stale interrupt of an earlier cell must not hit this one
            runningThread = current;
            try {
                return doitMethod.invoke(null);
            } finally {
                runningThread = null;
            }
        });
        Object value;
        try {
            value = run.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException) {
                lastThrown = cause.getCause();
                throw (InvocationTargetException) cause;
            }
            lastThrown = cause;
            throw new InvocationTargetException(cause);
        }
        return keep(value);
    }

    /** Keeps a snippet's value for {@link #takeValue} and returns its key. */
    private String keep(Object value) {
        String key = VALUE_KEY_PREFIX + valueIds.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    private static final Object NULL = new Object();

    /**
     * Returns the object a snippet evaluated to and forgets it.
     *
     * @param valueString the value string JShell reported for the snippet
     * @return the object, {@code null} for a null value
     * @throws IllegalArgumentException when the string does not name a kept value
     */
    Object takeValue(String valueString) {
        Object value = valueString == null ? null : values.remove(valueString);
        if (value == null) {
            throw new IllegalArgumentException("expected a value key from this kernel but got " + valueString);
        }
        return value == NULL ? null : value;
    }

    /** Forgets values of snippets whose values were not shown (e.g. declarations). */
    void forgetValues() {
        values.clear();
    }

    /** The exception the last snippet threw, exactly as thrown, or {@code null}. */
    Throwable lastThrown() {
        return lastThrown;
    }

    /** Stops the running cell: its next loop iteration or method call throws, a sleep ends. */
    void interrupt() {
        CellGuard.requestStop();
        Thread thread = runningThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** At shutdown: stops the running cell, if any, and nothing else ({@link CellGuard#requestStopOfCellOnly}). */
    void stopForShutdown() {
        Thread thread = runningThread;
        CellGuard.requestStopOfCellOnly(thread);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        // The control lives as long as the kernel; JShell closing it must not end the cell thread
        // while the kernel is shutting down a cell that still runs.
    }
}
