package org.lstmlab.train;

import org.lstmlab.data.CharStreams;
import org.lstmlab.nn.CharModelParams;
import org.lstmlab.nn.CharModelStep;
import org.lstmlab.nn.fused.FusedCharModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a character model with truncated backpropagation through time: B streams of the text are read T
 * characters at a time ({@link CharStreams}); each chunk is one step — the loss and its gradient through
 * the chunk's T steps only, the global norm clipped ({@link GradientClipping}), one {@link Adam} update —
 * and the state h_T, C_T the chunk ends in is the next chunk's h_0, C_0 (carried forward, its gradient cut):
 * the model still sees an unbroken text, although gradients flow back only T steps (Williams &amp; Peng
 * 1990; Sutskever 2013; Karpathy's char-rnn).
 *
 * <pre>{@code
 * var trainer = new CharTrainer(new FusedCharModel(params), new Adam(0.002), 5.0, true);
 * for (int epoch = 0; epoch < 3; epoch++) trainer.epoch(new CharStreams(corpus.trainIds(), 32, 64));
 * double bpc = CharTrainer.bitsPerChar(trainer.model(), corpus.heldOutIds(), 256, true);
 * }</pre>
 */
public final class CharTrainer {
    private final FusedCharModel model;
    private final Optimizer optimizer;
    private final double clipNorm;
    private final boolean carryState;
    private double[] losses = new double[64];
    private int steps;
    private INDArray h;
    private INDArray c;
    private long characters;
    private long nanos;

    /**
     * @param clipNorm   θ of the global-norm clipping, positive
     * @param carryState true: each chunk starts from the state the previous chunk of its stream ended in;
     *                   false: from zeros (the model never sees more than T characters of context)
     */
    public CharTrainer(FusedCharModel model, Optimizer optimizer, double clipNorm, boolean carryState) {
        if (model == null) throw new IllegalArgumentException("model must be a FusedCharModel but is null");
        if (optimizer == null) throw new IllegalArgumentException("optimizer must be an Optimizer but is null");
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("the clipping threshold must be positive and finite but is " + clipNorm);
        }
        this.model = model;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
        this.carryState = carryState;
    }

    public FusedCharModel model() {
        return model;
    }

    /**
     * One pass over every chunk of {@code streams} in order, from zero state.
     *
     * @return the mean training loss of the pass, in bits per character
     */
    public double epoch(CharStreams streams) {
        return epoch(streams, streams.chunks());
    }

    /** The first {@code chunks} chunks of {@link #epoch(CharStreams)}. */
    public double epoch(CharStreams streams, int chunks) {
        if (chunks < 1 || chunks > streams.chunks()) {
            throw new IllegalArgumentException("chunks must be in 1 … " + streams.chunks() + " but is " + chunks);
        }
        h = null;
        c = null;
        double sum = 0;
        for (int k = 0; k < chunks; k++) sum += step(streams.chunk(k));
        return sum / chunks;
    }

    /**
     * One training step on one chunk.
     *
     * @return its loss before the update, in bits per character
     */
    public double step(CharStreams.Chunk chunk) {
        long start = System.nanoTime();
        int b = chunk.batch(), t = chunk.steps(), hidden = model.params().hiddenSize();
        var type = model.params().dataType();
        if (!carryState || h == null || h.size(0) != b) {
            h = Nd4j.zeros(type, b, hidden);
            c = Nd4j.zeros(type, b, hidden);
        }
        CharModelStep s = model.lossAndGradients(chunk.inputs(), chunk.targets(), b, t, h, c);
        if (!Double.isFinite(s.loss())) {
            throw new IllegalStateException("the character model's loss is " + s.loss() + " at step " + (steps + 1)
                    + ": the training exploded; lower the learning rate or the clipping threshold");
        }
        h = s.h(); // carried to the next chunk as values: no gradient flows back through them
        c = s.c();
        CharModelParams params = model.params();
        var grads = s.grads().named();
        // clipped by the global norm inside the update: one pass over the gradients for ‖g‖, one for the step
        optimizer.step(params.named(), grads, GradientClipping.factor(GradientClipping.globalNorm(grads), clipNorm));
        nanos += System.nanoTime() - start;
        characters += (long) b * t;
        if (steps == losses.length) losses = java.util.Arrays.copyOf(losses, 2 * steps);
        losses[steps++] = s.bitsPerChar();
        return s.bitsPerChar();
    }

    /** The training loss of every step so far, in bits per character. */
    public double[] losses() {
        return java.util.Arrays.copyOf(losses, steps);
    }

    /** Characters trained on so far (B·T per step). */
    public long characters() {
        return characters;
    }

    /** Wall time spent in {@link #step} so far, in seconds. */
    public double seconds() {
        return nanos / 1e9;
    }

    /**
     * The model's bits per character on a text read as one stream, T characters at a time, each chunk
     * starting from the state the previous one ended in ({@code carry}) or from zeros.
     *
     * @param ids   the text, at least T + 1 characters
     * @param steps T
     */
    public static double bitsPerChar(FusedCharModel model, int[] ids, int steps, boolean carry) {
        double[] byPosition = bitsByPosition(model, ids, steps, carry);
        double sum = 0;
        for (double v : byPosition) sum += v;
        return sum / byPosition.length;
    }

    /**
     * The mean bits per character at each position 0 … T−1 of a chunk over a text read as one stream: with
     * the state reset at every chunk the first positions have no context and cost more.
     */
    public static double[] bitsByPosition(FusedCharModel model, int[] ids, int steps, boolean carry) {
        var streams = new CharStreams(ids, 1, steps);
        int hidden = model.params().hiddenSize();
        var type = model.params().dataType();
        double[] sum = new double[steps];
        INDArray h = Nd4j.zeros(type, 1, hidden), c = Nd4j.zeros(type, 1, hidden);
        for (int k = 0; k < streams.chunks(); k++) {
            CharStreams.Chunk chunk = streams.chunk(k);
            if (!carry) {
                h = Nd4j.zeros(type, 1, hidden);
                c = Nd4j.zeros(type, 1, hidden);
            }
            FusedCharModel.Scored s = model.score(chunk.inputs(), chunk.targets(), 1, steps, h, c);
            for (int t = 0; t < steps; t++) sum[t] += s.nats()[t];
            h = s.h();
            c = s.c();
        }
        for (int t = 0; t < steps; t++) sum[t] /= streams.chunks() * Math.log(2); // nats → bits
        return sum;
    }
}
