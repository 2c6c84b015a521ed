package org.lstmlab.grade;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the course folder (the one with {@code exercises/} and {@code lab}). */
public final class LabHome {
    private LabHome() {}

    /**
     * The system property {@code lstmlab.home}, else the environment variable {@code LSTMLAB_HOME}, else
     * the first folder holding {@code exercises/} and {@code lab} walking up from the working directory.
     *
     * @throws IllegalStateException saying where it looked
     */
    public static Path locate() {
        String prop = System.getProperty("lstmlab.home");
        if (prop != null && !prop.isBlank()) return checked(Path.of(prop), "the system property lstmlab.home");
        String env = System.getenv("LSTMLAB_HOME");
        if (env != null && !env.isBlank()) return checked(Path.of(env), "the environment variable LSTMLAB_HOME");
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (isHome(p) && Files.exists(p.resolve("lab"))) return p;
        }
        throw new IllegalStateException("cannot find the course folder (with exercises/ and lab) above " + start
                + ": set LSTMLAB_HOME or -Dlstmlab.home to it");
    }

    private static Path checked(Path p, String from) {
        if (!isHome(p)) {
            throw new IllegalStateException(from + " points to " + p + ", which has no exercises/ folder");
        }
        return p.toAbsolutePath();
    }

    private static boolean isHome(Path p) {
        return Files.isDirectory(p.resolve("exercises")) || Files.isDirectory(p.resolve("solutions"));
    }
}
