package org.lstmlab.grade.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The entry point of the JVM that runs one exercise of a submission. It calls the student's methods
 * with the arguments the grader sent and writes back the numbers they returned, or what went wrong.
 * It holds no expected values and decides no score: the grader does both. Each call gets a fresh
 * class loader (no static state survives between calls), a time limit, and checks for threads,
 * processes, sockets and shutdown hooks it leaves behind. The JVM always ends with
 * {@code Runtime.halt}, so left-over threads and shutdown hooks never run or block.
 *
 * <p>Usage: {@code ChildMain JOB RESULT STUDENT_CLASSES CALL_MILLIS MAX_NEW_THREADS}, or {@code ChildMain --warm-up}
 */
public final class ChildMain {
    private static final AtomicBoolean NETWORK_TRIED = new AtomicBoolean();

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp(); // a run that only loads classes, for the class-data archive
            return;
        }
        Path job = Path.of(args[0]);
        Path result = Path.of(args[1]);
        URL studentClasses = Path.of(args[2]).toUri().toURL();
        long callMillis = Long.parseLong(args[3]);
        int maxNewThreads = Integer.parseInt(args[4]);
        warmUp();
        blockSockets();
        List<Wire.Call> calls;
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(job)))) {
            calls = Wire.readCalls(in);
        }
        var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(result.toFile())));
        for (Wire.Call call : calls) {
            Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
            int hooksBefore = shutdownHooks();
            long socketsBefore = openSockets();
            NETWORK_TRIED.set(false);
            AtomicReference<Wire.Outcome> done = new AtomicReference<>();
            var loader = new URLClassLoader(new URL[] {studentClasses}, ChildMain.class.getClassLoader());
            Thread worker = new Thread(() -> done.set(call(call, loader)), "graded-call-" + call.id());
            worker.setDaemon(false); // threads it starts are non-daemon unless the student says otherwise
            long deadline = System.nanoTime() + callMillis * 1_000_000L;
            worker.start();
            while (worker.isAlive() && System.nanoTime() < deadline) {
                worker.join(10);
                int extra = ManagementFactory.getThreadMXBean().getThreadCount() - before.size() - 1;
                if (extra > maxNewThreads) {
                    finish(
                            out,
                            new Wire.Outcome(
                                    call.id(),
                                    Wire.Status.BROKE_RULE,
                                    "started more than " + maxNewThreads
                                            + " threads (a thread bomb?): graded code must not start threads",
                                    Map.of()));
                }
            }
            if (worker.isAlive()) {
                finish(
                        out,
                        new Wire.Outcome(
                                call.id(),
                                Wire.Status.TIMED_OUT,
                                "did not return within " + callMillis / 1000.0
                                        + " s: an endless loop, or a loop that ignores interrupts?",
                                Map.of()));
            }
            Wire.Outcome outcome = done.get();
            String broken = brokenRule(before, hooksBefore, socketsBefore);
            if (broken != null) outcome = new Wire.Outcome(call.id(), Wire.Status.BROKE_RULE, broken, Map.of());
            if (outcome == null)
                outcome = new Wire.Outcome(call.id(), Wire.Status.THREW, "the call ended without a result", Map.of());
            Wire.writeOutcome(out, outcome);
        }
        finish(out, null);
    }

    private static void finish(DataOutputStream out, Wire.Outcome last) {
        try {
            if (last != null) Wire.writeOutcome(out, last);
            out.close();
        } catch (IOException ignored) {
            // the grader notices the missing outcome
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }

    private static Wire.Outcome call(Wire.Call call, ClassLoader loader) {
        try {
            Class<?> cls = Class.forName(call.className(), true, loader);
            Method m = find(cls, call);
            Object[] args = new Object[call.args().size()];
            for (int k = 0; k < args.length; k++) args[k] = toJava(call.args().get(k));
            Object returned = m.invoke(null, args);
            Map<String, Tensor> outputs = new LinkedHashMap<>();
            flatten(returned, "", outputs, 0);
            return new Wire.Outcome(call.id(), Wire.Status.RETURNED, "", outputs);
        } catch (InvocationTargetException e) {
            return threw(call, e.getCause());
        } catch (Throwable e) {
            return threw(call, e);
        }
    }

    private static Method find(Class<?> cls, Wire.Call call) throws NoSuchMethodException {
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(call.method())
                    && m.getParameterCount() == call.args().size()
                    && Modifier.isStatic(m.getModifiers())
                    && Modifier.isPublic(m.getModifiers())) {
                return m;
            }
        }
        throw new NoSuchMethodException(cls.getSimpleName() + " has no public static method " + call.method()
                + " taking " + call.args().size() + " arguments: keep the signature of the exercise file");
    }

    private static Wire.Outcome threw(Wire.Call call, Throwable e) {
        Throwable root = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
        StringBuilder s = new StringBuilder(root.getClass().getName());
        if (root.getMessage() != null) s.append(": ").append(root.getMessage());
        for (StackTraceElement f : root.getStackTrace()) {
            if (f.getClassName().startsWith("org.lstmlab.exercises.")) {
                s.append(" (at ")
                        .append(f.getFileName())
                        .append(':')
                        .append(f.getLineNumber())
                        .append(')');
                break;
            }
        }
        return new Wire.Outcome(call.id(), Wire.Status.THREW, s.toString(), Map.of());
    }

    private static Object toJava(Object arg) {
        if (arg instanceof Tensor t) return array(t);
        if (arg instanceof Double d) return d;
        if (arg instanceof Wire.TensorMap m) {
            Map<String, INDArray> map = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> map.put(k, array(v)));
            return map;
        }
        if (arg instanceof Wire.RnnArg r) return new RnnParams(array(r.wH()), array(r.bH()));
        Wire.LstmArg l = (Wire.LstmArg) arg;
        return new LstmParams(
                array(l.wF()),
                array(l.bF()),
                array(l.wI()),
                array(l.bI()),
                array(l.wC()),
                array(l.bC()),
                array(l.wO()),
                array(l.bO()));
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data().clone(), t.shape(), DataType.DOUBLE);
    }

    /** Turns whatever came back into named numbers; anything else is an error the student can read. */
    private static void flatten(Object v, String name, Map<String, Tensor> out, int depth) throws Exception {
        if (depth > 3 || out.size() > 100) throw new IllegalStateException("the returned value is nested too deeply");
        if (v == null) {
            throw new NullPointerException(
                    "returned null" + (name.isEmpty() ? "" : " for " + name) + ": return the computed array");
        } else if (v instanceof INDArray a) {
            out.put(
                    name,
                    new Tensor(
                            a.shape().clone(),
                            a.castTo(DataType.DOUBLE).dup('c').data().asDouble()));
        } else if (v instanceof double[] d) {
            out.put(name, Tensor.vector(d));
        } else if (v instanceof Number n) {
            out.put(name, new Tensor(new long[0], new double[] {n.doubleValue()}));
        } else if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) flatten(e.getValue(), String.valueOf(e.getKey()), out, depth + 1);
        } else if (v.getClass().isRecord()) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                String inner = name.isEmpty() ? rc.getName() : name + "." + rc.getName();
                flatten(accessor.invoke(v), inner, out, depth + 1);
            }
        } else {
            throw new IllegalArgumentException(
                    "returned a " + v.getClass().getName() + ", which the grader cannot read");
        }
    }

    private static String brokenRule(Set<Thread> before, int hooksBefore, long socketsBefore) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t)
                    && t.isAlive()
                    && !t.isDaemon()
                    && !t.getName().startsWith("graded-call-")) {
                return "left a thread running (\"" + t.getName()
                        + "\"): graded code must finish its work before it returns";
            }
        }
        if (shutdownHooks() > hooksBefore) {
            return "registered a shutdown hook: graded code must not run after it returns";
        }
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        if (!children.isEmpty()) {
            String cmd = children.get(0).info().command().orElse("a process");
            children.forEach(ProcessHandle::destroyForcibly);
            return "started a process (" + cmd + "): graded code must not start processes";
        }
        if (NETWORK_TRIED.get() || openSockets() > socketsBefore) {
            return "opened a network socket: graded code must not use the network";
        }
        return null;
    }

    private static int shutdownHooks() {
        try {
            var field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
            field.setAccessible(true);
            Object hooks = field.get(null);
            return hooks instanceof Map<?, ?> m ? m.size() : 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    /** Linux only: counts socket descriptors, which catches NIO channels the socket factory does not see. */
    private static long openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) return 0;
        try (Stream<Path> s = Files.list(fds)) {
            return s.filter(p -> {
                        try {
                            return Files.readSymbolicLink(p).toString().startsWith("socket:");
                        } catch (IOException | UnsupportedOperationException e) {
                            return false;
                        }
                    })
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }

    @SuppressWarnings("deprecation")
    private static void blockSockets() {
        try {
            Socket.setSocketImplFactory(() -> {
                NETWORK_TRIED.set(true);
                throw new UnsupportedOperationException("network access is blocked while grading");
            });
        } catch (Throwable notAvailable) {
            // removed in newer JDKs: the /proc/self/fd count still catches sockets left open
        }
    }

    /** Loads ND4J and its threads before any student code, so they are not mistaken for the student's. */
    private static void warmUp() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 2, 3);
        INDArray b = Nd4j.concat(1, a, a).mmul(Nd4j.eye(6).castTo(DataType.DOUBLE));
        Transforms.tanh(Transforms.sigmoid(b.addRowVector(Nd4j.ones(DataType.DOUBLE, 6))), true);
        b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).dup().norm2Number();
        b.mul(b).sum(0).sumNumber();
    }
}
