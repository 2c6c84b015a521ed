package org.lstmlab.grade.sandbox.child;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compiled classes of one exercise, read from their folder once per child: every graded call defines them
 * afresh in a loader of its own ({@link #freshLoader}), so no static state survives a call, without reading the
 * folder, or asking ND4J's jars for the student's classes, each time.
 *
 * <p>A record with an unmodifiable map of read-only buffers: graded code that reaches it by reflection (through its
 * class's loader) cannot change what a later call defines.
 *
 * @param root the folder, e.g. {@code …/classes-3}
 * @param classes binary name → the class file, e.g. {@code org.lstmlab.exercises.E3ForgetGate}
 */
record ClassFolder(Path root, Map<String, ByteBuffer> classes) {
    /** The only package a submission's classes are in (the grader deletes the others before any call). */
    static final String PACKAGE = "org.lstmlab.exercises.";

    /**
     * Reads every class file under {@code root}.
     *
     * @throws IOException when the folder cannot be read (graded code may have deleted it): the caller's loader then
     *     finds none of its classes, as a {@link java.net.URLClassLoader} over the missing folder would
     */
    static ClassFolder read(Path root) throws IOException {
        Map<String, ByteBuffer> classes = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.');
                if (Files.isRegularFile(p)) {
                    classes.put(name, ByteBuffer.wrap(Files.readAllBytes(p)).asReadOnlyBuffer());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new ClassFolder(root, Map.copyOf(classes));
    }

    /** No classes: what a call whose folder cannot be read gets. */
    static ClassFolder none(Path root) {
        return new ClassFolder(root, Map.of());
    }

    /**
     * A new loader of these classes, under {@code parent}: the submission's own classes are defined in it (the parent
     * has none of package {@value #PACKAGE}), everything else comes from the parent first, as from a
     * {@link java.net.URLClassLoader}.
     */
    ClassLoader freshLoader(ClassLoader parent) {
        return new Fresh(this, parent);
    }

    private static final class Fresh extends ClassLoader {
        private final ClassFolder folder;

        Fresh(ClassFolder folder, ClassLoader parent) {
            super(parent);
            this.folder = folder;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE) || !folder.classes().containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteBuffer bytes = folder.classes().get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes.duplicate(), null);
        }

        /** Other files of the folder, as a {@link java.net.URLClassLoader} over it would find them. */
        @Override
        protected URL findResource(String name) {
            Path file = folder.root().resolve(name).normalize();
            if (!file.startsWith(folder.root()) || !Files.isRegularFile(file)) {
                return null;
            }
            try {
                return file.toUri().toURL();
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
        }
    }
}
