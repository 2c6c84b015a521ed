package org.lstmlab.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.SeededUniform;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A recurrent layer with a linear readout, {@code ŷ_t = h_t·W_yᵀ + b_y}, trained on the mean squared
 * error at the last step or at every step. The layer may be any {@link RecurrentLayer}: the readable
 * {@code LstmCell} or {@code RnnCell}, or a faster implementation of the same equations.
 *
 * <pre>{@code
 * var model = new SequenceRegressor(new LstmCell(LstmParams.init(2, 16, 42)), 1, 42);
 * INDArray yHat = model.predict(xs, LossMode.LAST_STEP);             // xs [B, T, 2] → [B, 1]
 * var lg = model.lossAndGradients(xs, ys, LossMode.LAST_STEP);       // ys [B, 1]
 * }</pre>
 */
public final class SequenceRegressor {
    private final RecurrentLayer layer;
    private final INDArray wY;
    private final INDArray bY;

    /**
     * A readout of Y outputs on top of {@code layer}, with W_y drawn uniformly in ±1/√H and b_y = 0.
     *
     * @param layer      the recurrent layer, X inputs and H hidden units
     * @param outputSize Y, the number of values predicted per step
     * @param seed       the same seed gives the same W_y
     */
    public SequenceRegressor(RecurrentLayer layer, int outputSize, long seed) {
        if (layer == null) throw new IllegalArgumentException("layer must be a RecurrentLayer but is null");
        if (outputSize < 1) throw new IllegalArgumentException("output size Y must be at least 1 but is " + outputSize);
        this.layer = layer;
        int hidden = layer.hiddenSize();
        this.wY = SeededUniform.draw(seed, 1 / Math.sqrt(hidden), layer.dataType(), outputSize, hidden); // [Y, H]
        this.bY = Nd4j.zeros(layer.dataType(), outputSize);
    }

    /**
     * A readout with given weights.
     *
     * @param layer the recurrent layer
     * @param wY    W_y, {@code [Y, H]}
     * @param bY    b_y, {@code [Y]}
     */
    public SequenceRegressor(RecurrentLayer layer, INDArray wY, INDArray bY) {
        if (layer == null) throw new IllegalArgumentException("layer must be a RecurrentLayer but is null");
        Shapes.require("W_y", "[Y, H]", wY, Shapes.ANY, layer.hiddenSize());
        Shapes.require("b_y", "[Y]", bY, wY.rows());
        Shapes.requireType("W_y", wY, layer.dataType());
        Shapes.requireType("b_y", bY, layer.dataType());
        this.layer = layer;
        this.wY = wY;
        this.bY = bY;
    }

    public RecurrentLayer layer() {
        return layer;
    }

    /** W_y, {@code [Y, H]}, live. */
    public INDArray wY() {
        return wY;
    }

    /** b_y, {@code [Y]}, live. */
    public INDArray bY() {
        return bY;
    }

    /** Y. */
    public int outputSize() {
        return (int) wY.rows();
    }

    public DataType dataType() {
        return layer.dataType();
    }

    /** Every live parameter by symbol: the layer's, then {@code W_y} and {@code b_y}. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> all = new LinkedHashMap<>(layer.parameters());
        all.put("W_y", wY);
        all.put("b_y", bY);
        return all;
    }

    /**
     * The predictions.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @return ŷ_T {@code [B, Y]} for {@link LossMode#LAST_STEP}, ŷ_1 … ŷ_T {@code [B, T, Y]} for {@link LossMode#EVERY_STEP}
     */
    public INDArray predict(INDArray xs, LossMode mode) {
        checkInputs(xs);
        RecurrentLayer.SequencePass pass = layer.run(xs);
        INDArray h = readoutInput(pass.hs(), mode); // [N, H], a copy
        pass.release();
        INDArray yHat = readout(h); // [N, Y]
        free(h);
        return mode == LossMode.LAST_STEP ? yHat : yHat.reshape(xs.size(0), xs.size(1), outputSize());
    }

    /**
     * How many sequences {@link #loss} runs at a time: a held-out set of a thousand sequences of T = 100 in one
     * pass would hold every step's gates of all of them at once (hundreds of MB in a student's kernel).
     */
    static final long EVALUATION_BATCH = 256;

    /**
     * The mean squared error of {@link #predict} against {@code ys}, without gradients, over at most {@value
     * #EVALUATION_BATCH} sequences at a time.
     */
    public double loss(INDArray xs, INDArray ys, LossMode mode) {
        checkInputs(xs, ys, mode);
        long n = xs.size(0);
        double squares = 0;
        for (long from = 0; from < n; from += EVALUATION_BATCH) {
            long to = Math.min(n, from + EVALUATION_BATCH);
            INDArray e = predict(rows(xs, from, to).dup(), mode).sub(rows(ys, from, to));
            squares += e.mul(e).sumNumber().doubleValue();
        }
        return squares / ys.length();
    }

    /** Rows {@code from … to − 1} of the first axis (the batch), every other axis whole, as a view. */
    private static INDArray rows(INDArray a, long from, long to) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int k = 1; k < index.length; k++) index[k] = NDArrayIndex.all();
        return a.get(index);
    }

    /**
     * The loss and its gradient with respect to every parameter: backward through the readout by
     * hand, then through time by {@link RecurrentLayer#parameterGradients}. The readout's forward and
     * backward, the loss and ∂L/∂ŷ are a few loops over plain arrays (the readout is small: Y × H), not a
     * dozen ND4J calls; held equal to those calls to 1e-12 in float64 by {@code LeanTrainingStepTest}.
     *
     * @param xs x_1 … x_T, {@code [B, T, X]}
     * @param ys targets, {@code [B, Y]} for {@link LossMode#LAST_STEP}, {@code [B, T, Y]} for {@link LossMode#EVERY_STEP}
     * @return L and ∂L/∂θ with the keys of {@link #parameters()}
     */
    public LossAndGradients lossAndGradients(INDArray xs, INDArray ys, LossMode mode) {
        checkInputs(xs, ys, mode);
        int batch = Math.toIntExact(xs.size(0));
        int steps = Math.toIntExact(xs.size(1));
        int hidden = layer.hiddenSize();
        int out = outputSize();
        RecurrentLayer.SequencePass pass = layer.run(xs);
        Scratch k = scratch(batch, steps, mode);
        int rows = k.rows; // N = B or B·T
        INDArray hs = pass.hs(); // h_1 … h_T, [B, T, H]
        if (!Flat.isFlat(hs)) hs = hs.dup('c');
        double[] h = k.h; // the hidden states the readout sees, [N, H]
        if (mode == LossMode.LAST_STEP) {
            for (int b = 0; b < batch; b++)
                Flat.get(hs, (long) (b * steps + steps - 1) * hidden, h, b * hidden, hidden); // h_T
        } else {
            Flat.get(hs, 0, h, 0, h.length); // row b·T + t holds h_t of example b, [B·T, H]
        }
        Flat.get(wY, k.wY);
        Flat.get(bY, k.bY);
        Flat.get(ys, k.y);
        double[] e = k.e, w = k.wY;
        double squares = 0;
        for (int n = 0; n < rows; n++) {
            for (int y = 0; y < out; y++) {
                double yHat = 0;
                for (int j = 0; j < hidden; j++) yHat += h[n * hidden + j] * w[y * hidden + j];
                yHat += k.bY[y]; // ŷ = h·W_yᵀ + b_y
                e[n * out + y] = yHat - k.y[n * out + y]; // ŷ − y
                squares += e[n * out + y] * e[n * out + y];
            }
        }
        double loss = squares / e.length; // L = mean((ŷ − y)²)
        double scale = 2.0 / e.length;
        for (int i = 0; i < e.length; i++) e[i] *= scale; // ∂L/∂ŷ = 2(ŷ − y)/(N·Y), [N, Y]
        double[] dWy = new double[out * hidden], dbY = new double[out];
        for (int n = 0; n < rows; n++) {
            for (int y = 0; y < out; y++) {
                double d = e[n * out + y];
                for (int j = 0; j < hidden; j++) dWy[y * hidden + j] += d * h[n * hidden + j]; // ∂L/∂W_y = ∂L/∂ŷᵀ·h
                dbY[y] += d; // ∂L/∂b_y = Σ_n ∂L/∂ŷ
            }
        }
        double[] dh = k.dh; // ∂L/∂h = ∂L/∂ŷ·W_y, [N, H]
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < hidden; j++) {
                double sum = 0;
                for (int y = 0; y < out; y++) sum += e[n * out + y] * w[y * hidden + j];
                dh[n * hidden + j] = sum;
            }
        }
        // ∂L/∂h_t at every step, [B, T, H]: for the last step zero but at t = T, whose rows every step overwrites
        if (mode == LossMode.LAST_STEP) {
            for (int b = 0; b < batch; b++)
                Flat.put(k.dHs, (long) (b * steps + steps - 1) * hidden, dh, b * hidden, hidden);
        } else {
            Flat.put(k.dHs, 0, dh, 0, dh.length); // row b·T + t is ∂L/∂h_t of example b
        }
        Map<String, INDArray> grads = new LinkedHashMap<>(layer.parameterGradients(pass, k.dHs));
        grads.put("W_y", Flat.array(dWy, layer.dataType(), out, hidden));
        grads.put("b_y", Flat.array(dbY, layer.dataType(), out));
        pass.release(); // this step's [B, T, H]-sized arrays go back to the layer now, for the next step to reuse
        return new LossAndGradients(loss, grads);
    }

    /** The plain arrays of one batch size, length and loss mode, kept from step to step. */
    private Scratch scratch;

    private Scratch scratch(int batch, int steps, LossMode mode) {
        if (scratch == null || scratch.batch != batch || scratch.steps != steps || scratch.mode != mode) {
            scratch = new Scratch(batch, steps, layer.hiddenSize(), outputSize(), mode, layer.dataType());
        }
        return scratch;
    }

    /** What {@link #lossAndGradients} computes in, for one batch size B, length T and loss mode. */
    private static final class Scratch {
        final int batch;
        final int steps;
        final LossMode mode;
        /** N: B for the last step, B·T for every step. */
        final int rows;

        final double[] h; // h_T [B, H] for the last step, h_1 … h_T [B·T, H] for every step
        final double[] wY; // W_y, [Y, H]
        final double[] bY; // b_y, [Y]
        final double[] y; // targets, [N, Y]
        final double[] e; // ŷ − y, then ∂L/∂ŷ, [N, Y]
        final double[] dh; // ∂L/∂h, [N, H]
        /** ∂L/∂h_t at every step for the layer's backward pass, [B, T, H]; not to be kept past the step. */
        final INDArray dHs;

        Scratch(int batch, int steps, int hidden, int out, LossMode mode, DataType type) {
            this.batch = batch;
            this.steps = steps;
            this.mode = mode;
            this.rows = mode == LossMode.LAST_STEP ? batch : batch * steps;
            h = new double[rows * hidden];
            wY = new double[out * hidden];
            bY = new double[out];
            y = new double[rows * out];
            e = new double[rows * out];
            dh = new double[rows * hidden];
            dHs = Nd4j.zeros(type, batch, steps, hidden);
        }
    }

    /**
     * Frees arrays this class made and nothing else refers to, at once instead of at a later garbage
     * collection (see {@link RecurrentLayer.SequencePass#release()}); views and freed arrays are left alone.
     */
    private static void free(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) a.close();
        }
    }

    /** A loss and the gradients of every parameter by symbol. */
    public record LossAndGradients(double loss, Map<String, INDArray> gradients) {}

    /** The hidden states the readout sees: h_T {@code [B, H]}, or every h_t as rows {@code [B·T, H]}. */
    private INDArray readoutInput(INDArray hs, LossMode mode) {
        if (mode == LossMode.LAST_STEP) {
            return hs.get(NDArrayIndex.all(), NDArrayIndex.point(hs.size(1) - 1), NDArrayIndex.all())
                    .dup(); // h_T
        }
        return hs.dup('c').reshape(hs.size(0) * hs.size(1), hs.size(2)); // row b·T + t holds h_t of example b
    }

    private INDArray readout(INDArray h) {
        return h.mmul(wY.transpose()).addiRowVector(bY); // ŷ = h·W_yᵀ + b_y
    }

    private void checkInputs(INDArray xs) {
        checkInputs("x", xs);
    }

    private void checkInputs(String symbol, INDArray xs) {
        Shapes.require(symbol, "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, layer.inputSize());
        Shapes.requireType(symbol, xs, layer.dataType());
        if (xs.size(0) < 1 || xs.size(1) < 1) {
            throw new IllegalArgumentException(symbol + " must hold at least one sequence of at least one step but is "
                    + java.util.Arrays.toString(xs.shape()));
        }
    }

    private void checkInputs(INDArray xs, INDArray ys, LossMode mode) {
        requireData("x", "y", xs, ys, mode);
    }

    /** Fails unless inputs and targets fit this model and loss mode, naming them by {@code xName} and {@code yName}. */
    void requireData(String xName, String yName, INDArray xs, INDArray ys, LossMode mode) {
        checkInputs(xName, xs);
        if (mode == null) throw new IllegalArgumentException("loss mode must be LAST_STEP or EVERY_STEP but is null");
        if (mode == LossMode.LAST_STEP) {
            Shapes.require(yName, "[B, Y]", ys, xs.size(0), outputSize());
        } else {
            Shapes.require(yName, "[B, T, Y]", ys, xs.size(0), xs.size(1), outputSize());
        }
        Shapes.requireType(yName, ys, layer.dataType());
    }
}
