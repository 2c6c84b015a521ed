package org.lstmlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sequence loops the readable cells share, so that each cell holds only its own step: forward, step after
 * step from h_0; and backpropagation through time (Werbos 1990), which walks t from T down to 1, hands step t the
 * ∂L/∂h_t that arrives from the loss plus what step t+1 sent back through h_t, adds the step's parameter
 * gradients into one sum and keeps its ∂L/∂x_t. The equations of each step stay in {@link RnnCell}, {@link
 * LstmCell} and {@link GruCell}.
 */
final class ThroughTime {
    private ThroughTime() {}

    /** One step forward: x_t and step t−1's cache ({@code null} at t = 1, where the state is h_0) give step t's. */
    @FunctionalInterface
    interface StepForward<S> {
        S forward(INDArray x, S before);
    }

    /** One step backward. */
    @FunctionalInterface
    interface StepBackward<S, G> {
        /**
         * @param step  step t's cache
         * @param dh    ∂L/∂h_t from the loss and from step t+1, {@code [B, H]}
         * @param later step t+1's gradients ({@code null} at t = T: nothing comes back from beyond the sequence)
         */
        G backward(S step, INDArray dh, G later);
    }

    /**
     * What backpropagation through time gives.
     *
     * @param params ∂L/∂θ summed over every step
     * @param dxs    ∂L/∂x_t for every t, {@code [B, T, X]}
     * @param first  step 1's gradients, holding ∂L/∂h_0 (and ∂L/∂C_0 for the LSTM)
     */
    record Sums<P, G>(P params, INDArray dxs, G first) {}

    /**
     * A run over a whole sequence.
     *
     * @param steps every step's cache, t = 1 … T
     * @param hs    h_1 … h_T, {@code [B, T, H]}
     */
    record Run<S>(List<S> steps, INDArray hs) {}

    /**
     * Checks x and the initial states ({@link Shapes#requireSequence}), then runs the cell over x_1 … x_T.
     *
     * @param cell    the cell (its X, H and data type)
     * @param xs      x_1 … x_T, {@code [B, T, X]}
     * @param initial h_0 (and C_0), as {@link Shapes#batched} describes them
     * @param step    the cell's step forward
     * @param h       h_t of a step's cache
     */
    static <S> Run<S> forward(
            RecurrentLayer cell,
            INDArray xs,
            List<Shapes.Batched> initial,
            StepForward<S> step,
            Function<S, INDArray> h) {
        List<Shapes.Batched> arrays = new ArrayList<>();
        arrays.add(Shapes.batched("x", "[B, T, X]", xs, Shapes.ANY, cell.inputSize()));
        arrays.addAll(initial);
        Shapes.requireSequence(cell.dataType(), arrays.toArray(Shapes.Batched[]::new));
        int steps = (int) xs.size(1);
        INDArray hs = Nd4j.create(cell.dataType(), xs.size(0), steps, cell.hiddenSize()); // [B, T, H]
        List<S> cache = new ArrayList<>(steps);
        S before = null;
        for (int t = 0; t < steps; t++) {
            before = step.forward(Ops.at(xs, t).dup(), before);
            cache.add(before);
            Ops.at(hs, t).assign(h.apply(before));
        }
        return new Run<>(List.copyOf(cache), hs);
    }

    /** {@link #forward(RecurrentLayer, INDArray, List, StepForward, Function)} of a cell whose only state is h. */
    static <S> Run<S> forward(
            RecurrentLayer cell,
            INDArray xs,
            INDArray h0,
            BiFunction<INDArray, INDArray, S> step,
            Function<S, INDArray> h) {
        return forward(
                cell,
                xs,
                List.of(Shapes.batched("h_0", "[B, H]", h0, cell.hiddenSize())),
                (x, before) -> step.apply(x, before == null ? h0 : h.apply(before)),
                h);
    }

    /**
     * Backpropagation through time over a run's caches.
     *
     * @param cell  the cell that ran (its X, H, data type and parameters)
     * @param steps every step's cache, t = 1 … T
     * @param hs    h_1 … h_T of the run, {@code [B, T, H]}
     * @param dHs   ∂L/∂h_t arriving from the loss at every step, {@code [B, T, H]}; checked here
     * @param step  the cell's step backward
     */
    static <S, P extends CellParams<P>, G extends StepGrads<P>> Sums<P, G> backward(
            ReadableCell<P> cell, List<S> steps, INDArray hs, INDArray dHs, StepBackward<S, G> step) {
        long batch = hs.size(0);
        Shapes.require("∂L/∂h", "[B, T, H]", dHs, batch, steps.size(), cell.hiddenSize());
        Shapes.requireType("∂L/∂h", dHs, cell.dataType());
        INDArray dxs = Nd4j.create(cell.dataType(), batch, steps.size(), cell.inputSize()); // [B, T, X]
        INDArray dhNext = Nd4j.zeros(cell.dataType(), batch, cell.hiddenSize()); // ∂L/∂h_T from later steps: none
        P sum = cell.params.zerosLike();
        G later = null;
        for (int t = steps.size() - 1; t >= 0; t--) {
            G g = step.backward(steps.get(t), Ops.at(dHs, t).add(dhNext), later);
            sum.addi(g.params()); // Σ_t ∂L/∂θ
            Ops.at(dxs, t).assign(g.dx());
            dhNext = g.dhPrev();
            later = g;
        }
        return new Sums<>(sum, dxs, later);
    }

    /**
     * The pass a layer's {@code parameterGradients} was given, as its own run's type.
     *
     * @param layer the layer's name, e.g. {@code "LstmCell"}
     */
    static <T extends RecurrentLayer.SequencePass> T pass(
            RecurrentLayer.SequencePass pass, Class<T> type, String layer) {
        if (!type.isInstance(pass)) {
            throw new IllegalArgumentException("pass must come from " + layer + ".run but is "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return type.cast(pass);
    }
}
