package org.lstmlab.kernel;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids a notebook's outputs carry: display ids ({@code display(...)}, progress bars) and widget model ids (the
 * comm ids of {@link org.lstmlab.kernel.widgets.Comms}). Random, as Jupyter's kernels make them (uuid4); counted from
 * 1 in the same shapes when {@value #SEQUENTIAL} is set, as {@code ./lab run-notebooks} sets it, so two runs of a
 * notebook save the same ids and an executed notebook differs from another only where the course does.
 */
final class OutputIds {
    /** The environment variable that makes the ids sequential (any value but empty or {@code 0}). */
    static final String SEQUENTIAL = "LSTMLAB_SEQUENTIAL_IDS";

    private final boolean sequential;
    private final AtomicLong displays = new AtomicLong();
    private final AtomicLong comms = new AtomicLong();

    OutputIds(boolean sequential) {
        this.sequential = sequential;
    }

    /** Sequential ids when the environment sets {@value #SEQUENTIAL}, else random ones. */
    static OutputIds of(Map<String, String> environment) {
        String value = environment.getOrDefault(SEQUENTIAL, "").trim();
        return new OutputIds(!value.isEmpty() && !value.equals("0"));
    }

    /** A display id in a UUID's shape: {@code 00000000-0000-4000-8000-000000000001} for the first when sequential. */
    String display() {
        if (!sequential) return UUID.randomUUID().toString();
        return String.format("00000000-0000-4000-8000-%012x", displays.incrementAndGet());
    }

    /** A comm id, 32 hex digits as ipykernel's: {@code 0000…0001} for the first when sequential. */
    String comm() {
        if (!sequential) return UUID.randomUUID().toString().replace("-", "");
        return String.format("%032x", comms.incrementAndGet());
    }
}
