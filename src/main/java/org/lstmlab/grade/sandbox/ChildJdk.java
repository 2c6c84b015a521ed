package org.lstmlab.grade.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The children's own Java runtime: the grader's JDK cut by {@code jlink} to the modules a child has
 * ({@link ChildRuntime#CHILD_MODULES}, so no {@code jdk.attach}), with the JDK's class-data archive dumped into it.
 *
 * <p>Why not the JDK with {@code --limit-modules}: the JVM then turns class-data sharing off (JDK 17 and 25 print "CDS
 * is disabled when the --limit-modules option is specified"), and every child loads the platform's and ND4J's classes
 * from scratch: about 1.0 CPU-second to start, against 0.45 on the cut runtime with the batch's archive. {@code ./lab}
 * makes the runtime once per JDK under {@code ~/.cache/lstm-lab/} (about 80 MB, 15 s; {@code child_jdk} in the
 * script) and names it in {@code LSTMLAB_CHILD_JDK}; where it is not named or not whole, children run on the JDK
 * with {@code --limit-modules}.
 */
public final class ChildJdk {
    private ChildJdk() {}

    /** The file {@code ./lab} writes into the runtime's folder once it is whole. */
    static final String READY = "lstm-lab-ready";

    /** Each launcher's answer, looked up once: every child's command asks, and the answer cannot change in a run. */
    private static final Map<Path, Boolean> CUT = new ConcurrentHashMap<>();

    /** The cut runtime's {@code java} that {@code LSTMLAB_CHILD_JDK} names, or null. */
    static Path java() {
        return java(System.getenv("LSTMLAB_CHILD_JDK"));
    }

    /**
     * The cut runtime's {@code java} in {@code home}, or null where it is not whole or not there (a kernelspec may
     * name a runtime removed since: the child then runs on the JDK).
     */
    static Path java(String home) {
        Path java = launcher(home);
        return java != null && isCut(java) && Files.isExecutable(java) ? java : null;
    }

    /**
     * The folder of the whole runtime {@code named} (absolute), or null where none is named or it is not whole: the
     * kernelspec names it for the kernel's {@code check()}. Looked at afresh, not from {@link #isCut}'s answers, since
     * {@code ./lab} may finish the runtime between two looks.
     *
     * @param named the value of {@code LSTMLAB_CHILD_JDK}, or null
     */
    public static String home(String named) {
        Path java = launcher(named);
        return java != null && hasReadyFile(java) && Files.isExecutable(java)
                ? java.getParent().getParent().toString()
                : null;
    }

    private static Path launcher(String home) {
        return home == null || home.isBlank()
                ? null
                : Path.of(home, "bin", "java").toAbsolutePath();
    }

    /** Whether {@code java} is such a runtime's launcher, not the JDK's (which needs {@code --limit-modules}). */
    static boolean isCut(Path java) {
        return CUT.computeIfAbsent(java, ChildJdk::hasReadyFile);
    }

    private static boolean hasReadyFile(Path java) {
        Path bin = java.toAbsolutePath().getParent();
        return bin != null
                && bin.getParent() != null
                && Files.isRegularFile(bin.getParent().resolve(READY));
    }
}
