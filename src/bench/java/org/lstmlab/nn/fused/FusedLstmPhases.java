package org.lstmlab.nn.fused;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lstmlab.nn.Init;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the fused LSTM's forward+backward pass spends its time at the course size (B = 32, T = 100, X = 8, H = 64),
 * float64 against float32 in one JVM, the order alternated ABBA block by block: the whole pass as training calls
 * it (wall, the thread's own CPU time from {@link ThreadMXBean}, their difference — time the thread did not run —,
 * minor page faults from {@code /proc/thread-self/stat}, GC time), then the same pass with a timer around each
 * phase (the loop of {@link Workspace#forward} and {@link Workspace#backward} written out here so the timers sit
 * between its calls). Run: {@code java -cp … org.lstmlab.nn.fused.FusedLstmPhases [passes per block] [blocks]}
 * with {@code OMP_NUM_THREADS=1}; docs/performance.md (2026-12-08) has its figures.
 */
public final class FusedLstmPhases {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static final String[] NAMES = {
        "fwd load", "fwd GEMM", "fwd gates", "bwd gates", "bwd dh GEMM", "bwd takeDh", "dW+dx GEMM", "gradients"
    };
    static long[] cpu = new long[NAMES.length], wall = new long[NAMES.length];
    static long c0, w0;

    static void start() {
        c0 = MX.getCurrentThreadCpuTime();
        w0 = System.nanoTime();
    }

    static void stop(int phase) {
        long c = MX.getCurrentThreadCpuTime(), w = System.nanoTime();
        cpu[phase] += c - c0;
        wall[phase] += w - w0;
        c0 = c;
        w0 = w;
    }

    static long minflt() throws Exception {
        String s = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[7]); // field 10 minflt
    }

    static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) t += g.getCollectionTime();
        return t;
    }

    @SuppressWarnings("unchecked")
    static void phased(FusedLstm lstm, INDArray xs, INDArray dHs) {
        Workspace<Object> ws = (Workspace<Object>) (Workspace<?>) lstm.workspace;
        StackedWeights weights = lstm.weights;
        INDArray hs = ws.spareHs != null
                ? ws.spareHs
                : Nd4j.createUninitialized(ws.type, new long[] {ws.batch, ws.steps, ws.hidden}, 'c');
        ws.spareHs = null;
        NativeBuffer out = NativeBuffer.of(hs);
        start();
        weights.refresh();
        ws.generation++;
        ws.loadInputs(xs, null, null, weights);
        stop(0);
        for (int t = 0; t < ws.steps; t++) {
            ws.stepGemm(weights, t);
            stop(1);
            ws.stepForward(t, out);
            stop(2);
        }
        NativeBuffer upstream = NativeBuffer.of(dHs);
        ws.clearCarries();
        for (int t = ws.steps - 1; t >= 0; t--) {
            ws.stepBackward(t, upstream);
            stop(3);
            if (t == 0) break;
            ws.stepDhGemm(weights, t);
            stop(4);
            ws.takeDh();
            stop(5);
        }
        ws.weightAndInputGemms(weights, false);
        stop(6);
        ws.gradients(false);
        stop(7);
        ws.takeBack(hs);
    }

    /** How many numbers of {@code buffer} are subnormal (slow on some CPUs). */
    static int subnormals(NativeBuffer buffer) {
        double[] values = new double[Math.toIntExact(buffer.array.length())];
        buffer.get(0, values, 0, values.length);
        double smallestNormal = buffer instanceof NativeBuffer.F32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
        int count = 0;
        for (double v : values) if (v != 0 && Math.abs(v) < smallestNormal) count++;
        return count;
    }

    public static void main(String[] args) throws Exception {
        int passes = Integer.parseInt(args.length > 0 ? args[0] : "200");
        int blocks = Integer.parseInt(args.length > 1 ? args[1] : "4");
        FusedLstm[] lstm = new FusedLstm[2];
        INDArray[] xs = new INDArray[2], dHs = new INDArray[2];
        DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
        for (int d = 0; d < 2; d++) {
            LstmParams params = LstmParams.init(8, 64, Init.UNIFORM, 1.0, 42, types[d]);
            lstm[d] = new FusedLstm(FusedLstm.stacked(params));
            xs[d] = Nd4j.rand(DataType.DOUBLE, 32, 100, 8).subi(0.5).castTo(types[d]);
            dHs[d] = Nd4j.ones(types[d], 32, 100, 64);
        }
        // warm-up: both paths, both precisions compiled by C2 before any timing
        for (int i = 0; i < 300; i++) {
            for (int d = 0; d < 2; d++) {
                var p = lstm[d].run(xs[d]);
                lstm[d].parameterGradients(p, dHs[d]);
                p.release();
                phased(lstm[d], xs[d], dHs[d]);
            }
        }
        for (int d = 0; d < 2; d++)
            System.out.printf(
                    "%s: subnormal numbers in ∂L/∂z of every step: %d%n", types[d], subnormals(lstm[d].workspace.dz));
        System.out.printf("whole pass (run + parameterGradients + release), ms per pass%n");
        System.out.printf(
                "%-8s %8s %8s %8s %8s %8s %8s%n", "dtype", "wall", "cpu", "wall-cpu", "minflt", "gc ms", "min wall");
        double[][] sum = new double[2][NAMES.length * 2];
        double[][] whole = new double[2][5];
        int[] order = {0, 1, 1, 0};
        for (int blk = 0; blk < blocks; blk++) {
            for (int d : order) {
                long c = MX.getCurrentThreadCpuTime(), w = System.nanoTime(), f = minflt(), gc = gcMillis();
                long min = Long.MAX_VALUE;
                for (int i = 0; i < passes; i++) {
                    long w1 = System.nanoTime();
                    var p = lstm[d].run(xs[d]);
                    lstm[d].parameterGradients(p, dHs[d]);
                    p.release();
                    min = Math.min(min, System.nanoTime() - w1);
                }
                whole[d][0] += (System.nanoTime() - w) / 1e6 / passes;
                whole[d][1] += (MX.getCurrentThreadCpuTime() - c) / 1e6 / passes;
                whole[d][2] += (double) (minflt() - f) / passes;
                whole[d][3] += (double) (gcMillis() - gc) / passes;
                whole[d][4] += min / 1e6;
                Arrays.fill(cpu, 0);
                Arrays.fill(wall, 0);
                for (int i = 0; i < passes; i++) phased(lstm[d], xs[d], dHs[d]);
                for (int k = 0; k < NAMES.length; k++) {
                    sum[d][k] += cpu[k] / 1e6 / passes;
                    sum[d][NAMES.length + k] += wall[k] / 1e6 / passes;
                }
            }
        }
        int n = blocks * 2;
        for (int d = 0; d < 2; d++) {
            System.out.printf(
                    "%-8s %8.2f %8.2f %8.2f %8.1f %8.3f %8.2f%n",
                    types[d],
                    whole[d][0] / n,
                    whole[d][1] / n,
                    (whole[d][0] - whole[d][1]) / n,
                    whole[d][2] / n,
                    whole[d][3] / n,
                    whole[d][4] / n);
        }
        System.out.printf("%nper phase, ms per pass (thread CPU / wall)%n");
        for (int k = 0; k < NAMES.length; k++) {
            System.out.printf(
                    "%-12s  f64 %6.2f / %6.2f   f32 %6.2f / %6.2f%n",
                    NAMES[k], sum[0][k] / n, sum[0][NAMES.length + k] / n, sum[1][k] / n, sum[1][NAMES.length + k] / n);
        }
        double t0 = 0, t1 = 0;
        for (int k = 0; k < NAMES.length; k++) {
            t0 += sum[0][k] / n;
            t1 += sum[1][k] / n;
        }
        System.out.printf("%-12s  f64 %6.2f            f32 %6.2f%n", "total cpu", t0, t1);
    }
}
