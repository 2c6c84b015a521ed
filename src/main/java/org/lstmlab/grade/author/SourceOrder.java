package org.lstmlab.grade.author;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.lstmlab.grade.sandbox.ClassFile;

/**
 * Runs an exercise's tests in the order they are written, so reports list them that way: the order
 * of the class file's methods, which javac keeps from the source.
 */
public final class SourceOrder implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        List<String> order = methodOrder(context.getTestClass());
        context.getMethodDescriptors().sort(Comparator.<org.junit.jupiter.api.MethodDescriptor>comparingInt(d -> {
            int k = order.indexOf(d.getMethod().getName());
            return k < 0 ? Integer.MAX_VALUE : k;
        }));
    }

    public static List<String> methodOrder(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        ClassLoader loader = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? List.of() : ClassFile.read(in.readAllBytes()).methods();
        } catch (IOException e) {
            return List.of();
        }
    }
}
