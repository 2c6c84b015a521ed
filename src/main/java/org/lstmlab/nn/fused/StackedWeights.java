package org.lstmlab.nn.fused;

import org.lstmlab.nn.GruParams;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.RnnParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A cell's parameters in the layout a fused step reads: its gate matrices as the row blocks of one
 * {@code W}, {@code [blocks·H, H+X]}, and its biases as one {@code b}, {@code [blocks·H]} — for the LSTM
 * {@code W = [W_f; W_i; W_C; W_o]} and {@code b = [b_f; b_i; b_C; b_o]}, for the GRU {@code W = [W_z; W_r; W_n]}
 * and {@code b = [b_z; b_r; b_n; b_hn]}, for the RNN W_h and b_h as they are.
 * When the caller's matrices already are row blocks of one dense array ({@link #stack}, or a lone dense W_h)
 * the GEMMs read them in place; otherwise {@link #refresh} copies their current values before every run.
 */
final class StackedWeights {
    private final INDArray[] ws;
    private final INDArray[] bs;
    private final int hidden;
    private final int input;
    /** W, [blocks·H, H+X]: the caller's storage when shared, else a copy refreshed every run. */
    final NativeBuffer w;
    /** Whether {@link #w} is the caller's storage. */
    final boolean shared;
    /** b, one H block per bias (the GRU has four for three row blocks of W), copied from the caller's every run. */
    final double[] b;
    /** b in single precision for FLOAT parameters, else null. */
    final float[] b32;
    /** The caller's bias storage when its biases are consecutive blocks, else null. */
    private final NativeBuffer sharedBias;

    /** The LSTM's four gates. */
    StackedWeights(LstmParams params, DataType type) {
        this(
                new INDArray[] {params.wF(), params.wI(), params.wC(), params.wO()},
                new INDArray[] {params.bF(), params.bI(), params.bC(), params.bO()},
                params.hiddenSize(),
                params.inputSize(),
                type);
    }

    /**
     * The GRU's three: {@code W = [W_z; W_r; W_n]}, {@code [3H, H+X]}, and four biases {@code b = [b_z; b_r; b_n;
     * b_hn]}, {@code [4H]} (b_hn acts inside the reset gate, so it stays apart from b_n).
     */
    StackedWeights(GruParams params, DataType type) {
        this(
                new INDArray[] {params.wZ(), params.wR(), params.wN()},
                new INDArray[] {params.bZ(), params.bR(), params.bN(), params.bHn()},
                params.hiddenSize(),
                params.inputSize(),
                type);
    }

    /** The RNN's one W_h. */
    StackedWeights(RnnParams params, DataType type) {
        this(new INDArray[] {params.wH()}, new INDArray[] {params.bH()}, params.hiddenSize(), params.inputSize(), type);
    }

    /**
     * @param ws the gate matrices in stacked order, each {@code [H, H+X]}
     * @param bs their biases, each {@code [H]}
     */
    private StackedWeights(INDArray[] ws, INDArray[] bs, int hidden, int input, DataType type) {
        this.ws = ws;
        this.bs = bs;
        this.hidden = hidden;
        this.input = input;
        this.shared = isStacked(ws, hidden);
        this.w = shared
                ? NativeBuffer.from(ws[0])
                : NativeBuffer.of(Nd4j.create(type, (long) ws.length * hidden, hidden + input));
        this.b = new double[bs.length * hidden];
        this.b32 = type == DataType.FLOAT ? new float[bs.length * hidden] : null;
        this.sharedBias = isStacked(bs, hidden) ? NativeBuffer.from(bs[0]) : null;
    }

    /** A copy of {@code p} whose gate matrices are row blocks of one {@code [4H, H+X]} array: see {@link FusedLstm#stacked}. */
    static LstmParams stack(LstmParams p) {
        INDArray w = Nd4j.vstack(p.wF(), p.wI(), p.wC(), p.wO()); // [4H, H+X]
        INDArray b = Nd4j.concat(0, p.bF(), p.bI(), p.bC(), p.bO()); // [4H]
        INDArray[] wg = rowBlocks(w, 4, p.hiddenSize());
        INDArray[] bg = rowBlocks(b, 4, p.hiddenSize());
        return new LstmParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], wg[3], bg[3]);
    }

    /**
     * A copy of {@code p} whose W_z, W_r, W_n are the row blocks of one {@code [3H, H+X]} array and whose biases
     * are the blocks of one {@code [4H]} array: see {@link FusedGru#stacked}.
     */
    static GruParams stack(GruParams p) {
        INDArray w = Nd4j.vstack(p.wZ(), p.wR(), p.wN()); // [3H, H+X]
        INDArray b = Nd4j.concat(0, p.bZ(), p.bR(), p.bN(), p.bHn()); // [4H]
        INDArray[] wg = rowBlocks(w, 3, p.hiddenSize());
        INDArray[] bg = rowBlocks(b, 4, p.hiddenSize());
        return new GruParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], bg[3]);
    }

    /** The {@code count} row blocks of H rows (or H elements) of {@code a}, as views. */
    private static INDArray[] rowBlocks(INDArray a, int count, long h) {
        INDArray[] blocks = new INDArray[count];
        for (int g = 0; g < count; g++) {
            blocks[g] = a.rank() == 2
                    ? a.get(NDArrayIndex.interval(g * h, (g + 1) * h), NDArrayIndex.all())
                    : a.get(NDArrayIndex.interval(g * h, (g + 1) * h));
        }
        return blocks;
    }

    /** Brings {@link #w} (when it is a copy) and {@link #b} up to the caller's current values. */
    void refresh() {
        if (!shared) {
            int block = hidden * (hidden + input);
            double[] copy = new double[block];
            for (int g = 0; g < ws.length; g++) {
                NativeBuffer.of(NativeBuffer.dense(ws[g])).get(0, copy, 0, block);
                w.put(g * block, copy, 0, block);
            }
        }
        if (sharedBias != null) {
            sharedBias.get(0, b, 0, b.length);
        } else {
            for (int g = 0; g < bs.length; g++)
                NativeBuffer.of(NativeBuffer.dense(bs[g])).get(0, b, g * hidden, hidden);
        }
        if (b32 != null) {
            for (int k = 0; k < b.length; k++) b32[k] = (float) b[k]; // exact: b came from float storage
        }
    }

    /** True when the row blocks (or vector blocks) lie one after another, dense and row-major, from the first's start. */
    private static boolean isStacked(INDArray[] blocks, long h) {
        INDArray first = blocks[0];
        long cols = first.rank() == 2 ? first.columns() : 1;
        long bytes = h * cols * first.data().getElementSize();
        long start = first.data().addressPointer().address();
        for (int g = 0; g < blocks.length; g++) {
            INDArray a = blocks[g];
            boolean dense = a.rank() == 2
                    ? a.ordering() == 'c' && a.stride(0) == cols && a.stride(1) == 1
                    : a.rank() == 1 && a.stride(0) == 1;
            if (!dense || a.data().addressPointer().address() != start + g * bytes) return false;
        }
        return first.offset() == 0 && first.data().length() >= blocks.length * h * cols;
    }
}
