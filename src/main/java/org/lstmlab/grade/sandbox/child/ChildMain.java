package org.lstmlab.grade.sandbox.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The main class of the JVM that runs one submission. It reads calls of the student's static
 * methods, runs each in a fresh class loader on a thread of its own with a time limit, and answers
 * with the numbers they returned or what went wrong. It holds no expected values and decides no
 * score. After a call that times out or breaks a rule (threads, processes, sockets, shutdown hooks
 * or files left behind) it answers and ends with {@code Runtime.halt}; the grader starts another.
 *
 * <p>Usage: {@code ChildMain CALL_MILLIS MAX_NEW_THREADS MAX_FILE_BYTES}, or {@code ChildMain --warm-up}.
 * The class path holds ND4J and the parameter records only; it uses nothing of the library directly.
 */
public final class ChildMain {
    /** Between a broken rule's key and its values: the child has no bundle, the grader words it (ChildProcess). */
    public static final String RULE_SEPARATOR = "\u001f";

    private ChildMain() {}

    /** Around a message of the child's own inside an exception's message: the grader words it (ChildProcess). */
    public static final String SAID = "\u001e";

    /** A broken rule as the grader reads it: its key in the bundle, then its values. */
    static String rule(String key, Object... values) {
        StringBuilder s = new StringBuilder(key);
        for (Object v : values) s.append(RULE_SEPARATOR).append(v);
        return s.toString();
    }

    /**
     * A message of the child's own (a signature that does not fit, a value it cannot send) as the grader reads it
     * inside the exception's message: {@code \u001esandbox.child.returnedNull\u001fh\u001e}, worded in the student's
     * language by the grader, since the child has no bundle.
     */
    static String said(String key, Object... values) {
        return SAID + rule(key, values) + SAID;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp(); // a run that only loads classes, for the class-data archive
            return;
        }
        // Everything the protocol needs stays in locals of this method, out of reach of reflection.
        var answers = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        var calls = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        var console = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        System.setOut(console); // what graded code prints goes to standard error, which the grader counts
        System.setErr(console);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        long secret = calls.readLong();
        long callMillis = Long.parseLong(args[0]);
        int maxNewThreads = Integer.parseInt(args[1]);
        long maxFileBytes = Long.parseLong(args[2]);
        warmUp();
        AtomicBoolean networkTried = blockSockets();
        // The checks once, so what they open themselves (glibc's user lookup keeps a socket) is in the baseline; and
        // a file channel once: java.nio keeps a socket of its own from the first (the pre-close descriptor of
        // sun.nio.ch.FileDispatcherImpl), which graded code that reads a file must not be blamed for.
        ManagementFactory.getThreadMXBean().getThreadCount();
        try (var channel =
                java.nio.channels.FileChannel.open(Path.of(System.getProperty("java.home"), "lib", "modules"))) {
            channel.size();
        } catch (IOException | RuntimeException notOpened) {
            // a file channel of graded code then opens it
        }
        brokenRule(new Baseline(liveThreads(), shutdownHooks(), openSockets()), networkTried, maxFileBytes);
        // What is there before any graded code runs. A call that leaves anything beyond it ends this JVM, so
        // it holds for every call.
        Baseline baseline = new Baseline(liveThreads(), shutdownHooks(), openSockets());
        Map<String, ClassFolder> folders = new HashMap<>(); // each exercise's classes, read at its first call
        Wire.writeReady(answers, secret);
        Wire.Call call;
        while ((call = Wire.readCall(calls)) != null) {
            Wire.Outcome outcome = run(call, folders, callMillis, maxNewThreads, maxFileBytes, networkTried, baseline);
            Wire.writeOutcome(answers, secret, outcome);
            if (outcome.status() == Wire.Status.TIMED_OUT || outcome.status() == Wire.Status.BROKE_RULE) {
                halt();
            }
        }
        halt();
    }

    /** The threads, shutdown hooks and socket descriptors of the JVM before graded code runs. */
    private record Baseline(Set<Thread> threads, int hooks, long sockets) {}

    private static Wire.Outcome run(
            Wire.Call call,
            Map<String, ClassFolder> folders,
            long callMillis,
            int maxNewThreads,
            long maxFileBytes,
            AtomicBoolean networkTried,
            Baseline baseline)
            throws IOException {
        networkTried.set(false);
        AtomicReference<Wire.Outcome> done = new AtomicReference<>();
        ClassFolder folder = folders.get(call.classes());
        if (folder == null) {
            try {
                folder = ClassFolder.read(Path.of(call.classes()));
                folders.put(call.classes(), folder);
            } catch (IOException unreadable) {
                folder = ClassFolder.none(Path.of(call.classes())); // the call fails with ClassNotFoundException
            }
        }
        ClassLoader loader = folder.freshLoader(ClassLoader.getSystemClassLoader());
        ThreadGroup group = new ThreadGroup("graded-call-" + call.seq());
        Thread worker = new Thread(group, () -> done.set(invoke(call, loader)), "graded-call-" + call.seq());
        worker.setContextClassLoader(loader);
        long deadline = System.nanoTime() + callMillis * 1_000_000L;
        worker.start();
        var threads = ManagementFactory.getThreadMXBean();
        // The files are looked at while the call runs too, so it cannot fill the disk before it ends
        long nextFiles = System.nanoTime() + FILES_EVERY_NANOS;
        while (worker.isAlive() && System.nanoTime() < deadline) {
            try {
                worker.join(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (threads.getThreadCount() - baseline.threads().size() - 1 > maxNewThreads) {
                return outcome(call, Wire.Status.BROKE_RULE, rule("sandbox.rule.threads", maxNewThreads));
            }
            if (System.nanoTime() > nextFiles) {
                String tooMuch = filesRule(maxFileBytes);
                if (tooMuch != null) {
                    return outcome(call, Wire.Status.BROKE_RULE, tooMuch);
                }
                nextFiles = System.nanoTime() + FILES_EVERY_NANOS;
            }
        }
        if (worker.isAlive()) {
            return outcome(call, Wire.Status.TIMED_OUT, "timed out"); // the grader says it in the student's language
        }
        String broken = brokenRule(baseline, networkTried, maxFileBytes);
        if (broken != null) {
            return outcome(call, Wire.Status.BROKE_RULE, broken);
        }
        Wire.Outcome o = done.get();
        return o != null ? o : outcome(call, Wire.Status.THREW, said("sandbox.child.noResult"));
    }

    /** How often the files a running call wrote are added up: a few syscalls for an honest call's empty folders. */
    private static final long FILES_EVERY_NANOS = 100_000_000L;

    private static Wire.Outcome outcome(Wire.Call call, Wire.Status status, String message) {
        return new Wire.Outcome(call.seq(), status, message, null);
    }

    private static Wire.Outcome invoke(Wire.Call call, ClassLoader loader) {
        try {
            Class<?> cls = Class.forName(call.className(), true, loader);
            Method m = find(cls, call);
            Object[] args = new Object[call.args().size()];
            for (int k = 0; k < args.length; k++) {
                args[k] = toJava(call.args().get(k), m.getParameterTypes()[k], m.getGenericParameterTypes()[k], m, k);
            }
            Object returned = m.invoke(null, args);
            return new Wire.Outcome(call.seq(), Wire.Status.RETURNED, "", toValue(returned, "", 0));
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
                m.setAccessible(true); // the class itself may be package-private
                return m;
            }
        }
        throw new NoSuchMethodException(said(
                "sandbox.child.noMethod",
                cls.getSimpleName(),
                call.method(),
                call.args().size()));
    }

    /**
     * What the graded code threw, as its feedback writes it. The exception is the student's: its own methods
     * ({@code getMessage}, {@code getStackTrace}, {@code getCause}) may throw, recurse or run out of memory, and then
     * the feedback says so instead of losing the call's result.
     */
    private static Wire.Outcome threw(Wire.Call call, Throwable e) {
        String message;
        try {
            message = describe(e);
        } catch (Throwable broken) { // getClass() cannot be overridden: both names are safe to read
            message = e.getClass().getName() + " "
                    + said("sandbox.child.undescribable", broken.getClass().getName());
        }
        return new Wire.Outcome(call.seq(), Wire.Status.THREW, message, null);
    }

    /**
     * An exception of graded code as its feedback writes it: the class, the message and the first line of
     * the student's code it passed through, e.g. {@code java.lang.IllegalStateException: no (at E3ForgetGate.java:27)}.
     */
    public static String describe(Throwable e) {
        Throwable root = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
        StringBuilder s = new StringBuilder(root.getClass().getName());
        String message = root.getMessage();
        if (message != null) { // only what the wire carries: a 100 MB message must not fill the heap a second time
            s.append(": ").append(message, 0, Math.min(message.length(), Wire.MAX_MESSAGE_CHARS));
        }
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
        return s.toString();
    }

    /** The argument as the student's parameter type wants it: an ND4J array, a number, a map, a record. */
    private static Object toJava(Value v, Class<?> type, Type generic, Object where, int index) throws Exception {
        if (type == INDArray.class && v instanceof Value.Tensor t) {
            return Nd4j.create(t.data().clone(), t.shape(), DataType.DOUBLE);
        }
        if (type == double[].class && v instanceof Value.Doubles d) {
            return d.values().clone();
        }
        if (v instanceof Value.Num n) {
            if (type == double.class || type == Double.class) {
                return n.value();
            }
            if (type == float.class || type == Float.class) {
                return (float) n.value();
            }
            if ((type == int.class || type == Integer.class) && n.value() == (int) n.value()) {
                return (int) n.value();
            }
            if ((type == long.class || type == Long.class) && n.value() == (long) n.value()) {
                return (long) n.value();
            }
        }
        if (Map.class.isAssignableFrom(type) && v instanceof Value.Dict d) {
            Type valueType = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Class<?> valueClass = valueType instanceof Class<?> c
                    ? c
                    : valueType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : d.entries().entrySet()) {
                m.put(e.getKey(), toJava(e.getValue(), valueClass, valueType, where, index));
            }
            return m;
        }
        if (type.isRecord() && v instanceof Value.Struct s) {
            RecordComponent[] parts = type.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            Object[] values = new Object[parts.length];
            for (int k = 0; k < parts.length; k++) {
                types[k] = parts[k].getType();
                Value part = s.fields().get(parts[k].getName());
                if (part == null) {
                    throw new IllegalArgumentException(
                            said("sandbox.child.notSent", parts[k].getName(), type.getSimpleName()));
                }
                values[k] = toJava(part, types[k], parts[k].getGenericType(), where, index);
            }
            Constructor<?> make = type.getDeclaredConstructor(types);
            make.setAccessible(true);
            try {
                return make.newInstance(values);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        throw new IllegalArgumentException(
                said("sandbox.child.parameterType", index + 1, ((Method) where).getName(), type.getSimpleName()));
    }

    /** Turns whatever came back into named numbers; anything else is an error the student can read. */
    private static Value toValue(Object v, String name, int depth) throws Exception {
        if (depth > 4) {
            throw new IllegalStateException(said("sandbox.child.nestedTooDeeply"));
        }
        if (v == null) {
            throw new NullPointerException(
                    name.isEmpty() ? said("sandbox.child.returnedNull") : said("sandbox.child.returnedNullFor", name));
        }
        if (v instanceof INDArray a) {
            double[] data = a.length() == 0
                    ? new double[0]
                    : a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            return new Value.Tensor(a.shape().clone(), data);
        }
        if (v instanceof double[] d) {
            return new Value.Doubles(d.clone());
        }
        if (v instanceof float[] f) {
            double[] d = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                d[k] = f[k];
            }
            return new Value.Doubles(d);
        }
        if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long) {
            return new Value.Num(((Number) v).doubleValue());
        }
        if (v instanceof Map<?, ?> m) {
            if (m.size() > Wire.MAX_ENTRIES) {
                throw new IllegalStateException(said("sandbox.child.mapTooLarge", Wire.MAX_ENTRIES));
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, toValue(e.getValue(), key, depth + 1));
            }
            return new Value.Dict(out);
        }
        if (v.getClass().isRecord()) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                String inner = name.isEmpty() ? rc.getName() : name + "." + rc.getName();
                out.put(rc.getName(), toValue(accessor.invoke(v), inner, depth + 1));
            }
            return new Value.Struct(v.getClass().getSimpleName(), out);
        }
        throw new IllegalArgumentException(
                name.isEmpty()
                        ? said("sandbox.child.unreadable", v.getClass().getName())
                        : said("sandbox.child.unreadableFor", v.getClass().getName(), name));
    }

    private static String brokenRule(Baseline baseline, AtomicBoolean networkTried, long maxFileBytes) {
        List<ProcessHandle> children = childProcesses();
        // The JDK starts its "process reaper" thread with the first process; the process may have been
        // handed to another thread of the JVM as its parent thread ended, so look at all of them then.
        boolean started = liveThreads().stream()
                .anyMatch(t -> !baseline.threads().contains(t) && t.getName().startsWith("process reaper"));
        if (children.isEmpty() && started) {
            children = ProcessHandle.current().children().toList();
        }
        if (!children.isEmpty() || started) {
            String cmd =
                    children.isEmpty() ? null : children.get(0).info().command().orElse(null);
            for (ProcessHandle c : children) {
                c.descendants().forEach(ProcessHandle::destroyForcibly);
                c.destroyForcibly();
            }
            return cmd == null ? rule("sandbox.rule.aProcess") : rule("sandbox.rule.process", cmd);
        }
        long grace = System.nanoTime() + 200_000_000L; // a thread that was joined may still be ending
        for (Thread t : liveThreads()) {
            if (baseline.threads().contains(t)) {
                continue;
            }
            while (t.isAlive() && System.nanoTime() < grace) {
                try {
                    t.join(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (t.isAlive()) {
                return rule("sandbox.rule.threadLeft", t.getName());
            }
        }
        if (shutdownHooks() > baseline.hooks()) {
            return rule("sandbox.rule.shutdownHook");
        }
        if (networkTried.get() || openSockets() > baseline.sockets()) {
            return rule("sandbox.rule.network");
        }
        return filesRule(maxFileBytes);
    }

    /**
     * The bytes of all files graded code could write, and of the largest: {@code [total, largest]}. That is the
     * whole job folder (the working directory's parent: its working and temporary folders, its JavaCPP cache and
     * the folder itself are writable in the sandbox) and the temporary folder, each without the folders mounted
     * read-only in it (the grader's unpacked native libraries).
     */
    private static long[] written() {
        long[] sizes = new long[2];
        Path work = Path.of("").toAbsolutePath();
        Path job = work.getParent() != null ? work.getParent() : work;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path dir : tmp.startsWith(job) ? List.of(job) : List.of(job, tmp)) {
            try {
                Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(
                            Path d, java.nio.file.attribute.BasicFileAttributes a) {
                        return Files.isWritable(d)
                                ? java.nio.file.FileVisitResult.CONTINUE
                                : java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(
                            Path f, java.nio.file.attribute.BasicFileAttributes a) {
                        if (a.isRegularFile()) {
                            sizes[0] += a.size();
                            sizes[1] = Math.max(sizes[1], a.size());
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE; // gone already, or unreadable
                    }
                });
            } catch (IOException | RuntimeException e) {
                // unreadable: the file-size limit of the process still holds
            }
        }
        return sizes;
    }

    /** The broken file rule, if the files graded code could write are already over {@code maxFileBytes}. */
    private static String filesRule(long maxFileBytes) {
        long[] written = written();
        if (written[1] >= maxFileBytes) {
            return rule("sandbox.rule.fileTooLarge", maxFileBytes / (1 << 20));
        }
        if (written[0] > maxFileBytes) {
            return rule("sandbox.rule.filesTotal", written[0] / (1 << 20), maxFileBytes / (1 << 20));
        }
        return null;
    }

    /**
     * The JVM's child processes. On Linux from {@code /proc/self/task/TID/children}, which is quick;
     * elsewhere from {@link ProcessHandle}, which reads every process of the machine. Read after every call, so with
     * as little as can be: one listing, then each task's file into one buffer (0.38 ms a call in a batch child, where
     * {@link Files}'s streams and strings took 0.59).
     */
    private static List<ProcessHandle> childProcesses() {
        String[] tasks = PER_TASK_CHILDREN ? new java.io.File(TASKS).list() : null;
        if (tasks == null) {
            return ProcessHandle.current().children().toList();
        }
        Set<Long> pids = new java.util.TreeSet<>();
        byte[] buf = new byte[512];
        for (String task : tasks) {
            int n = 0;
            try (FileInputStream in = new FileInputStream(TASKS + "/" + task + "/children")) {
                for (int r; (r = in.read(buf, n, buf.length - n)) > 0; ) {
                    n += r;
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                }
            } catch (IOException ended) {
                continue; // the thread has ended
            }
            long pid = -1;
            for (int k = 0; k <= n; k++) {
                int c = k < n ? buf[k] : ' ';
                if (c >= '0' && c <= '9') {
                    pid = Math.max(pid, 0) * 10 + (c - '0');
                } else if (pid >= 0) {
                    pids.add(pid);
                    pid = -1;
                }
            }
        }
        List<ProcessHandle> children = new java.util.ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(children::add);
        }
        return children;
    }

    private static final String TASKS = "/proc/self/task";

    /** Whether this Linux keeps each thread's children in {@code /proc} (CONFIG_PROC_CHILDREN). */
    private static final boolean PER_TASK_CHILDREN =
            Files.exists(Path.of(TASKS, Long.toString(ProcessHandle.current().pid()), "children"));

    /** Every live thread, without the stack traces {@code Thread.getAllStackTraces} would take. */
    private static Set<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 64];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        Set<Thread> live = new HashSet<>();
        for (int k = 0; k < n; k++) {
            live.add(all[k]);
        }
        return live;
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
        String[] fds = new java.io.File("/proc/self/fd").list();
        if (fds == null) {
            return 0;
        }
        Path dir = Path.of("/proc/self/fd");
        long sockets = 0;
        for (String fd : fds) {
            try {
                if (Files.readSymbolicLink(dir.resolve(fd)).toString().startsWith("socket:")) {
                    sockets++;
                }
            } catch (IOException | UnsupportedOperationException closed) {
                // closed meanwhile
            }
        }
        return sockets;
    }

    @SuppressWarnings("deprecation")
    private static AtomicBoolean blockSockets() {
        AtomicBoolean tried = new AtomicBoolean();
        try {
            Socket.setSocketImplFactory(() -> {
                tried.set(true);
                throw new UnsupportedOperationException(said("sandbox.child.networkBlocked"));
            });
        } catch (Throwable notAvailable) {
            // removed in newer JDKs: the /proc/self/fd count still catches sockets left open
        }
        return tried;
    }

    private static void halt() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }

    /** Loads ND4J, its threads and the operations exercises use before any student code runs. */
    private static void warmUp() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 2, 3);
        INDArray w = Nd4j.rand(DataType.DOUBLE, 4, 6);
        INDArray hx = Nd4j.concat(1, a, a);
        INDArray z = hx.mmul(w.transpose()).addRowVector(Nd4j.ones(DataType.DOUBLE, 4));
        INDArray g = Transforms.tanh(Transforms.sigmoid(z), true);
        g.mul(g).rsubi(1).addi(g.add(1)).subi(g).divi(2).muli(z.rsub(1));
        g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)).dup().norm2Number();
        g.get(NDArrayIndex.all(), NDArrayIndex.point(1)).reshape(2, 1);
        g.transpose().mmul(hx).sum(0).sumNumber();
        Nd4j.eye(4).castTo(DataType.DOUBLE).mmul(w.mulColumnVector(Nd4j.ones(DataType.DOUBLE, 4, 1)));
        Nd4j.zerosLike(g).assign(1.0).getColumn(0);
        Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.DOUBLE)
                .norm2Number();
    }
}
