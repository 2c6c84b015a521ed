package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children started ahead of need live as long as their pool, whichever thread asked for them. */
class ChildPoolTest {
    private static final Set<String> RECORDS =
            Set.of("org.lstmlab.nn.LstmParams", "org.lstmlab.nn.LstmStepGrads", "org.lstmlab.nn.RnnParams");

    /**
     * {@code bwrap --die-with-parent} kills a sandbox when the thread that started it ends (the parent-death signal
     * follows the thread): a spare started from a batch's worker thread or a notebook cell's thread died with it, and
     * one whose start raced its thread's end was left behind with no parent.
     */
    @Test
    void aSpareStartedFromAThreadThatHasEndedIsStillAliveWhenTaken(@TempDir Path tmp) throws Exception {
        OsSandbox os = OsSandbox.detect();
        assumeTrue(os.isolated(), "needs the OS sandbox: " + os.why());
        ChildRuntime rt = ChildRuntime.create(tmp.resolve("runtime"), RECORDS).withSandbox(os);
        AtomicReference<Object> made = new AtomicReference<>();
        Thread asker = new Thread(() -> {
            try {
                made.set(new ChildPool(rt, Limits.defaults(), tmp.resolve("children"), 1));
                Thread.sleep(1_500); // the sandbox is set up, its parent-death signal armed, before the thread ends
            } catch (Exception e) {
                made.set(e);
            }
        });
        asker.start();
        asker.join();
        assertTrue(made.get() instanceof ChildPool, String.valueOf(made.get()));
        try (ChildPool pool = (ChildPool) made.get()) {
            Thread.sleep(500); // the parent-death signal, if any, has arrived
            ChildProcess spare = pool.take();
            try {
                assertNull(spare.awaitReady(), "the spare answers");
                assertEquals(2, pool.started(), "the spare taken, one more started ahead; none replaced a dead one");
            } finally {
                spare.kill();
            }
        }
    }
}
