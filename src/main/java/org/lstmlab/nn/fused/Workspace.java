package org.lstmlab.nn.fused;

import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays one sequence length and batch size need, allocated once and reused by every run. Time-major:
 * row {@code t·B + b} holds example b at step t, so a step's rows are one contiguous block for its GEMM.
 */
final class Workspace {
    final int batch;
    final int steps;
    final int hidden;
    final int input;
    final DataType type;
    long generation;
    /** [h_{t-1}, x_t] for every step, [T, B, H+X]: the GEMMs' left operand, forward and for ∂L/∂W. */
    final NativeBuffer hx;
    /** Gate pre-activations, overwritten in place by the gates f, i, C̃, o: [T, B, 4H]. */
    final NativeBuffer z;
    /** ∂L/∂z for every step, [T, B, 4H]. */
    final NativeBuffer dz;
    /** ∂L/∂h_{t-1} from one step's GEMM, [B, H]. */
    final NativeBuffer dh;
    /** ∂L/∂x_t, [T, B, X]. */
    final NativeBuffer dxTimeMajor;

    final double[] xs; // [B, T, X]
    final double[] c; // C_0 … C_T, [T+1, B, H]
    final double[] tanhC; // tanh(C_t), [T, B, H]
    final double[] gates; // one step of z, [B, 4H]
    final double[] h; // one step of h, [B, H]
    final double[] hs; // [B, T, H]
    final double[] cs; // [B, T, H]
    final double[] dHs; // [B, T, H]
    final double[] dhNext; // ∂L/∂h_t from step t+1, [B, H]
    final double[] dcNext; // ∂L/∂C_t from step t+1, [B, H]
    final double[] dxs; // [T, B, X] then [B, T, X]
    final double[] dxsOut;

    Workspace(int batch, int steps, int hidden, int input, DataType type) {
        this.batch = batch;
        this.steps = steps;
        this.hidden = hidden;
        this.input = input;
        this.type = type;
        long rows = (long) steps * batch;
        int g = 4 * hidden;
        this.hx = NativeBuffer.of(Nd4j.create(type, rows * (hidden + input)));
        this.z = NativeBuffer.of(Nd4j.create(type, rows * g));
        this.dz = NativeBuffer.of(Nd4j.create(type, rows * g));
        this.dh = NativeBuffer.of(Nd4j.create(type, (long) batch * hidden));
        this.dxTimeMajor = NativeBuffer.of(Nd4j.create(type, rows * input));
        int bh = batch * hidden;
        int n = Math.toIntExact(rows * hidden);
        this.xs = new double[Math.toIntExact(rows * input)];
        this.c = new double[n + bh];
        this.tanhC = new double[n];
        this.gates = new double[batch * g];
        this.h = new double[bh];
        this.hs = new double[n];
        this.cs = new double[n];
        this.dHs = new double[n];
        this.dhNext = new double[bh];
        this.dcNext = new double[bh];
        this.dxs = new double[xs.length];
        this.dxsOut = new double[xs.length];
    }

    FusedLstm.Pass forward(FusedLstm layer, StackedWeights weights, INDArray xsIn, INDArray h0, INDArray c0) {
        final int bSize = batch, tSize = steps, hSize = hidden, xSize = input, g = 4 * hidden, row = hidden + input;
        NativeBuffer.of(xsIn).get(0, xs, 0, xs.length);
        for (int t = 0; t < tSize; t++) {
            for (int b = 0; b < bSize; b++) {
                hx.put((t * bSize + b) * row + hSize, xs, (b * tSize + t) * xSize, xSize); // x_t into [h_{t-1}, x_t]
            }
        }
        if (h0 == null) java.util.Arrays.fill(h, 0);
        else NativeBuffer.of(h0).get(0, h, 0, h.length);
        for (int b = 0; b < bSize; b++) hx.put(b * row, h, b * hSize, hSize); // h_0 into [h_0, x_1]
        if (c0 == null) java.util.Arrays.fill(c, 0, h.length, 0);
        else NativeBuffer.of(c0).get(0, c, 0, h.length); // C_0
        // the input projection of every step in one GEMM: z = x · W_xᵀ, [T·B, 4H]
        NativeBuffer.gemm(false, true, tSize * bSize, g, xSize, hx, hSize, row, weights.w, hSize, row, 0, z, 0, g);
        for (int t = 0; t < tSize; t++) {
            // one GEMM for all four gates: z_t += h_{t-1} · W_hᵀ, [B, 4H]
            NativeBuffer.gemm(
                    false, true, bSize, g, hSize, hx, t * bSize * row, row, weights.w, 0, row, 1, z, t * bSize * g, g);
            z.get(t * bSize * g, gates, 0, gates.length);
            GateKernels.cellForward(gates, weights.b, c, t * bSize * hSize, tanhC, h, bSize, hSize);
            z.put(t * bSize * g, gates, 0, gates.length); // keep f, i, C̃, o for backward
            for (int b = 0; b < bSize; b++) {
                if (t + 1 < tSize) hx.put(((t + 1) * bSize + b) * row, h, b * hSize, hSize); // h_t into [h_t, x_{t+1}]
                System.arraycopy(h, b * hSize, hs, (b * tSize + t) * hSize, hSize);
                System.arraycopy(c, (t + 1) * bSize * hSize + b * hSize, cs, (b * tSize + t) * hSize, hSize);
            }
        }
        long[] shape = {bSize, tSize, hSize};
        return new FusedLstm.Pass(
                layer, this, NativeBuffer.array(hs, type, shape), NativeBuffer.array(cs, type, shape));
    }

    LstmGrads backward(StackedWeights weights, INDArray dHsIn, boolean inputs) {
        final int bSize = batch, tSize = steps, hSize = hidden, xSize = input, g = 4 * hidden, row = hidden + input;
        NativeBuffer.of(dHsIn).get(0, dHs, 0, dHs.length);
        java.util.Arrays.fill(dhNext, 0);
        java.util.Arrays.fill(dcNext, 0);
        double[] db = new double[g];
        for (int t = tSize - 1; t >= 0; t--) {
            z.get(t * bSize * g, gates, 0, gates.length);
            GateKernels.cellBackward(gates, c, tanhC, t, dHs, tSize, dhNext, dcNext, db, bSize, hSize);
            dz.put(t * bSize * g, gates, 0, gates.length);
            if (t == 0 && !inputs) break;
            // ∂L/∂h_{t-1} = ∂L/∂z_t · W_h, one GEMM for all four gates, [B, H]
            NativeBuffer.gemm(false, false, bSize, hSize, g, dz, t * bSize * g, g, weights.w, 0, row, 0, dh, 0, hSize);
            dh.get(0, dhNext, 0, dhNext.length);
        }
        // the weight gradient of every step in one GEMM: ∂L/∂W = Σ_t ∂L/∂z_tᵀ · [h_{t-1}, x_t], [4H, H+X]
        INDArray dW = Nd4j.createUninitialized(type, new long[] {g, row}, 'c');
        NativeBuffer.gemm(true, false, g, row, tSize * bSize, dz, 0, g, hx, 0, row, 0, NativeBuffer.of(dW), 0, row);
        if (inputs) {
            // ∂L/∂x_t = ∂L/∂z_t · W_x for every step in one GEMM, [T·B, X]
            NativeBuffer.gemm(
                    false, false, tSize * bSize, xSize, g, dz, 0, g, weights.w, hSize, row, 0, dxTimeMajor, 0, xSize);
            dxTimeMajor.get(0, dxs, 0, dxs.length);
            for (int t = 0; t < tSize; t++) {
                for (int b = 0; b < bSize; b++) {
                    System.arraycopy(dxs, (t * bSize + b) * xSize, dxsOut, (b * tSize + t) * xSize, xSize);
                }
            }
        }
        // one array per course symbol: ND4J views would cost more than the whole pass at the tiny size
        double[] dWValues = new double[g * row];
        NativeBuffer.of(dW).get(0, dWValues, 0, dWValues.length);
        INDArray[] w = new INDArray[4];
        INDArray[] bias = new INDArray[4];
        for (int k = 0; k < 4; k++) {
            w[k] = NativeBuffer.array(dWValues, k * hSize * row, type, hSize, row);
            bias[k] = NativeBuffer.array(db, k * hSize, type, hSize);
        }
        LstmParams grads = new LstmParams(w[0], bias[0], w[1], bias[1], w[2], bias[2], w[3], bias[3]);
        long[] state = {bSize, hSize};
        if (!inputs) return new LstmGrads(grads, null, null, null);
        return new LstmGrads(
                grads,
                NativeBuffer.array(dxsOut, type, bSize, tSize, xSize),
                NativeBuffer.array(dhNext, type, state),
                NativeBuffer.array(dcNext, type, state));
    }
}
