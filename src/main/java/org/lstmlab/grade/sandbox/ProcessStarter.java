package org.lstmlab.grade.sandbox;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread that starts an owner's sandboxed processes, living as long as the owner: {@code bwrap
 * --die-with-parent} ends a sandbox when the thread that started it ends (Linux's parent-death signal follows the
 * thread, not the process). Started from a batch's worker, a warm-up or a notebook cell's thread, a sandbox died
 * with that thread; and one whose thread ended before {@code bwrap} had armed the signal outlived the grader,
 * parented to init.
 */
final class ProcessStarter implements AutoCloseable {
    private final ExecutorService thread;

    /** @param name the thread's name, e.g. {@code child-starter} */
    ProcessStarter(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** What {@code start} returns, run on this thread. */
    <T> T start(Callable<T> start) throws IOException {
        try {
            return thread.submit(start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a sandbox", e);
        }
    }

    /** Ends the thread, and with it every sandbox it started that still runs. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
