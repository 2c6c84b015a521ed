package org.lstmlab.nn.fused;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.lstmlab.nn.LstmVariant;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float64 pass's element-wise parts alone, at the course size, in the thread's CPU time: each part as often as
 * one forward+backward calls it (copies between native memory and Java arrays, σ, tanh, {@link GateKernels}'s
 * forward and backward), then the gate kernels over T steps on the same arrays every step (all in cache) against
 * T distinct arrays as the pass stores them, ABBA; and whether the backward's ∂L/∂z holds subnormal numbers. Set
 * beside {@link FusedLstmPhases}, the difference is what the GEMMs between the steps cost the gate maths in cache.
 */
public final class FusedLstmKernels {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static double sink;

    interface Part {
        void run();
    }

    static double time(Part p, int reps) {
        long c = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) p.run();
        return (MX.getCurrentThreadCpuTime() - c) / 1e6;
    }

    public static void main(String[] args) {
        int B = 32, H = 64, X = 8, T = 100, n = B * H;
        Random r = new Random(1);
        double[][] g = new double[4][n], bias = new double[4][n], dz = new double[4][n], db = new double[4][n];
        double[] cPrev = new double[n],
                c = new double[n],
                tc = new double[n],
                h = new double[n],
                s = new double[n],
                w = new double[n],
                dh = new double[n],
                dhn = new double[n],
                dcn = new double[n],
                z0 = new double[n];
        for (double[] a : g) for (int k = 0; k < n; k++) a[k] = r.nextGaussian() * 3;
        for (int k = 0; k < n; k++) {
            cPrev[k] = r.nextGaussian();
            z0[k] = r.nextGaussian() * 3;
            dh[k] = 1;
        }
        NativeBuffer z = NativeBuffer.of(Nd4j.rand(DataType.DOUBLE, 4L * n));
        NativeBuffer big = NativeBuffer.of(Nd4j.rand(DataType.DOUBLE, 4L * n * T));
        double[] flat = new double[4 * n];
        String[] names = {
            "split (128 gets)",
            "join (128 puts)",
            "one get 4n + 128 arraycopy",
            "sigmoid n",
            "tanh n",
            "GateKernels.forward",
            "GateKernels.backward",
            "putH-like (32 puts of H)"
        };
        Part[] parts = {
            () -> GateKernels.split(z, g, B, H),
            () -> GateKernels.join(dz, big, 0, B, H),
            () -> {
                z.get(0, flat, 0, flat.length);
                for (int rr = 0; rr < B; rr++)
                    for (int q = 0; q < 4; q++) System.arraycopy(flat, (4 * rr + q) * H, g[q], rr * H, H);
            },
            () -> {
                System.arraycopy(z0, 0, g[0], 0, n);
                Activations.sigmoid(g[0], bias[0], g[0], n, s, w);
            },
            () -> {
                System.arraycopy(z0, 0, g[3], 0, n);
                Activations.tanh(g[3], bias[3], g[3], n, s, w);
            },
            () -> {
                for (int q = 0; q < 4; q++) System.arraycopy(z0, 0, g[q], 0, n);
                GateKernels.forward(LstmVariant.FULL, g, bias, cPrev, c, tc, h, s, w);
            },
            () -> {
                java.util.Arrays.fill(dh, 1);
                GateKernels.backward(LstmVariant.FULL, g, cPrev, tc, dh, dhn, dcn, s, dz, db);
            },
            () -> {
                for (int b = 0; b < B; b++) big.put(b * T * H, h, b * H, H);
            },
        };
        // per pass: split T, join T, sigmoid 3T, tanh 2T, forward T, backward T
        int[] perPass = {T, T, T, 3 * T, 2 * T, T, T, T};
        for (int warm = 0; warm < 3; warm++) for (Part p : parts) time(p, 20000);
        double[] sum = new double[parts.length];
        int rounds = 4, reps = 2000;
        for (int round = 0; round < rounds; round++)
            for (int k = 0; k < parts.length; k++) sum[k] += time(parts[k], reps);
        for (int k = 0; k < parts.length; k++) {
            double perCall = sum[k] / rounds / reps;
            System.out.printf(
                    "%-30s %8.2f µs/call  %6.2f ms per pass%n", names[k], perCall * 1e3, perCall * perPass[k]);
        }
        double[][][] gt = new double[T][4][n];
        double[][] ct = new double[T + 1][n], tct = new double[T][n];
        for (int t = 0; t < T; t++) for (int q = 0; q < 4; q++) System.arraycopy(g[q], 0, gt[t][q], 0, n);
        for (int t = 0; t < T; t++) {
            System.arraycopy(cPrev, 0, ct[t], 0, n);
            System.arraycopy(tc, 0, tct[t], 0, n);
        }
        Part distinct = () -> {
            for (int t = T - 1; t >= 0; t--) {
                java.util.Arrays.fill(dh, 1);
                GateKernels.backward(LstmVariant.FULL, gt[t], ct[t], tct[t], dh, dhn, dcn, s, dz, db);
            }
        };
        Part same = () -> {
            for (int t = T - 1; t >= 0; t--) {
                java.util.Arrays.fill(dh, 1);
                GateKernels.backward(LstmVariant.FULL, gt[0], ct[0], tct[0], dh, dhn, dcn, s, dz, db);
            }
        };
        Part fwdDistinct = () -> {
            for (int t = 0; t < T; t++) {
                for (int q = 0; q < 4; q++) System.arraycopy(z0, 0, gt[t][q], 0, n);
                GateKernels.forward(LstmVariant.FULL, gt[t], bias, ct[t], ct[t + 1], tct[t], h, s, w);
            }
        };
        Part fwdSame = () -> {
            for (int t = 0; t < T; t++) {
                for (int q = 0; q < 4; q++) System.arraycopy(z0, 0, gt[0][q], 0, n);
                GateKernels.forward(LstmVariant.FULL, gt[0], bias, ct[0], ct[1], tct[0], h, s, w);
            }
        };
        for (int warm = 0; warm < 2; warm++) {
            time(distinct, 50);
            time(same, 50);
            time(fwdDistinct, 50);
            time(fwdSame, 50);
        }
        double[] m = new double[4];
        for (int round = 0; round < 4; round++) {
            m[0] += time(distinct, 50);
            m[1] += time(same, 50);
            m[1] += time(same, 50);
            m[0] += time(distinct, 50);
            m[2] += time(fwdDistinct, 50);
            m[3] += time(fwdSame, 50);
            m[3] += time(fwdSame, 50);
            m[2] += time(fwdDistinct, 50);
        }
        System.out.printf(
                "backward kernel over T steps: distinct arrays per step %.2f ms, the same arrays %.2f ms%n",
                m[0] / 400, m[1] / 400);
        System.out.printf(
                "forward kernel over T steps: distinct arrays per step %.2f ms, the same arrays %.2f ms%n",
                m[2] / 400, m[3] / 400);
        // subnormals after one forward/backward of these numbers
        int sub = 0;
        for (double[] a : dz) for (double v : a) if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) sub++;
        System.out.println("subnormals in dz: " + sub + " " + sink);
    }
}
