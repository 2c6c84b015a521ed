package org.lstmlab.nn.fused;

import org.lstmlab.nn.LstmParams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The four gates' parameters in the layout a fused step reads: {@code W = [W_f; W_i; W_C; W_o]},
 * {@code [4H, H+X]}, and {@code b = [b_f; b_i; b_C; b_o]}, {@code [4H]}. When the caller's parameters
 * already are row blocks of one array ({@link #stack}) the GEMMs read them in place; otherwise
 * {@link #refresh} copies their current values before every run.
 */
final class StackedWeights {
    private final LstmParams params;
    private final int hidden;
    private final int input;
    /** W = [W_f; W_i; W_C; W_o], [4H, H+X]: the caller's storage when shared, else a copy refreshed every run. */
    final NativeBuffer w;
    /** Whether {@link #w} is the caller's storage. */
    final boolean shared;
    /** b = [b_f; b_i; b_C; b_o], [4H], copied from the caller's biases every run. */
    final double[] b;
    /** b in single precision for FLOAT parameters, else null. */
    final float[] b32;
    /** The caller's [4H] bias storage when b_f … b_o are its consecutive blocks, else null. */
    private final NativeBuffer sharedBias;

    StackedWeights(LstmParams params, DataType type) {
        this.params = params;
        this.hidden = params.hiddenSize();
        this.input = params.inputSize();
        this.shared = isStacked(params);
        this.w = shared
                ? NativeBuffer.from(params.wF())
                : NativeBuffer.of(Nd4j.create(type, 4L * hidden, hidden + input));
        this.b = new double[4 * hidden];
        this.b32 = type == DataType.FLOAT ? new float[4 * hidden] : null;
        this.sharedBias = isStacked(new INDArray[] {params.bF(), params.bI(), params.bC(), params.bO()}, hidden)
                ? NativeBuffer.from(params.bF())
                : null;
    }

    /** A copy of {@code p} whose gate matrices are row blocks of one {@code [4H, H+X]} array: see {@link FusedLstm#stacked}. */
    static LstmParams stack(LstmParams p) {
        INDArray w = Nd4j.vstack(p.wF(), p.wI(), p.wC(), p.wO()); // [4H, H+X]
        INDArray b = Nd4j.concat(0, p.bF(), p.bI(), p.bC(), p.bO()); // [4H]
        long h = p.hiddenSize();
        INDArray[] wg = new INDArray[4];
        INDArray[] bg = new INDArray[4];
        for (int g = 0; g < 4; g++) {
            wg[g] = w.get(NDArrayIndex.interval(g * h, (g + 1) * h), NDArrayIndex.all());
            bg[g] = b.get(NDArrayIndex.interval(g * h, (g + 1) * h));
        }
        return new LstmParams(wg[0], bg[0], wg[1], bg[1], wg[2], bg[2], wg[3], bg[3]);
    }

    /** Brings {@link #w} (when it is a copy) and {@link #b} up to the caller's current values. */
    void refresh() {
        if (!shared) {
            INDArray[] ws = {params.wF(), params.wI(), params.wC(), params.wO()};
            int block = hidden * (hidden + input);
            double[] copy = new double[block];
            for (int g = 0; g < 4; g++) {
                NativeBuffer.of(NativeBuffer.dense(ws[g])).get(0, copy, 0, block);
                w.put(g * block, copy, 0, block);
            }
        }
        if (sharedBias != null) {
            sharedBias.get(0, b, 0, b.length);
        } else {
            INDArray[] bs = {params.bF(), params.bI(), params.bC(), params.bO()};
            for (int g = 0; g < 4; g++)
                NativeBuffer.of(NativeBuffer.dense(bs[g])).get(0, b, g * hidden, hidden);
        }
        if (b32 != null) {
            for (int k = 0; k < b.length; k++) b32[k] = (float) b[k]; // exact: b came from float storage
        }
    }

    /** True when W_f … W_o are consecutive row blocks of one dense [4H, H+X] array, as {@link #stack} makes them. */
    private static boolean isStacked(LstmParams p) {
        return isStacked(new INDArray[] {p.wF(), p.wI(), p.wC(), p.wO()}, p.hiddenSize());
    }

    /** True when the four row blocks (or vector blocks) lie one after another, dense and row-major, from the first's start. */
    private static boolean isStacked(INDArray[] blocks, long h) {
        INDArray first = blocks[0];
        long cols = first.rank() == 2 ? first.columns() : 1;
        long bytes = h * cols * first.data().getElementSize();
        long start = first.data().addressPointer().address();
        for (int g = 0; g < 4; g++) {
            INDArray a = blocks[g];
            boolean dense = a.rank() == 2
                    ? a.ordering() == 'c' && a.stride(0) == cols && a.stride(1) == 1
                    : a.rank() == 1 && a.stride(0) == 1;
            if (!dense || a.data().addressPointer().address() != start + g * bytes) return false;
        }
        return first.offset() == 0 && first.data().length() >= 4 * h * cols;
    }
}
