package org.lstmlab.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CellGuardTest {

    @AfterEach
    void noStopLeftForOtherTests() {
        CellGuard.clearStop();
    }

    /** What the stop check does on a thread of its own (a shutdown hook, the grader's reader threads). */
    private static Throwable checkOnAnotherThread() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                CellGuard.check();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.start();
        other.join();
        return thrown.get();
    }

    @Test
    void anInterruptStopsInstrumentedCodeOnEveryThread() throws Exception {
        CellGuard.requestStop();
        assertThrows(CellInterrupted.class, CellGuard::check);
        assertInstanceOf(CellInterrupted.class, checkOnAnotherThread());
    }

    @Test
    void atShutdownOnlyTheCellsThreadStopsAndCleanupThreadsRunOn() throws Exception {
        CellGuard.requestStopOfCellOnly(Thread.currentThread());
        assertThrows(CellInterrupted.class, CellGuard::check);
        assertNull(checkOnAnotherThread());
    }

    @Test
    void atShutdownWithNoCellRunningAnEarlierInterruptIsWithdrawn() throws Exception {
        CellGuard.requestStop();
        CellGuard.requestStopOfCellOnly(null);
        assertDoesNotThrow(CellGuard::check);
        assertNull(checkOnAnotherThread());
    }
}
