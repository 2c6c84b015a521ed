package org.lstmlab.course;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.DoubleBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measurements kept by what they measured, bounded by the bytes they hold (key and value), the least recently used
 * dropped first: a slider moved back to a value seen before redraws without measuring again, and a flood of new
 * values cannot grow the kernel past the bound.
 */
final class KeptMeasurements {

    /** What an object header and a reference cost, roughly, on a 64-bit JVM. */
    private static final long HEADER = 16;

    private static final long REFERENCE = 8;

    private final long bound;

    private final Map<Object, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);

    private long held;

    private record Kept(Object value, long bytes) {}

    /** @param bound the most bytes to hold, &gt; 0 */
    KeptMeasurements(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("the bound on kept measurements must be above 0 bytes but is " + bound);
        }
        this.bound = bound;
    }

    /**
     * The measurement named by {@code key}: made by {@code measure} the first time, then the one kept. One larger than
     * the whole bound is returned and not kept.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> measure) {
        synchronized (this) {
            Kept found = kept.get(key);
            if (found != null) {
                return (T) found.value();
            }
        }
        T made = measure.get(); // outside the lock: a redraw never waits for another figure's measurement
        long bytes = bytes(key) + bytes(made);
        synchronized (this) {
            Kept before = kept.remove(key);
            if (before != null) {
                held -= before.bytes();
            }
            if (bytes <= bound) {
                kept.put(key, new Kept(made, bytes));
                held += bytes;
                var eldest = kept.entrySet().iterator();
                while (held > bound) {
                    held -= eldest.next().getValue().bytes();
                    eldest.remove();
                }
            }
        }
        return made;
    }

    /** @return the bytes held now, as {@link #bytes} counts them */
    synchronized long held() {
        return held;
    }

    /** @return how many measurements are kept */
    synchronized int size() {
        return kept.size();
    }

    /** @return the most bytes held */
    long bound() {
        return bound;
    }

    /**
     * About how many bytes {@code o} holds: arrays, buffers, ND4J arrays, strings, collections, maps and records (by
     * their components), each with its header; anything else (numbers, enums) a header and a word.
     */
    static long bytes(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof double[] a) {
            return HEADER + 8L * a.length;
        }
        if (o instanceof Object[] a) {
            long sum = HEADER + REFERENCE * a.length;
            for (Object e : a) {
                sum += bytes(e);
            }
            return sum;
        }
        if (o instanceof DoubleBuffer b) {
            return 3 * HEADER + 8L * b.capacity();
        }
        if (o instanceof INDArray a) {
            return 4 * HEADER + a.length() * a.dataType().width();
        }
        if (o instanceof CharSequence s) {
            return 3 * HEADER + 2L * s.length();
        }
        if (o instanceof Collection<?> c) {
            long sum = 3 * HEADER;
            for (Object e : c) {
                sum += REFERENCE + bytes(e);
            }
            return sum;
        }
        if (o instanceof Map<?, ?> m) {
            long sum = 3 * HEADER;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sum += 2 * HEADER + bytes(e.getKey()) + bytes(e.getValue());
            }
            return sum;
        }
        if (o instanceof Record r) {
            long sum = HEADER;
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                sum += REFERENCE + bytes(component(r, c));
            }
            return sum;
        }
        return HEADER + REFERENCE;
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
        }
    }
}
