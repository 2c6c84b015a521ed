package org.lstmlab.nn.fused;

import java.util.Map;
import java.util.function.Function;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the fused cells share: their sizes and precision, the caller's weights in the layout the GEMMs read
 * ({@link StackedWeights}), and one {@link Workspace} per batch size and length, reused run after run, with
 * the checks a run and a backward pass make on their arguments, and the {@link RecurrentLayer} calls every
 * cell answers the same way; each cell adds only its own maths (its workspace) and its public signatures.
 *
 * @param <G> the cell's gradients
 * @param <P> the cell's kind of {@link FusedPass}
 */
public abstract sealed class FusedLayer<G, P extends FusedPass> implements RecurrentLayer
        permits FusedLstm, FusedRnn, FusedGru {
    private final String name;
    final int hidden;
    final int input;
    final DataType type;
    /** The weights as the GEMMs read them. */
    final StackedWeights weights;
    /** The cell's kind of pass, for the check that a pass handed back came from this kind of layer. */
    private final Class<P> passKind;
    /** The parameters' part of the cell's gradients, by course symbol. */
    private final Function<G, Map<String, INDArray>> named;

    Workspace<G> workspace;

    /**
     * @param name the class's name, for messages
     * @param type checked: the fused cells compute in DOUBLE or FLOAT
     * @param passKind the cell's kind of pass
     * @param named the parameters' part of the cell's gradients, by course symbol
     */
    FusedLayer(
            String name,
            int hidden,
            int input,
            DataType type,
            StackedWeights weights,
            Class<P> passKind,
            Function<G, Map<String, INDArray>> named) {
        this.name = name;
        this.hidden = hidden;
        this.input = input;
        this.type = type;
        this.weights = weights;
        this.passKind = passKind;
        this.named = named;
    }

    /** {@code type}, when the fused cells compute in it. */
    static DataType requireComputable(String cell, DataType type) {
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw new IllegalArgumentException(
                    "the fused " + cell + " computes in DOUBLE or FLOAT, the parameters are " + type);
        }
        return type;
    }

    /** Whether the GEMMs read the caller's weights in place. */
    public boolean sharesStorage() {
        return weights.shared;
    }

    @Override
    public final int inputSize() {
        return input;
    }

    @Override
    public final int hiddenSize() {
        return hidden;
    }

    @Override
    public final DataType dataType() {
        return type;
    }

    /** A workspace for this cell, batch size and length. */
    abstract Workspace<G> newWorkspace(int batch, int steps);

    /** This cell's kind of pass over {@link #workspace} as the latest run left it, with h_1 … h_T {@code hs}. */
    abstract P newPass(INDArray hs);

    /** The sequence forward from zero initial state(s): {@code forwardSequence} with zeros. */
    @Override
    public final P run(INDArray xs) {
        return forward(xs, null, null);
    }

    @Override
    public final Map<String, INDArray> parameterGradients(SequencePass pass, INDArray dHs) {
        return named.apply(runBackward(requirePass(pass), dHs, false));
    }

    /** The forward pass; a null h_0 or C_0 means zeros. */
    final P forward(INDArray xs, INDArray h0, INDArray c0) {
        return newPass(runForward(xs, h0, c0));
    }

    /** The forward pass of a cell whose only state is h, after checking h_0 ({@code [B, H]}, this precision). */
    final P forwardFromH0(INDArray xs, INDArray h0) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, input);
        Shapes.require("h_0", "[B, H]", h0, xs.size(0), hidden);
        Shapes.requireType("h_0", h0, type);
        return forward(xs, h0, null);
    }

    /**
     * Checks x, brings the weights up to the caller's values and runs the sequence forward on this layer's
     * workspace for its batch size and length ({@link #workspace} after the call).
     *
     * @param h0 h_0, {@code [B, H]}, or null for zeros
     * @param c0 the cell's other initial state, or null for zeros
     * @return h_1 … h_T, {@code [B, T, H]}
     */
    final INDArray runForward(INDArray xs, INDArray h0, INDArray c0) {
        Shapes.require("x", "[B, T, X]", xs, Shapes.ANY, Shapes.ANY, input);
        Shapes.requireSteps("x", xs);
        Shapes.requireType("x", xs, type);
        weights.refresh();
        int batch = Math.toIntExact(xs.size(0)), steps = Math.toIntExact(xs.size(1));
        if (workspace == null || workspace.batch != batch || workspace.steps != steps) {
            if (workspace != null) workspace.retired = true;
            workspace = newWorkspace(batch, steps);
        }
        workspace.generation++;
        return workspace.forward(
                weights,
                NativeBuffer.dense(xs),
                h0 == null ? null : NativeBuffer.dense(h0),
                c0 == null ? null : NativeBuffer.dense(c0));
    }

    /**
     * Backpropagation through time over {@code run}, after checking it is this layer's latest run and
     * {@code dHs} fits it.
     *
     * @param inputs whether ∂L/∂x_t and the initial states' gradients are wanted too
     */
    final G runBackward(FusedPass run, INDArray dHs, boolean inputs) {
        if (run == null) {
            throw new IllegalArgumentException("run must come from this " + name + "'s run or forwardSequence");
        }
        run.latestRunOf(this, workspace, name);
        Shapes.require("∂L/∂h", "[B, T, H]", dHs, workspace.batch, workspace.steps, hidden);
        Shapes.requireType("∂L/∂h", dHs, type);
        return workspace.backward(weights, NativeBuffer.dense(dHs), inputs);
    }

    /** {@code pass} as this layer's own kind of pass, or an error naming what came. */
    private P requirePass(SequencePass pass) {
        if (!passKind.isInstance(pass)) {
            throw new IllegalArgumentException("pass must come from " + name + ".run but is "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return passKind.cast(pass);
    }
}
