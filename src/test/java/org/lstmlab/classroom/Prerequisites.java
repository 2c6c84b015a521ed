package org.lstmlab.classroom;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What the classroom tests need on the machine. As root on Debian ({@code ./lab test} installs everything there,
 * and CI is such a machine) a missing command fails the test; elsewhere the test is skipped, naming the command.
 */
final class Prerequisites {

    private Prerequisites() {}

    /**
     * Fails or skips unless {@code command} is on PATH.
     *
     * @param command a program such as podman or jupyterhub
     * @param why what it is for, for the message
     */
    static void require(String command, String why) {
        if (onPath(command)) {
            return;
        }
        String message = command + " is not installed (" + why + "); ./lab test installs it as root on Debian";
        if (mustRun()) {
            throw new AssertionError(message);
        }
        Assumptions.abort("skipped: " + message);
    }

    /** Root on Debian, or CI: where these tests must run, never skip. */
    static boolean mustRun() {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        boolean rootOnDebian =
                "root".equals(System.getProperty("user.name")) && Files.isRegularFile(Path.of("/etc/debian_version"));
        return ci || rootOnDebian;
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
