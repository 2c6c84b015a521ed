package org.lstmlab.grade.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lstmlab.grade.author.Say;
import org.lstmlab.grade.author.StudentCodeFailed;
import org.lstmlab.grade.run.ExerciseCatalog;
import org.lstmlab.grade.run.GradedExercise;
import org.lstmlab.grade.run.Grader;
import org.lstmlab.grade.run.SubmissionRun;
import org.lstmlab.grade.run.Values;
import org.lstmlab.grade.sandbox.ChildRuntime;
import org.lstmlab.grade.sandbox.OsSandbox;
import org.lstmlab.grade.sandbox.SubmissionCompiler;
import org.lstmlab.grade.sandbox.child.ChildMain;

/**
 * A student's {@code exercises/} folder, compiled by the grader's {@link SubmissionCompiler} when its
 * {@code .java} files change and loaded into this JVM in a fresh class loader, so {@link Mine} can call
 * the methods as last saved. Failures become the grader's feedback ({@link SubmissionRun#threw}).
 */
final class SavedExercises implements AutoCloseable {
    private final Path folder;
    private final ExerciseCatalog catalog;
    private final Path work;
    private final SubmissionCompiler compiler;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private int compilations;

    /** One exercise compiled from the files whose digest is {@code files}: its class, or why there is none. */
    private record Loaded(String files, Path dir, URLClassLoader loader, Class<?> cls, String problem) {}

    SavedExercises(Path folder, ExerciseCatalog catalog) throws IOException {
        this.folder = folder;
        this.catalog = catalog;
        this.work = Files.createTempDirectory("lstmlab-mine-");
        // compiled in the OS sandbox where there is one, as the grader compiles; without one, as before
        this.compiler = new SubmissionCompiler(
                ChildRuntime.create(work.resolve("runtime"), catalog.records()).withSandbox(OsSandbox.detect()));
    }

    /** The student's class of {@code exercise} through its interface; every call runs the saved code. */
    <T> T handle(Mine.Of<T> exercise) {
        GradedExercise e = catalog.byId(exercise.id());
        Class<T> type = exercise.type();
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "your " + e.className() + " in " + folder;
                };
            }
            return call(e, m, args == null ? new Object[0] : args);
        }));
    }

    /** How many times an exercise was compiled: a call without a changed file compiles nothing. */
    synchronized int compilations() {
        return compilations;
    }

    /** Runs the student's method named like {@code m} on copies of {@code args}, as {@code m} returns it. */
    private synchronized Object call(GradedExercise e, Method m, Object[] args) {
        String name = Values.name(e, m);
        Loaded l = load(e);
        if (l.problem() != null) {
            throw quiet(new StudentCodeFailed(StudentCodeFailed.Kind.STOPPED, l.problem()));
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(l.loader());
        try {
            Method target = find(l.cls(), m.getName(), args.length);
            Object[] copies = new Object[args.length];
            for (int k = 0; k < args.length; k++) { // the student's code never changes the notebook's arrays
                copies[k] = Values.fromValue(Values.toValue(args[k]), target.getGenericParameterTypes()[k], name);
            }
            Object returned = target.invoke(null, copies);
            if (returned == null) {
                throw new StudentCodeFailed(StudentCodeFailed.Kind.UNREADABLE, Say.say("run.returnedNothing", name));
            }
            return Values.fromValue(Values.toValue(returned), m.getGenericReturnType(), name);
        } catch (StudentCodeFailed f) {
            throw quiet(f);
        } catch (InvocationTargetException x) {
            throw quiet(SubmissionRun.threw(e, m, ChildMain.describe(x.getCause())));
        } catch (Throwable x) { // a static initialiser that threw, a missing method, a null
            throw quiet(SubmissionRun.threw(e, m, ChildMain.describe(x)));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The public static method the sandbox would call: by name and number of arguments. */
    private static Method find(Class<?> cls, String method, int arity) throws NoSuchMethodException {
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(method)
                    && m.getParameterCount() == arity
                    && Modifier.isStatic(m.getModifiers())
                    && Modifier.isPublic(m.getModifiers())) {
                m.setAccessible(true); // the class itself may be package-private
                return m;
            }
        }
        throw new NoSuchMethodException(Say.say("sandbox.child.noMethod", cls.getSimpleName(), method, arity));
    }

    /** The exercise compiled from the files as they are now: the last compilation when no file changed. */
    private Loaded load(GradedExercise e) {
        String files = digest();
        Loaded last = loaded.get(e.id());
        if (last != null && last.files().equals(files)) {
            return last;
        }
        if (last != null) {
            forget(last);
        }
        try {
            Path dir = Files.createTempDirectory(work, e.id() + "-");
            compilations++;
            SubmissionCompiler.Compiled c;
            try {
                c = compiler.compile(
                                folder,
                                dir,
                                List.of(new SubmissionCompiler.Target(e.id(), e.className(), e.mustNotUse())))
                        .get(e.id());
            } finally {
                compiler.stop(); // the kernel keeps no sandboxed compiler between calls
            }
            Loaded now;
            if (c.problem() != null) {
                now = new Loaded(files, dir, null, null, c.problem());
            } else {
                URLClassLoader loader = new YoursFirst(c.classes().toUri().toURL());
                now = new Loaded(files, dir, loader, Class.forName(e.qualifiedName(), false, loader), null);
            }
            loaded.put(e.id(), now);
            return now;
        } catch (IOException x) {
            throw new UncheckedIOException("could not compile " + folder + ": " + x.getMessage(), x);
        } catch (ClassNotFoundException x) {
            throw new IllegalStateException("the compiler wrote no " + e.qualifiedName(), x);
        }
    }

    /** A digest of every {@code .java} file's path and bytes under the folder: what the compiler reads. */
    private String digest() {
        try (Stream<Path> walk = Files.walk(folder, 12)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .sorted()
                    .toList()) {
                md.update(folder.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException x) {
            throw new UncheckedIOException("cannot read your exercises in " + folder + ": " + x.getMessage(), x);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    private static void forget(Loaded l) {
        try {
            if (l.loader() != null) {
                l.loader().close();
            }
        } catch (IOException ignored) {
            // its folder goes next
        }
        Grader.delete(l.dir());
    }

    /** The feedback without this class's frames: the notebook shows the message, which is the point. */
    private static StudentCodeFailed quiet(StudentCodeFailed f) {
        f.setStackTrace(new StackTraceElement[0]);
        return f;
    }

    @Override
    public synchronized void close() {
        compiler.close();
        loaded.values().forEach(SavedExercises::forget);
        loaded.clear();
        Grader.delete(work);
    }

    /** Loads the student's package from their classes before the kernel's, which may hold another copy. */
    private static final class YoursFirst extends URLClassLoader {
        YoursFirst(URL classes) {
            super(new URL[] {classes}, SavedExercises.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(SubmissionCompiler.PACKAGE + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException notTheirs) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
