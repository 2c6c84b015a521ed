package org.lstmlab.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.lstmlab.nn.GruCell;
import org.lstmlab.nn.GruGrads;
import org.lstmlab.nn.GruStepGrads;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmGrads;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.LstmStepGrads;
import org.lstmlab.nn.RecurrentLayer;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnGrads;
import org.lstmlab.nn.RnnStepGrads;
import org.lstmlab.nn.SeededUniform;
import org.lstmlab.nn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.iter.NdIndexIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks backpropagation against central differences, in float64.
 *
 * <p>The numeric gradient of a scalar loss L with respect to every element θ_k of an array is a central
 * difference ({@link Stencil}): the classic {@code (L(θ_k + ε) − L(θ_k − ε)) / 2ε}, or, for the cell
 * checks below, its fourth-order sibling, whose error is small enough that even elements with tiny
 * gradients check far below the bound. Analytic and numeric gradients are compared by the relative
 * error of CS231n (Karpathy, Johnson &amp; Li, <i>CS231n: Convolutional Neural
 * Networks for Visual Recognition</i>, Stanford, "Gradient checks"; its {@code rel_error}), taken element
 * by element and then maximised:
 *
 * <pre>
 *   relative error = max_k |a_k − n_k| / max(1e-8, |a_k| + |n_k|)
 * </pre>
 *
 * The floor 1e-8 keeps elements whose gradient is (nearly) zero from dividing by zero. In float64 a
 * correct backward pass gives about 1e-9 or less; above 1e-7 something is wrong.
 *
 * <pre>{@code
 * var cell = new LstmCell(LstmParams.init(3, 4, 42));
 * GradientCheckReport report = GradientCheck.sequence(cell, xs, h0, c0);   // xs [B, T, 3], h0 and c0 [B, 4]
 * report.passes(1e-7);                                                     // one row per W_g, b_g, x, h_0, C_0
 * }</pre>
 */
public final class GradientCheck {
    /** The stencil of the cell checks: fourth order, so small gradients check as well as large ones. */
    public static final Stencil CHECK_STENCIL = Stencil.FIVE_POINT;
    /** The step ε of the cell checks. */
    public static final double CHECK_EPSILON = CHECK_STENCIL.defaultEpsilon();
    /** The floor of the denominator in {@link #relativeError}, as in CS231n. */
    public static final double DENOMINATOR_FLOOR = 1e-8;
    /** The seed of the loss weights when the caller gives none. */
    public static final long LOSS_WEIGHT_SEED = 20130101L;

    private GradientCheck() {}

    /**
     * The CS231n relative error {@code max_k |a_k − n_k| / max(1e-8, |a_k| + |n_k|)}.
     *
     * @param analytic the gradient from backpropagation, any shape
     * @param numeric  the gradient from central differences, the same shape
     * @return the largest element-wise relative error, 0 for empty arrays, NaN if any element is NaN
     */
    public static double relativeError(INDArray analytic, INDArray numeric) {
        if (analytic == null || numeric == null) {
            throw new IllegalArgumentException("relativeError needs two arrays but got "
                    + (analytic == null ? "analytic = null" : "numeric = null"));
        }
        if (!Arrays.equals(analytic.shape(), numeric.shape())) {
            throw new IllegalArgumentException(
                    "analytic and numeric gradients must have the same shape but analytic is "
                            + Arrays.toString(analytic.shape()) + " and numeric is "
                            + Arrays.toString(numeric.shape()));
        }
        double[] a = flat(analytic);
        double[] n = flat(numeric);
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            double e = Math.abs(a[k] - n[k]) / Math.max(DENOMINATOR_FLOOR, Math.abs(a[k]) + Math.abs(n[k]));
            if (Double.isNaN(e)) return Double.NaN;
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /**
     * The two-point central difference {@code (L(θ_k+ε) − L(θ_k−ε)) / 2ε} with ε = 1e-6 (see
     * {@link #numericGradient(DoubleSupplier, INDArray, Stencil, double)}).
     */
    public static INDArray numericGradient(DoubleSupplier loss, INDArray x) {
        return numericGradient(loss, x, Stencil.TWO_POINT, Stencil.TWO_POINT.defaultEpsilon());
    }

    /** The two-point central difference {@code (L(θ_k+ε) − L(θ_k−ε)) / 2ε} with the given ε. */
    public static INDArray numericGradient(DoubleSupplier loss, INDArray x, double epsilon) {
        return numericGradient(loss, x, Stencil.TWO_POINT, epsilon);
    }

    /**
     * The central-difference gradient ∂L/∂x of a scalar loss. Every element of {@code x} is perturbed
     * in place (by ±ε, and ±2ε for {@link Stencil#FIVE_POINT}), the loss re-evaluated, and the element
     * restored to its exact original value, so {@code x} is unchanged afterwards (also when the loss
     * throws). The loss must read {@code x} itself (the live array, not a copy).
     *
     * @param loss    evaluates L from the current contents of {@code x}
     * @param x       the array to differentiate by, any shape, DOUBLE
     * @param stencil the difference formula
     * @param epsilon the step ε &gt; 0
     * @return ∂L/∂x, DOUBLE, the shape of {@code x}
     */
    public static INDArray numericGradient(DoubleSupplier loss, INDArray x, Stencil stencil, double epsilon) {
        if (loss == null) throw new IllegalArgumentException("loss must be a function giving L but is null");
        if (x == null) throw new IllegalArgumentException("x must be an array to differentiate by but is null");
        if (stencil == null) throw new IllegalArgumentException("stencil must be TWO_POINT or FIVE_POINT but is null");
        requireDouble("x", x.dataType());
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("ε must be a positive finite step (e.g. 1e-6) but is " + epsilon);
        }
        INDArray grad = Nd4j.create(DataType.DOUBLE, x.shape());
        if (x.length() == 0) return grad;
        NdIndexIterator index = new NdIndexIterator(x.shape());
        while (index.hasNext()) {
            long[] k = index.next();
            double original = x.getDouble(k);
            try {
                double plus = at(loss, x, k, original + epsilon);
                double minus = at(loss, x, k, original - epsilon);
                double slope;
                if (stencil == Stencil.TWO_POINT) {
                    slope = (plus - minus) / (2 * epsilon); // (L(θ+ε) − L(θ−ε)) / 2ε
                } else {
                    double plus2 = at(loss, x, k, original + 2 * epsilon);
                    double minus2 = at(loss, x, k, original - 2 * epsilon);
                    slope = (-plus2 + 8 * plus - 8 * minus + minus2)
                            / (12 * epsilon); // fourth-order central difference
                }
                grad.putScalar(k, slope);
            } finally {
                x.putScalar(k, original);
            }
        }
        return grad;
    }

    private static double at(DoubleSupplier loss, INDArray x, long[] k, double value) {
        x.putScalar(k, value);
        return loss.getAsDouble();
    }

    /**
     * Checks {@link RnnCell#backwardSequence} for the loss {@code L = Σ_t Σ h_t * w_t} with seeded loss weights.
     *
     * @see #sequence(RnnCell, INDArray, INDArray, INDArray)
     */
    public static GradientCheckReport sequence(RnnCell cell, INDArray xs, INDArray h0) {
        requireCell(cell);
        requireInput("x", "[B, T, X]", xs, 3);
        return sequence(cell, xs, h0, lossWeights(xs.size(0), xs.size(1), cell.hiddenSize()));
    }

    /**
     * Checks BPTT of an RNN against central differences for every parameter, the inputs and h_0. The
     * loss is {@code L = Σ_t Σ h_t * w_t}, so ∂L/∂h_t = w_t. The cell and the arrays passed in are not
     * modified: the check works on copies.
     *
     * @param cell        the cell with DOUBLE parameters
     * @param xs          x_1 … x_T, {@code [B, T, X]}
     * @param h0          h_0, {@code [B, H]}
     * @param lossWeights w_t, {@code [B, T, H]}
     * @return rows W_h, b_h, x, h_0
     */
    public static GradientCheckReport sequence(RnnCell cell, INDArray xs, INDArray h0, INDArray lossWeights) {
        requireCell(cell);
        requireDouble("the RNN's parameters", cell.dataType());
        RnnCell copy = new RnnCell(cell.params().copy());
        return hiddenStateSequence(
                copy,
                xs,
                h0,
                () -> lossWeights,
                (x, h) -> copy.forwardSequence(x, h).hs(),
                (x, h, w) -> analytic(copy.backwardSequence(copy.forwardSequence(x, h), w)));
    }

    /**
     * Checks {@link RnnCell#backward} for one step and the loss {@code L = Σ h_t * w} with seeded w.
     *
     * @param cell  the cell with DOUBLE parameters
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @return rows W_h, b_h, x_t, h_{t-1}
     */
    public static GradientCheckReport step(RnnCell cell, INDArray x, INDArray hPrev) {
        requireCell(cell);
        requireDouble("the RNN's parameters", cell.dataType());
        RnnCell copy = new RnnCell(cell.params().copy());
        return hiddenStateStep(
                copy,
                x,
                hPrev,
                (xt, h) -> copy.forward(xt, h).h(),
                (xt, h, w) -> analytic(copy.backward(copy.forward(xt, h), w)));
    }

    /**
     * Checks {@link LstmCell#backwardSequence} for the loss {@code L = Σ_t Σ h_t * w_t} with seeded loss weights.
     *
     * @see #sequence(LstmCell, INDArray, INDArray, INDArray, INDArray)
     */
    public static GradientCheckReport sequence(LstmCell cell, INDArray xs, INDArray h0, INDArray c0) {
        requireCell(cell);
        requireInput("x", "[B, T, X]", xs, 3);
        return sequence(cell, xs, h0, c0, lossWeights(xs.size(0), xs.size(1), cell.hiddenSize()));
    }

    /**
     * Checks BPTT of an LSTM against central differences for every W_g and b_g, the inputs, h_0 and C_0.
     * The loss is {@code L = Σ_t Σ h_t * w_t}, so ∂L/∂h_t = w_t. The cell and the arrays passed in are
     * not modified: the check works on copies.
     *
     * @param cell        the cell with DOUBLE parameters
     * @param xs          x_1 … x_T, {@code [B, T, X]}
     * @param h0          h_0, {@code [B, H]}
     * @param c0          C_0, {@code [B, H]}
     * @param lossWeights w_t, {@code [B, T, H]}
     * @return rows W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o, x, h_0, C_0
     */
    public static GradientCheckReport sequence(
            LstmCell cell, INDArray xs, INDArray h0, INDArray c0, INDArray lossWeights) {
        requireCell(cell);
        requireDouble("the LSTM's parameters", cell.dataType());
        LstmCell copy = new LstmCell(cell.params().copy(), cell.variant());
        INDArray x = dupInput("x", xs);
        INDArray h = dupInput("h_0", h0);
        INDArray c = dupInput("C_0", c0);
        copy.forwardSequence(x, h, c); // checks the shapes and types of x, h_0 and C_0 with their symbols
        INDArray w = requireLossWeights(
                "w (the loss weights ∂L/∂h)", lossWeights, xs.size(0), xs.size(1), cell.hiddenSize());
        DoubleSupplier loss =
                () -> copy.forwardSequence(x, h, c).hs().mul(w).sumNumber().doubleValue();
        LstmGrads g = copy.backwardSequence(copy.forwardSequence(x, h, c), w);
        return report(
                copy.params().named(),
                g.params().named(),
                loss,
                input("x", x, g.dxs()),
                input("h_0", h, g.dh0()),
                input("C_0", c, g.dc0()));
    }

    /**
     * Checks {@link LstmCell#backward} for one step and the loss {@code L = Σ h_t * w_h + Σ C_t * w_C}
     * with seeded w_h and w_C, so both of its incoming gradients (through h_t and from later steps
     * through C_t) are exercised.
     *
     * @param cell  the cell with DOUBLE parameters
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @param cPrev C_{t-1}, {@code [B, H]}
     * @return rows W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o, x_t, h_{t-1}, C_{t-1}
     */
    public static GradientCheckReport step(LstmCell cell, INDArray x, INDArray hPrev, INDArray cPrev) {
        requireCell(cell);
        requireDouble("the LSTM's parameters", cell.dataType());
        LstmCell copy = new LstmCell(cell.params().copy(), cell.variant());
        INDArray xt = dupInput("x_t", x);
        INDArray h = dupInput("h_{t-1}", hPrev);
        INDArray c = dupInput("C_{t-1}", cPrev);
        LstmStep step = copy.forward(xt, h, c);
        INDArray wh = lossWeights(xt.rows(), cell.hiddenSize());
        INDArray wc = seededWeights(LOSS_WEIGHT_SEED + 1, xt.rows(), cell.hiddenSize());
        DoubleSupplier loss = () -> {
            LstmStep s = copy.forward(xt, h, c);
            return s.h().mul(wh).sumNumber().doubleValue()
                    + s.c().mul(wc).sumNumber().doubleValue();
        };
        LstmStepGrads g = copy.backward(step, wh, wc);
        return report(
                copy.params().named(),
                g.params().named(),
                loss,
                input("x_t", xt, g.dx()),
                input("h_{t-1}", h, g.dhPrev()),
                input("C_{t-1}", c, g.dcPrev()));
    }

    /**
     * Checks BPTT of a GRU against central differences for every parameter, the inputs and h_0, for the loss
     * {@code L = Σ_t Σ h_t * w_t} with seeded loss weights. The cell and the arrays passed in are not modified.
     *
     * @param cell the cell with DOUBLE parameters
     * @param xs   x_1 … x_T, {@code [B, T, X]}
     * @param h0   h_0, {@code [B, H]}
     * @return rows W_z, b_z, W_r, b_r, W_n, b_n, b_hn, x, h_0
     */
    public static GradientCheckReport sequence(GruCell cell, INDArray xs, INDArray h0) {
        requireCell(cell);
        requireInput("x", "[B, T, X]", xs, 3);
        requireDouble("the GRU's parameters", cell.dataType());
        GruCell copy = new GruCell(cell.params().copy());
        return hiddenStateSequence(
                copy,
                xs,
                h0,
                () -> lossWeights(xs.size(0), xs.size(1), cell.hiddenSize()),
                (x, h) -> copy.forwardSequence(x, h).hs(),
                (x, h, w) -> analytic(copy.backwardSequence(copy.forwardSequence(x, h), w)));
    }

    /**
     * Checks {@link GruCell#backward} for one step and the loss {@code L = Σ h_t * w} with seeded w.
     *
     * @param cell  the cell with DOUBLE parameters
     * @param x     x_t, {@code [B, X]}
     * @param hPrev h_{t-1}, {@code [B, H]}
     * @return rows W_z, b_z, W_r, b_r, W_n, b_n, b_hn, x_t, h_{t-1}
     */
    public static GradientCheckReport step(GruCell cell, INDArray x, INDArray hPrev) {
        requireCell(cell);
        requireDouble("the GRU's parameters", cell.dataType());
        GruCell copy = new GruCell(cell.params().copy());
        return hiddenStateStep(
                copy,
                x,
                hPrev,
                (xt, h) -> copy.forward(xt, h).h(),
                (xt, h, w) -> analytic(copy.backward(copy.forward(xt, h), w)));
    }

    /** h_t of a cell whose only state is h (the RNN, the GRU): h_1 … h_T of a sequence, or h_t of a step. */
    @FunctionalInterface
    private interface HiddenStates {
        INDArray of(INDArray x, INDArray h);
    }

    /** The analytic gradients of such a cell for the loss weights w = ∂L/∂h. */
    @FunctionalInterface
    private interface Backward {
        Analytic of(INDArray x, INDArray h, INDArray w);
    }

    /** ∂L/∂θ by symbol, ∂L/∂x (every step's, or x_t's) and ∂L/∂h_0 (or ∂L/∂h_{t-1}). */
    private record Analytic(Map<String, INDArray> params, INDArray dx, INDArray dh) {}

    private static Analytic analytic(RnnGrads g) {
        return new Analytic(g.params().named(), g.dxs(), g.dh0());
    }

    private static Analytic analytic(GruGrads g) {
        return new Analytic(g.params().named(), g.dxs(), g.dh0());
    }

    private static Analytic analytic(RnnStepGrads g) {
        return new Analytic(g.params().named(), g.dx(), g.dhPrev());
    }

    private static Analytic analytic(GruStepGrads g) {
        return new Analytic(g.params().named(), g.dx(), g.dhPrev());
    }

    /**
     * The sequence check of a cell whose only state is h, on copies of x and h_0: rows for every parameter, x and
     * h_0, for the loss {@code L = Σ_t Σ h_t * w_t}.
     *
     * @param copy        the copy of the cell that is perturbed
     * @param lossWeights w_t, {@code [B, T, H]}, asked for once x and h_0 are found right
     */
    private static GradientCheckReport hiddenStateSequence(
            RecurrentLayer copy,
            INDArray xs,
            INDArray h0,
            Supplier<INDArray> lossWeights,
            HiddenStates hs,
            Backward backward) {
        INDArray x = dupInput("x", xs);
        INDArray h = dupInput("h_0", h0);
        hs.of(x, h); // checks the shapes and types of x and h_0 with their symbols
        INDArray w = requireLossWeights(
                "w (the loss weights ∂L/∂h)", lossWeights.get(), xs.size(0), xs.size(1), copy.hiddenSize());
        DoubleSupplier loss = () -> hs.of(x, h).mul(w).sumNumber().doubleValue();
        Analytic g = backward.of(x, h, w);
        return report(copy.parameters(), g.params(), loss, input("x", x, g.dx()), input("h_0", h, g.dh()));
    }

    /**
     * The step check of a cell whose only state is h, on copies of x_t and h_{t-1}, for the loss
     * {@code L = Σ h_t * w} with seeded w: rows for every parameter, x_t and h_{t-1}.
     */
    private static GradientCheckReport hiddenStateStep(
            RecurrentLayer copy, INDArray x, INDArray hPrev, HiddenStates h, Backward backward) {
        INDArray xt = dupInput("x_t", x);
        INDArray hp = dupInput("h_{t-1}", hPrev);
        h.of(xt, hp); // checks the shapes and types of x_t and h_{t-1} with their symbols
        INDArray w = lossWeights(xt.rows(), copy.hiddenSize());
        DoubleSupplier loss = () -> h.of(xt, hp).mul(w).sumNumber().doubleValue();
        Analytic g = backward.of(xt, hp, w);
        return report(copy.parameters(), g.params(), loss, input("x_t", xt, g.dx()), input("h_{t-1}", hp, g.dh()));
    }

    /** An input of the checked computation (x, h_0, …): its symbol, the live copy perturbed, and its analytic gradient. */
    private record Input(String symbol, INDArray live, INDArray analytic) {}

    private static Input input(String symbol, INDArray live, INDArray analytic) {
        return new Input(symbol, live, analytic);
    }

    /** One row per parameter (in the order of {@code live}), then one per input, each checked by central differences. */
    private static GradientCheckReport report(
            Map<String, INDArray> live, Map<String, INDArray> analytic, DoubleSupplier loss, Input... inputs) {
        List<GradientCheckReport.Row> rows = new ArrayList<>();
        for (var e : live.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), analytic.get(e.getKey()), loss));
        }
        for (Input in : inputs) rows.add(row(in.symbol(), in.live(), in.analytic(), loss));
        return new GradientCheckReport(CHECK_STENCIL, CHECK_EPSILON, rows);
    }

    private static GradientCheckReport.Row row(String name, INDArray live, INDArray analytic, DoubleSupplier loss) {
        INDArray numeric = numericGradient(loss, live, CHECK_STENCIL, CHECK_EPSILON);
        return new GradientCheckReport.Row(name, live.shape(), relativeError(analytic, numeric));
    }

    /** Seeded loss weights uniform in [-1, 1), DOUBLE. */
    static INDArray lossWeights(long... shape) {
        return seededWeights(LOSS_WEIGHT_SEED, shape);
    }

    static INDArray seededWeights(long seed, long... shape) {
        return SeededUniform.draw(seed, 1.0, DataType.DOUBLE, shape);
    }

    private static INDArray requireLossWeights(String symbol, INDArray w, long batch, long steps, long hidden) {
        Shapes.require(symbol, "[B, T, H]", w, batch, steps, hidden);
        requireDouble(symbol, w.dataType());
        return w;
    }

    private static void requireCell(Object cell) {
        if (cell == null)
            throw new IllegalArgumentException("cell must be an RnnCell, LstmCell or GruCell but is null");
    }

    private static void requireInput(String symbol, String symbolic, INDArray a, int rank) {
        if (a == null) throw new IllegalArgumentException(symbol + " must be " + symbolic + " but is null");
        if (a.rank() != rank) {
            throw new IllegalArgumentException(
                    symbol + " must be " + symbolic + " but is " + Arrays.toString(a.shape()));
        }
    }

    private static INDArray dupInput(String symbol, INDArray a) {
        if (a == null) throw new IllegalArgumentException(symbol + " must be an array but is null");
        return a.dup();
    }

    static void requireDouble(String what, DataType type) {
        if (type != DataType.DOUBLE) {
            throw new IllegalArgumentException(
                    what + " must be DOUBLE for a gradient check but " + (what.startsWith("the ") ? "are " : "is ")
                            + type + ": central differences in " + type + " lose the gradient to rounding; "
                            + "draw the parameters with DataType.DOUBLE or convert with .castTo(DataType.DOUBLE)");
        }
    }

    private static double[] flat(INDArray a) {
        if (a.length() == 0) return new double[0];
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
