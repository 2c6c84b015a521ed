package org.lstmlab.grade.sandbox;

/**
 * The limits of the child JVM that runs a submission.
 *
 * @param callMillis time for one call of a student method
 * @param exerciseMillis time for all calls of one exercise; its later calls fail once it is used up
 * @param startMillis time for a child JVM to start and load ND4J
 * @param heapMb {@code -Xmx}
 * @param offHeapMb ND4J's off-heap limit ({@code org.bytedeco.javacpp.maxbytes})
 * @param physicalMb the process's physical-memory limit as JavaCPP sees it ({@code maxphysicalbytes})
 * @param outputBytes what one call may print before the child is stopped
 * @param maxNewThreads threads a call may start before it counts as a thread bomb
 * @param addressSpaceMb Linux only: the child's virtual address space ({@code ulimit -v}), which also
 *     bounds ND4J buffers that JavaCPP's counters do not see; 0 for none
 * @param fileMb the largest file a child may write ({@code ulimit -f}) and what all its files in its
 *     working and temporary folders may add up to
 */
public record Limits(
        long callMillis,
        long exerciseMillis,
        long startMillis,
        int heapMb,
        int offHeapMb,
        int physicalMb,
        int outputBytes,
        int maxNewThreads,
        int addressSpaceMb,
        int fileMb) {

    public Limits {
        if (callMillis < 1 || exerciseMillis < callMillis || startMillis < 1) {
            throw new IllegalArgumentException("the time limits must be positive and a call's at most an exercise's,"
                    + " but are " + callMillis + " ms a call, " + exerciseMillis + " ms an exercise, "
                    + startMillis + " ms to start");
        }
    }

    /**
     * The defaults: 10 s a call, 60 s an exercise, 60 s to start, 256 MB heap, 256 MB off-heap (1 GB
     * physical), 64 KB of output a call, 32 threads, 3 GB of address space (ND4J's native libraries
     * alone map about 2 GB), 64 MB of files.
     */
    public static Limits defaults() {
        return new Limits(10_000, 60_000, 60_000, 256, 256, 1024, 64 * 1024, 32, 3072, 64);
    }

    /** The same limits with another time per call and per exercise. */
    public Limits withTimes(long callMillis, long exerciseMillis) {
        return new Limits(
                callMillis,
                exerciseMillis,
                startMillis,
                heapMb,
                offHeapMb,
                physicalMb,
                outputBytes,
                maxNewThreads,
                addressSpaceMb,
                fileMb);
    }

    /** The same limits with another bound on files. */
    public Limits withFileMb(int fileMb) {
        return new Limits(
                callMillis,
                exerciseMillis,
                startMillis,
                heapMb,
                offHeapMb,
                physicalMb,
                outputBytes,
                maxNewThreads,
                addressSpaceMb,
                fileMb);
    }
}
