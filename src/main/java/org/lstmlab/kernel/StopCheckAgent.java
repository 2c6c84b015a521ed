package org.lstmlab.kernel;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The kernel's Java agent ({@code -javaagent:KERNEL_JAR}): adds the stop checks of
 * {@link SnippetInstrumenter} to classes loaded from folders, i.e. the course library's
 * {@code target/classes} and {@code %classpath} folders, so Kernel > Interrupt also stops a training
 * loop running inside the library. Classes from jars (ND4J, Tablesaw, XChart, the JDK) are left as
 * they are.
 */
public final class StopCheckAgent {

    private StopCheckAgent() {}

    public static void premain(String args, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(
                    ClassLoader loader,
                    String className,
                    Class<?> redefined,
                    ProtectionDomain domain,
                    byte[] classFile) {
                if (className == null
                        || redefined != null
                        || className.startsWith("org/lstmlab/kernel/")
                        || !fromFolder(domain)) {
                    return null;
                }
                try {
                    return SnippetInstrumenter.instrument(classFile);
                } catch (RuntimeException | LinkageError e) {
                    return null; // a class ASM cannot read runs uninstrumented rather than not at all
                }
            }
        });
    }

    /** Whether a class comes from a classpath folder rather than a jar. */
    static boolean fromFolder(ProtectionDomain domain) {
        if (domain == null
                || domain.getCodeSource() == null
                || domain.getCodeSource().getLocation() == null) {
            return false;
        }
        var location = domain.getCodeSource().getLocation();
        return location.getProtocol().equals("file") && location.getPath().endsWith("/");
    }
}
