package org.lstmlab.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone, so a killed notebook server or test
 * leaves no kernel running. Jupyter names the parent in {@code JPY_PARENT_PID}; otherwise the
 * kernel's parent process is watched.
 */
final class ParentWatch {

    /** How often the parent is checked. */
    static final long PERIOD_MILLIS = 1000;

    private ParentWatch() {}

    static void start() {
        Optional<ProcessHandle> parent = parent();
        if (parent.isEmpty()) {
            return;
        }
        ProcessHandle watched = parent.get();
        Thread thread = new Thread(
                () -> {
                    while (watched.isAlive()) {
                        try {
                            Thread.sleep(PERIOD_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    Runtime.getRuntime().halt(0); // no shutdown hooks: nobody is left to wait for
                },
                "parent-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static Optional<ProcessHandle> parent() {
        String named = System.getenv("JPY_PARENT_PID");
        if (named != null && named.matches("\\d+")) {
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(named));
            if (handle.isPresent()) {
                return handle;
            }
        }
        return ProcessHandle.current().parent();
    }
}
