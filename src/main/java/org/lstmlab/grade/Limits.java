package org.lstmlab.grade;

/**
 * The limits of the JVM that runs one exercise.
 *
 * @param callMillis      time for one call of a student method
 * @param wallMillis      time for the whole child JVM, start-up included; it is killed after
 * @param heapMb          {@code -Xmx}
 * @param offHeapMb       ND4J's off-heap limit ({@code org.bytedeco.javacpp.maxbytes})
 * @param physicalMb      the process's physical-memory limit as JavaCPP sees it ({@code maxphysicalbytes})
 * @param outputBytes     what the child may print before it is killed
 * @param maxNewThreads   threads a call may start before it counts as a thread bomb
 * @param addressSpaceMb  Linux only: the child's virtual address space ({@code ulimit -v}), which also
 *                        bounds ND4J buffers that JavaCPP's counters do not see; 0 for none
 */
public record Limits(
        long callMillis,
        long wallMillis,
        int heapMb,
        int offHeapMb,
        int physicalMb,
        int outputBytes,
        int maxNewThreads,
        int addressSpaceMb) {

    /**
     * The defaults: 10 s a call, 60 s a JVM, 256 MB heap, 256 MB off-heap (1 GB physical), 64 KB of
     * output, 32 threads, 3 GB of address space (ND4J's native libraries alone map about 2 GB).
     */
    public static Limits defaults() {
        return new Limits(10_000, 60_000, 256, 256, 1024, 64 * 1024, 32, 3072);
    }

    /** The same limits with another time per call and per JVM. */
    public Limits withTimes(long callMillis, long wallMillis) {
        return new Limits(
                callMillis, wallMillis, heapMb, offHeapMb, physicalMb, outputBytes, maxNewThreads, addressSpaceMb);
    }
}
