package org.lstmlab.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.lstmlab.grade.child.Tensor;
import org.lstmlab.grade.child.Wire;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.RnnCell;
import org.lstmlab.nn.RnnParams;
import org.lstmlab.nn.RnnSequence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The graded tests of every exercise: a fixed-seed case, randomised cases whose seed is printed, and
 * properties. Expected values come from the library ({@link LstmCell}, {@link RnnCell}) or, for E8,
 * from central differences in float64 — never from the code being graded.
 */
final class ExercisePlans {
    /** The seed of the published fixed case. */
    static final long FIXED_SEED = 7;

    private ExercisePlans() {}

    /** The plan for one exercise; {@code seed} draws the randomised cases. */
    static Plan plan(Exercise e, long seed) {
        Plan p = new Plan(e, seed);
        switch (e.id()) {
            case "E1" -> rnnStep(p);
            case "E2" -> gradientNorms(p);
            case "E3" -> gate(p, "forgetGate", "f_t", "W_f", "b_f", Gate.F, 3, 3, 2);
            case "E4" -> {
                gate(p, "inputGate", "i_t", "W_i", "b_i", Gate.I, 2, 2, 1);
                gate(p, "candidate", "C̃_t", "W_C", "b_C", Gate.C, 2, 2, 1);
            }
            case "E5" -> cellState(p);
            case "E6" -> {
                gate(p, "outputGate", "o_t", "W_o", "b_o", Gate.O, 2, 2, 1);
                hiddenState(p);
            }
            case "E7" -> lstmStep(p);
            case "E8" -> lstmBackward(p);
            case "E9" -> clipping(p);
            default -> throw new IllegalArgumentException("no graded tests for " + e.id());
        }
        int sum = p.checks.stream().mapToInt(Plan.Check::points).sum();
        if (sum != e.points())
            throw new IllegalStateException(e.id() + " tests add up to " + sum + ", not " + e.points());
        return p;
    }

    // ---------------------------------------------------------------- sizes and random draws

    /** Sizes of one case. */
    record Sizes(int b, int x, int h) {
        String text() {
            return "B=" + b + ", X=" + x + ", H=" + h;
        }
    }

    private static final Sizes FIXED = new Sizes(2, 3, 4);

    /** The randomised cases' sizes: never the fixed case's H, so an answer shaped for it fails. */
    private static List<Sizes> randomSizes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sizes> s = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int h = 2 + r.nextInt(5);
            if (h == FIXED.h()) h++;
            s.add(new Sizes(1 + r.nextInt(4), 1 + r.nextInt(5), h));
        }
        return s;
    }

    /** Uniform draws from a seed, as float64 ND4J arrays. */
    static final class Draw {
        private final SplittableRandom r;

        Draw(long seed) {
            r = new SplittableRandom(seed);
        }

        INDArray uniform(double limit, long... shape) {
            long n = 1;
            for (long s : shape) n *= s;
            double[] d = new double[(int) n];
            for (int k = 0; k < d.length; k++) d[k] = (2 * r.nextDouble() - 1) * limit;
            return Nd4j.create(d, shape, DataType.DOUBLE);
        }

        LstmParams lstm(Sizes s) {
            INDArray[] a = new INDArray[8];
            for (int g = 0; g < 4; g++) {
                a[2 * g] = uniform(1.0, s.h(), s.h() + s.x());
                a[2 * g + 1] = uniform(1.0, s.h());
            }
            return new LstmParams(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
        }
    }

    static Tensor t(INDArray a) {
        return new Tensor(
                a.shape().clone(), a.castTo(DataType.DOUBLE).dup('c').data().asDouble());
    }

    static INDArray nd(Tensor t) {
        return Nd4j.create(t.data().clone(), t.shape(), DataType.DOUBLE);
    }

    static Wire.LstmArg lstmArg(LstmParams p) {
        return new Wire.LstmArg(t(p.wF()), t(p.bF()), t(p.wI()), t(p.bI()), t(p.wC()), t(p.bC()), t(p.wO()), t(p.bO()));
    }

    private static Map<String, Tensor> one(Tensor t) {
        return Map.of("", t);
    }

    private static Map<String, String> sym(String s) {
        return Map.of("", s);
    }

    private static String label(String kind, long seed, Sizes s) {
        return kind.equals("fixed")
                ? "fixed case (seed " + FIXED_SEED + ", " + s.text() + ")"
                : kind + " (seed " + seed + ", " + s.text() + ")";
    }

    private static List<String> ids(String prefix, int n) {
        List<String> l = new ArrayList<>();
        for (int k = 1; k <= n; k++) l.add(prefix + "random-" + k);
        return l;
    }

    private static String inRange(String symbol, Tensor t, double lo, double hi, String hint) {
        for (int k = 0; k < t.data().length; k++) {
            double v = t.data()[k];
            if (!(v > lo && v < hi)) {
                return symbol + " has values outside ("
                        + Judge.fmt(lo).replace("0.00000", "0").replace("1.00000", "1") + ", "
                        + Judge.fmt(hi).replace("1.00000", "1") + "), e.g. " + Judge.fmt(v) + " at "
                        + Judge.index(t.shape(), k) + hint;
            }
        }
        return null;
    }

    private static String shape(String symbol, Tensor t, long... expected) {
        if (!java.util.Arrays.equals(t.shape(), expected)) {
            return symbol + " must have shape " + java.util.Arrays.toString(expected) + " but has " + t.shapeText();
        }
        return null;
    }

    private static String first(String... problems) {
        for (String p : problems) if (p != null) return p;
        return null;
    }

    // ---------------------------------------------------------------- E1

    private static void rnnStep(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 3);
        List<Sizes> sizes = randomSizes(p.seed, 3);
        for (int k = 0; k <= 3; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw(fixed ? FIXED_SEED : p.seed + k);
            INDArray x = d.uniform(2, s.b(), s.x());
            INDArray hPrev = d.uniform(1, s.b(), s.h());
            RnnParams params = new RnnParams(d.uniform(1, s.h(), s.h() + s.x()), d.uniform(1, s.h()));
            INDArray h = new RnnCell(params).forward(x, hPrev).h();
            INDArray hx = Nd4j.concat(1, hPrev, x);
            INDArray xh = Nd4j.concat(1, x, hPrev);
            INDArray z = hx.mmul(params.wH().transpose());
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            one(t(Transforms.sigmoid(z.addRowVector(params.bH())))),
                            "h_t equals σ(W_h·[h_{t-1}, x_t] + b_h): the RNN uses tanh, values in (−1, 1)"),
                    new Plan.Alternative(
                            one(t(Transforms.tanh(
                                    xh.mmul(params.wH().transpose()).addRowVector(params.bH())))),
                            "your result equals tanh(W_h·[x_t, h_{t-1}] + b_h): the course concatenates h first, [h_{t-1}, x_t]"),
                    new Plan.Alternative(one(t(Transforms.tanh(z))), "h_t misses the bias b_h"),
                    new Plan.Alternative(
                            one(t(z.addRowVector(params.bH()))), "h_t is W_h·[h_{t-1}, x_t] + b_h without the tanh"));
            String id = fixed ? "fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(
                            id,
                            e.qualifiedName(),
                            "rnnStep",
                            List.of(t(x), t(hPrev), new Wire.RnnArg(t(params.wH()), t(params.bH())))),
                    "rnnStep",
                    one(t(h)),
                    sym("h_t"),
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        p.expectCases("E1 RNN step: fixed case", 4, List.of("fixed"), random);
        p.expectCases("E1 RNN step: randomised cases (seed " + p.seed + ")", 4, random, List.of());
        p.expectProperty("E1 RNN step: h_t is [B, H] with values in (−1, 1)", 2, random, (c, out) -> {
            Tensor h = out.get("");
            Tensor want = c.expected().get("");
            return h == null
                    ? "returned nothing"
                    : first(
                            shape("h_t", h, want.shape()),
                            inRange("h_t", h, -1, 1, ": h_t = tanh(…) lies strictly between −1 and 1"));
        });
    }

    // ---------------------------------------------------------------- E2

    /** ‖∂h_T/∂h_t‖ for t = 0 … T−1 by the library's RNN and the chain rule; {@code withSlope} false leaves out 1 − h². */
    static double[] jacobianNorms(RnnParams params, INDArray xs, INDArray h0, boolean withSlope) {
        RnnSequence run = new RnnCell(params).forwardSequence(xs, h0);
        int steps = run.length();
        int hidden = params.hiddenSize();
        INDArray wHh = params.recurrentBlock().dup(); // [H, H]
        INDArray j = Nd4j.eye(hidden).castTo(DataType.DOUBLE); // ∂h_T/∂h_T
        double[] norms = new double[steps];
        for (int t = steps; t >= 1; t--) {
            INDArray h = run.steps().get(t - 1).h().reshape(hidden, 1); // h_t, [H, 1]
            INDArray slope = withSlope ? h.mul(h).rsubi(1) : Nd4j.ones(DataType.DOUBLE, hidden, 1);
            j = j.mmul(wHh.mulColumnVector(slope)); // ∂h_T/∂h_{t-1}
            norms[t - 1] = j.norm2Number().doubleValue();
        }
        return norms;
    }

    private static void gradientNorms(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 2);
        SplittableRandom r = new SplittableRandom(p.seed);
        for (int k = 0; k <= 2; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? new Sizes(1, 2, 4) : new Sizes(1, 1 + r.nextInt(4), 2 + r.nextInt(5));
            int steps = fixed ? 8 : 5 + r.nextInt(8);
            Draw d = new Draw(fixed ? FIXED_SEED : p.seed + k);
            RnnParams params = new RnnParams(d.uniform(1.2, s.h(), s.h() + s.x()), d.uniform(0.5, s.h()));
            INDArray xs = d.uniform(1, 1, steps, s.x());
            INDArray h0 = d.uniform(0.5, 1, s.h());
            double[] norms = jacobianNorms(params, xs, h0, true);
            double[] reversed = new double[steps];
            for (int t = 0; t < steps; t++) reversed[t] = norms[steps - 1 - t];
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            one(Tensor.vector(reversed)),
                            "your norms are in reverse order: norms[t] is ‖∂h_T/∂h_t‖, so norms[0] reaches back furthest"),
                    new Plan.Alternative(
                            one(Tensor.vector(jacobianNorms(params, xs, h0, false))),
                            "your norms leave out tanh's slope: each step back multiplies by diag(1 − h_t²)·W_hh, not W_hh alone"));
            String id = fixed ? "fixed" : random.get(k - 1);
            Sizes shown = s;
            p.add(new Plan.Case(
                    new Wire.Call(
                            id,
                            e.qualifiedName(),
                            "gradientNorms",
                            List.of(new Wire.RnnArg(t(params.wH()), t(params.bH())), t(xs), t(h0))),
                    "gradientNorms",
                    one(Tensor.vector(norms)),
                    sym("‖∂h_T/∂h_t‖ [T]"),
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, shown) + ", T=" + steps));
        }
        p.expectCases("E2 gradient norms: fixed case", 5, List.of("fixed"), random);
        p.expectCases("E2 gradient norms: randomised cases (seed " + p.seed + ")", 5, random, List.of());
        p.expectProperty("E2 gradient norms: one finite, positive norm per step", 2, random, (c, out) -> {
            Tensor n = out.get("");
            long steps = c.expected().get("").size();
            if (n == null) return "returned nothing";
            if (n.size() != steps)
                return "returned " + n.size() + " norms for T = " + steps + " steps: one per t = 0 … T−1";
            for (double v : n.data()) {
                if (!(v > 0) || Double.isInfinite(v)) return "a norm is " + v + ": norms are finite and positive";
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- E3, E4, E6 gates

    enum Gate {
        F(LstmStep::f, true),
        I(LstmStep::i, true),
        C(LstmStep::cTilde, false),
        O(LstmStep::o, true);

        final Function<LstmStep, INDArray> pick;
        final boolean sigmoid;

        Gate(Function<LstmStep, INDArray> pick, boolean sigmoid) {
            this.pick = pick;
            this.sigmoid = sigmoid;
        }
    }

    private static void gate(
            Plan p,
            String method,
            String symbol,
            String wSym,
            String bSym,
            Gate gate,
            int fixedPoints,
            int randomPoints,
            int propertyPoints) {
        Exercise e = p.exercise;
        String prefix = method + "-";
        List<String> random = ids(prefix, 3);
        List<Sizes> sizes = randomSizes(p.seed ^ method.hashCode(), 3);
        String act = gate.sigmoid ? "σ" : "tanh";
        String other = gate.sigmoid ? "tanh" : "σ";
        for (int k = 0; k <= 3; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw((fixed ? FIXED_SEED : p.seed + k) * 31 + gate.ordinal());
            INDArray x = d.uniform(2, s.b(), s.x());
            INDArray hPrev = d.uniform(1, s.b(), s.h());
            INDArray cPrev = d.uniform(1, s.b(), s.h());
            LstmParams params = d.lstm(s);
            INDArray w = switch (gate) {
                case F -> params.wF();
                case I -> params.wI();
                case C -> params.wC();
                case O -> params.wO();
            };
            INDArray b = switch (gate) {
                case F -> params.bF();
                case I -> params.bI();
                case C -> params.bC();
                case O -> params.bO();
            };
            INDArray expected = gate.pick.apply(new LstmCell(params).forward(x, hPrev, cPrev));
            INDArray z = Nd4j.concat(1, hPrev, x).mmul(w.transpose());
            INDArray zSwapped = Nd4j.concat(1, x, hPrev).mmul(w.transpose()).addRowVector(b);
            Function<INDArray, INDArray> right =
                    a -> gate.sigmoid ? Transforms.sigmoid(a, true) : Transforms.tanh(a, true);
            Function<INDArray, INDArray> wrong =
                    a -> gate.sigmoid ? Transforms.tanh(a, true) : Transforms.sigmoid(a, true);
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            one(t(wrong.apply(z.addRowVector(b)))),
                            gate.sigmoid
                                    ? symbol + " equals tanh(" + wSym + "·[h_{t-1}, x_t] + " + bSym
                                            + "): did you use tanh instead of σ? A gate's values lie in (0, 1)"
                                    : symbol + " equals σ(" + wSym + "·[h_{t-1}, x_t] + " + bSym
                                            + "): the candidate uses tanh, values in (−1, 1)"),
                    new Plan.Alternative(
                            one(t(right.apply(zSwapped))),
                            "your result equals " + act + "(" + wSym + "·[x_t, h_{t-1}] + " + bSym
                                    + "): the course concatenates h first, [h_{t-1}, x_t]"),
                    new Plan.Alternative(one(t(right.apply(z.dup()))), symbol + " misses the bias " + bSym),
                    new Plan.Alternative(
                            one(t(z.addRowVector(b))),
                            symbol + " is " + wSym + "·[h_{t-1}, x_t] + " + bSym + " without the " + act));
            String id = fixed ? prefix + "fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(id, e.qualifiedName(), method, List.of(t(hPrev), t(x), t(w), t(b))),
                    method,
                    one(t(expected)),
                    sym(symbol),
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        String title = e.id() + " " + method;
        p.expectCases(title + ": fixed case", fixedPoints, List.of(prefix + "fixed"), random);
        p.expectCases(title + ": randomised cases (seed " + p.seed + ")", randomPoints, random, List.of());
        double lo = gate.sigmoid ? 0 : -1;
        String range = gate.sigmoid ? "(0, 1)" : "(−1, 1)";
        p.expectProperty(
                title + ": " + symbol + " is [B, H] with values in " + range, propertyPoints, random, (c, out) -> {
                    Tensor g = out.get("");
                    return g == null
                            ? "returned nothing"
                            : first(
                                    shape(symbol, g, c.expected().get("").shape()),
                                    inRange(
                                            symbol,
                                            g,
                                            lo,
                                            1,
                                            gate.sigmoid
                                                    ? ": did you use " + other + " instead of σ?"
                                                    : ": did you use tanh? C̃_t = tanh(…) lies in (−1, 1)"));
                });
    }

    // ---------------------------------------------------------------- E5

    private static void cellState(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 3);
        List<Sizes> sizes = randomSizes(p.seed, 3);
        for (int k = 0; k <= 3; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw(fixed ? FIXED_SEED : p.seed + k);
            INDArray f = Transforms.sigmoid(d.uniform(3, s.b(), s.h()));
            INDArray i = Transforms.sigmoid(d.uniform(3, s.b(), s.h()));
            INDArray cTilde = Transforms.tanh(d.uniform(3, s.b(), s.h()));
            INDArray cPrev = d.uniform(2, s.b(), s.h());
            if (fixed) f.getColumn(0).assign(1.0); // a column that keeps all memory
            INDArray c = f.mul(cPrev).addi(i.mul(cTilde)); // C_t = f_t * C_{t-1} + i_t * C̃_t
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            one(t(cPrev.add(i.mul(cTilde)))),
                            "C_t is right where f_t = 1 but wrong elsewhere: check the f_t * C_{t-1} term"),
                    new Plan.Alternative(
                            one(t(f.mul(cPrev).addi(cTilde))), "C_t misses i_t: check the i_t * C̃_t term"),
                    new Plan.Alternative(
                            one(t(f.mul(cPrev))), "C_t has no i_t * C̃_t term: the input gate writes the candidate"),
                    new Plan.Alternative(
                            one(t(f.mul(cTilde).addi(i.mul(cPrev)))),
                            "C_t swaps the pairs: f_t multiplies the old C_{t-1}, i_t the candidate C̃_t"));
            String id = fixed ? "fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(id, e.qualifiedName(), "cellState", List.of(t(f), t(i), t(cTilde), t(cPrev))),
                    "cellState",
                    one(t(c)),
                    sym("C_t"),
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        Draw d = new Draw(p.seed + 100);
        Sizes s = randomSizes(p.seed + 100, 1).get(0);
        INDArray cPrev = d.uniform(2, s.b(), s.h());
        INDArray cTilde = Transforms.tanh(d.uniform(2, s.b(), s.h()));
        INDArray ones = Nd4j.ones(DataType.DOUBLE, s.b(), s.h());
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, s.b(), s.h());
        p.add(new Plan.Case(
                new Wire.Call("keep", e.qualifiedName(), "cellState", List.of(t(ones), t(zeros), t(cTilde), t(cPrev))),
                "cellState",
                one(t(cPrev)),
                sym("C_t"),
                List.of(),
                "f_t = 1, i_t = 0 (" + s.text() + ")"));
        p.add(new Plan.Case(
                new Wire.Call("write", e.qualifiedName(), "cellState", List.of(t(zeros), t(ones), t(cTilde), t(cPrev))),
                "cellState",
                one(t(cTilde)),
                sym("C_t"),
                List.of(),
                "f_t = 0, i_t = 1 (" + s.text() + ")"));
        p.expectCases("E5 cell state: fixed case", 3, List.of("fixed"), random);
        p.expectCases("E5 cell state: randomised cases (seed " + p.seed + ")", 3, random, List.of());
        p.expectCases(
                "E5 cell state: keeps C_{t-1} when f_t = 1, i_t = 0 and writes C̃_t when f_t = 0, i_t = 1",
                2,
                List.of("keep", "write"),
                List.of());
    }

    // ---------------------------------------------------------------- E6 hidden state

    private static void hiddenState(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("hiddenState-", 3);
        List<Sizes> sizes = randomSizes(p.seed + 6, 3);
        for (int k = 0; k <= 3; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw((fixed ? FIXED_SEED : p.seed + k) * 17);
            INDArray o = Transforms.sigmoid(d.uniform(3, s.b(), s.h()));
            INDArray c = d.uniform(2.5, s.b(), s.h());
            INDArray h = o.mul(Transforms.tanh(c, true)); // h_t = o_t * tanh(C_t)
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(one(t(o.mul(c))), "h_t equals o_t * C_t: did you forget tanh(C_t)?"),
                    new Plan.Alternative(
                            one(t(Transforms.tanh(o.mul(c), true))),
                            "h_t equals tanh(o_t * C_t): apply tanh to C_t only, then multiply by o_t"),
                    new Plan.Alternative(
                            one(t(o.add(Transforms.tanh(c, true)))),
                            "h_t equals o_t + tanh(C_t): * is element-wise multiplication"),
                    new Plan.Alternative(
                            one(t(o.mul(Transforms.sigmoid(c, true)))),
                            "h_t equals o_t * σ(C_t): the hidden state uses tanh(C_t)"));
            String id = fixed ? "hiddenState-fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(id, e.qualifiedName(), "hiddenState", List.of(t(o), t(c))),
                    "hiddenState",
                    one(t(h)),
                    sym("h_t"),
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        p.expectCases("E6 hiddenState: fixed case", 2, List.of("hiddenState-fixed"), random);
        p.expectCases("E6 hiddenState: randomised cases (seed " + p.seed + ")", 2, random, List.of());
        p.expectProperty("E6 hiddenState: h_t is [B, H] with values in (−1, 1)", 1, random, (c, out) -> {
            Tensor h = out.get("");
            return h == null
                    ? "returned nothing"
                    : first(
                            shape("h_t", h, c.expected().get("").shape()),
                            inRange("h_t", h, -1, 1, ": o_t in (0, 1) times tanh(C_t) in (−1, 1)"));
        });
    }

    // ---------------------------------------------------------------- E7

    private static void lstmStep(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 3);
        List<Sizes> sizes = randomSizes(p.seed, 3);
        Map<String, String> symbols = Map.of("h", "h_t", "c", "C_t");
        for (int k = 0; k <= 3; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw(fixed ? FIXED_SEED : p.seed + k);
            INDArray x = d.uniform(2, s.b(), s.x());
            INDArray hPrev = d.uniform(1, s.b(), s.h());
            INDArray cPrev = d.uniform(2, s.b(), s.h());
            LstmParams params = d.lstm(s);
            LstmStep step = new LstmCell(params).forward(x, hPrev, cPrev);
            Map<String, Tensor> want = new LinkedHashMap<>();
            want.put("c", t(step.c()));
            want.put("h", t(step.h()));
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            Map.of("h", t(step.c()), "c", t(step.h())),
                            "your State holds C_t where h_t belongs and h_t where C_t belongs: new State(h, c)"),
                    new Plan.Alternative(
                            Map.of("c", t(step.c())),
                            "C_t is right, h_t is wrong: check h_t = o_t * tanh(C_t) (E6) and that o_t uses W_o, b_o"));
            String id = fixed ? "fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(
                            id, e.qualifiedName(), "lstmStep", List.of(t(x), t(hPrev), t(cPrev), lstmArg(params))),
                    "lstmStep",
                    want,
                    symbols,
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        p.expectCases("E7 LSTM step: fixed case", 5, List.of("fixed"), random);
        p.expectCases("E7 LSTM step: randomised cases (seed " + p.seed + ")", 5, random, List.of());
        p.expectProperty("E7 LSTM step: h_t and C_t are [B, H], h_t in (−1, 1)", 2, random, (c, out) -> {
            Tensor h = out.get("h");
            Tensor cs = out.get("c");
            if (h == null || cs == null) return "returned no h_t or no C_t";
            return first(
                    shape("h_t", h, c.expected().get("h").shape()),
                    shape("C_t", cs, c.expected().get("c").shape()),
                    inRange("h_t", h, -1, 1, ": h_t = o_t * tanh(C_t)"));
        });
    }

    // ---------------------------------------------------------------- E8

    static final List<String> PARAM_KEYS = List.of("wF", "bF", "wI", "bI", "wC", "bC", "wO", "bO");

    /**
     * ∂L/∂(everything) of L = Σ dh * h_t + Σ dc * C_t by central differences in float64, on a plain-Java
     * forward pass that is first checked against the library's {@link LstmCell} at the given point.
     * Plain Java because thousands of tiny ND4J calls would take minutes on a busy machine.
     */
    static Map<String, Tensor> numericalGradients(
            INDArray x, INDArray hPrev, INDArray cPrev, LstmParams params, INDArray dh, INDArray dc) {
        Map<String, Tensor> vars = new LinkedHashMap<>();
        List<INDArray> ps = List.of(
                params.wF(), params.bF(), params.wI(), params.bI(), params.wC(), params.bC(), params.wO(), params.bO());
        for (int k = 0; k < 8; k++) vars.put("params." + PARAM_KEYS.get(k), t(ps.get(k)));
        vars.put("dx", t(x));
        vars.put("dhPrev", t(hPrev));
        vars.put("dcPrev", t(cPrev));
        PlainLstm lstm = new PlainLstm(
                vars, t(dh).data(), t(dc).data(), (int) x.rows(), params.hiddenSize(), params.inputSize());
        LstmStep ref = new LstmCell(params).forward(x, hPrev, cPrev);
        double expectedLoss = ref.h().mul(dh).sumNumber().doubleValue()
                + ref.c().mul(dc).sumNumber().doubleValue();
        double plainLoss = lstm.loss();
        if (Math.abs(plainLoss - expectedLoss) > 1e-9 * (1 + Math.abs(expectedLoss))) {
            throw new IllegalStateException(
                    "the grader's float64 LSTM disagrees with LstmCell: " + plainLoss + " vs " + expectedLoss);
        }
        double eps = 1e-6;
        Map<String, Tensor> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> v : vars.entrySet()) {
            double[] a = v.getValue().data();
            double[] g = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                double keep = a[k];
                a[k] = keep + eps;
                double plus = lstm.loss();
                a[k] = keep - eps;
                double minus = lstm.loss();
                a[k] = keep;
                g[k] = (plus - minus) / (2 * eps); // ∂L/∂a ≈ (L(a+ε) − L(a−ε)) / 2ε
            }
            grads.put(v.getKey(), new Tensor(v.getValue().shape(), g));
        }
        return grads;
    }

    /** One LSTM step in plain float64 Java over the arrays in {@code vars}, which the caller perturbs in place. */
    private record PlainLstm(Map<String, Tensor> vars, double[] dh, double[] dc, int b, int h, int x) {
        double loss() {
            double[] xs = vars.get("dx").data();
            double[] hp = vars.get("dhPrev").data();
            double[] cp = vars.get("dcPrev").data();
            double loss = 0;
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < h; j++) {
                    double f = sigmoid(z("F", r, j, hp, xs)); // f_t
                    double i = sigmoid(z("I", r, j, hp, xs)); // i_t
                    double cTilde = Math.tanh(z("C", r, j, hp, xs)); // C̃_t
                    double c = f * cp[r * h + j] + i * cTilde; // C_t
                    double o = sigmoid(z("O", r, j, hp, xs)); // o_t
                    double hNew = o * Math.tanh(c); // h_t
                    loss += dh[r * h + j] * hNew + dc[r * h + j] * c;
                }
            }
            return loss;
        }

        /** Row r, unit j of W_g·[h_{t-1}, x_t] + b_g. */
        private double z(String g, int r, int j, double[] hp, double[] xs) {
            double[] w = vars.get("params.w" + g).data();
            double sum = vars.get("params.b" + g).data()[j];
            int cols = h + x;
            for (int k = 0; k < h; k++) sum += w[j * cols + k] * hp[r * h + k];
            for (int k = 0; k < x; k++) sum += w[j * cols + h + k] * xs[r * x + k];
            return sum;
        }

        private static double sigmoid(double v) {
            return 1 / (1 + Math.exp(-v));
        }
    }

    private static final Map<String, String> E8_SYMBOLS = Map.ofEntries(
            Map.entry("params.wF", "∂L/∂W_f"),
            Map.entry("params.bF", "∂L/∂b_f"),
            Map.entry("params.wI", "∂L/∂W_i"),
            Map.entry("params.bI", "∂L/∂b_i"),
            Map.entry("params.wC", "∂L/∂W_C"),
            Map.entry("params.bC", "∂L/∂b_C"),
            Map.entry("params.wO", "∂L/∂W_o"),
            Map.entry("params.bO", "∂L/∂b_o"),
            Map.entry("dx", "∂L/∂x_t"),
            Map.entry("dhPrev", "∂L/∂h_{t-1}"),
            Map.entry("dcPrev", "∂L/∂C_{t-1}"));

    private static final Map<String, String> E8_HINTS = Map.ofEntries(
            Map.entry("params.wF", "check ∂L/∂f_t = ∂L/∂C_t * C_{t-1} and σ′ = f_t(1 − f_t)"),
            Map.entry("params.bF", "∂L/∂b_f sums ∂L/∂z_f over the batch (the rows)"),
            Map.entry("params.wI", "check ∂L/∂i_t = ∂L/∂C_t * C̃_t and σ′ = i_t(1 − i_t)"),
            Map.entry("params.bI", "∂L/∂b_i sums ∂L/∂z_i over the batch (the rows)"),
            Map.entry("params.wC", "check ∂L/∂C̃_t = ∂L/∂C_t * i_t and tanh′ = 1 − C̃_t²"),
            Map.entry("params.bC", "∂L/∂b_C sums ∂L/∂z_C over the batch (the rows)"),
            Map.entry("params.wO", "check ∂L/∂o_t = ∂L/∂h_t * tanh(C_t) and σ′ = o_t(1 − o_t)"),
            Map.entry("params.bO", "∂L/∂b_o sums ∂L/∂z_o over the batch (the rows)"),
            Map.entry("dx", "∂L/∂x_t is the last X columns of Σ_g ∂L/∂z_g · W_g"),
            Map.entry("dhPrev", "∂L/∂h_{t-1} is the first H columns of Σ_g ∂L/∂z_g · W_g (h comes first)"),
            Map.entry("dcPrev", "∂L/∂C_{t-1} = ∂L/∂C_t * f_t, where ∂L/∂C_t = ∂L/∂h_t * o_t * (1 − tanh²(C_t)) + dc"));

    private static void lstmBackward(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 2);
        List<Sizes> sizes = randomSizes(p.seed, 2);
        for (int k = 0; k <= 2; k++) {
            boolean fixed = k == 0;
            Sizes s = fixed ? FIXED : sizes.get(k - 1);
            Draw d = new Draw(fixed ? FIXED_SEED : p.seed + k);
            INDArray x = d.uniform(2, s.b(), s.x());
            INDArray hPrev = d.uniform(1, s.b(), s.h());
            INDArray cPrev = d.uniform(2, s.b(), s.h());
            LstmParams params = d.lstm(s);
            INDArray dh = d.uniform(1, s.b(), s.h());
            INDArray dc = d.uniform(1, s.b(), s.h());
            Map<String, Tensor> want = numericalGradients(x, hPrev, cPrev, params, dh, dc);
            Map<String, Tensor> noDc = numericalGradients(x, hPrev, cPrev, params, dh, Nd4j.zerosLike(dc));
            Map<String, Tensor> swapped = new LinkedHashMap<>(want);
            List<Plan.Alternative> alts = new ArrayList<>();
            alts.add(new Plan.Alternative(
                    noDc,
                    "every gradient would be right if dc were 0: add dc, the ∂L/∂C_t from later steps, to ∂L/∂C_t"));
            if (s.x() == s.h()) {
                swapped.put("dx", want.get("dhPrev"));
                swapped.put("dhPrev", want.get("dx"));
                alts.add(new Plan.Alternative(
                        swapped, "∂L/∂x_t and ∂L/∂h_{t-1} are swapped: the first H columns belong to h_{t-1}"));
            }
            String id = fixed ? "fixed" : random.get(k - 1);
            p.add(new Plan.Case(
                    new Wire.Call(
                            id,
                            e.qualifiedName(),
                            "lstmStepBackward",
                            List.of(t(x), t(hPrev), t(cPrev), lstmArg(params), t(dh), t(dc))),
                    "lstmStepBackward",
                    want,
                    E8_SYMBOLS,
                    alts,
                    label(fixed ? "fixed" : "randomised case " + k, p.seed, s)));
        }
        p.checks.add(new Plan.Check(
                "E8 LSTM backward: ∂L/∂W_g and ∂L/∂b_g, fixed case, against central differences",
                6,
                (plan, out) -> gradientsMatch(
                        plan,
                        "fixed",
                        PARAM_KEYS.stream().map(key -> "params." + key).toList(),
                        random,
                        out)));
        p.checks.add(new Plan.Check(
                "E8 LSTM backward: ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}, fixed case, against central differences",
                6,
                (plan, out) -> gradientsMatch(plan, "fixed", List.of("dx", "dhPrev", "dcPrev"), random, out)));
        p.expectCases(
                "E8 LSTM backward: randomised cases (seed " + p.seed + ") against central differences",
                6,
                random,
                List.of());
        p.expectProperty("E8 LSTM backward: every gradient has the shape of its variable", 2, random, (c, out) -> {
            for (Map.Entry<String, Tensor> want : c.expected().entrySet()) {
                Tensor got = out.get(want.getKey());
                String sym = E8_SYMBOLS.get(want.getKey());
                if (got == null) return "returned no " + sym;
                String bad = shape(sym, got, want.getValue().shape());
                if (bad != null) return bad;
            }
            return null;
        });
    }

    /** The listed gradients of one case, with the hint for the first that is wrong; fails too when the random cases fail. */
    private static String gradientsMatch(
            Plan plan, String id, List<String> keys, List<String> unlessWrong, Map<String, Wire.Outcome> outcomes) {
        Plan.Case c = plan.cases.get(id);
        Wire.Outcome o = outcomes.get(id);
        String notRun = Judge.ran(plan, c, o);
        if (notRun != null) return notRun;
        List<String> wrong = new ArrayList<>();
        String firstProblem = null;
        for (String key : keys) {
            Tensor got = o.outputs().get(key);
            String sym = E8_SYMBOLS.get(key);
            String problem = got == null
                    ? "returned no " + sym
                    : Judge.differs(sym, c.expected().get(key), got);
            if (problem != null) {
                wrong.add(sym);
                if (firstProblem == null) firstProblem = problem + ": " + E8_HINTS.get(key);
            }
        }
        if (!wrong.isEmpty()) {
            for (Plan.Alternative alt : c.alternatives()) {
                if (Judge.mismatch(c, alt.outputs(), o.outputs()) == null) return alt.hint();
            }
            return (wrong.size() > 1 ? "wrong: " + String.join(", ", wrong) + ". First: " : "") + firstProblem + " ("
                    + c.label() + ")";
        }
        for (String r : unlessWrong) {
            if (Judge.compare(plan, plan.cases.get(r), outcomes.get(r)) != null) {
                return "right on the fixed case but wrong on "
                        + plan.cases.get(r).label()
                        + ": does your code depend on the sizes or values of the example? Hard-coded answers score 0";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- E9

    private static void clipping(Plan p) {
        Exercise e = p.exercise;
        List<String> random = ids("", 2);
        SplittableRandom r = new SplittableRandom(p.seed);
        String[][] plans = {{"above", "5.0"}, {"below", "50.0"}, {random.get(0), ""}, {random.get(1), ""}};
        for (String[] spec : plans) {
            boolean fixed = spec[1].length() > 0;
            Sizes s = fixed ? FIXED : new Sizes(1, 1 + r.nextInt(4), 2 + r.nextInt(5));
            Draw d = new Draw(fixed ? FIXED_SEED + spec[0].length() : p.seed + spec[0].hashCode());
            Map<String, Tensor> grads = new LinkedHashMap<>();
            grads.put("W_h", t(d.uniform(3, s.h(), s.h() + s.x())));
            grads.put("b_h", t(d.uniform(3, s.h())));
            double squares = 0;
            for (Tensor g : grads.values()) for (double v : g.data()) squares += v * v;
            double norm = Math.sqrt(squares);
            double maxNorm = fixed
                    ? Double.parseDouble(spec[1])
                    : norm * (r.nextBoolean() ? 0.3 + 0.5 * r.nextDouble() : 1.2 + r.nextDouble());
            double theta = maxNorm;
            double n = norm;
            Map<String, Tensor> want = scaled(grads, g -> n > theta ? theta / n : 1.0);
            List<Plan.Alternative> alts = List.of(
                    new Plan.Alternative(
                            scaled(grads, g -> {
                                double own = Math.sqrt(java.util.Arrays.stream(g.data())
                                        .map(v -> v * v)
                                        .sum());
                                return own > theta ? theta / own : 1.0;
                            }),
                            "each array was clipped by its own norm: use one global norm over all arrays, so the direction is kept"),
                    new Plan.Alternative(
                            scaled(grads, g -> theta / n),
                            "the gradient was rescaled although ‖g‖ ≤ θ: clip only when ‖g‖ > θ"),
                    new Plan.Alternative(
                            clamped(grads, theta),
                            "each value was clamped to [−θ, θ]: clip the norm, g · θ/‖g‖, not the values"));
            Map<String, String> symbols = Map.of("W_h", "clipped ∂L/∂W_h", "b_h", "clipped ∂L/∂b_h");
            String what = fixed
                    ? (spec[0].equals("above") ? "a gradient with ‖g‖ > θ" : "a gradient with ‖g‖ ≤ θ")
                    : "randomised case " + spec[0].substring(spec[0].length() - 1) + " (seed " + p.seed + ")";
            p.add(new Plan.Case(
                    new Wire.Call(
                            spec[0], e.qualifiedName(), "clipGradients", List.of(new Wire.TensorMap(grads), maxNorm)),
                    "clipGradients",
                    want,
                    symbols,
                    alts,
                    what + ", ‖g‖ = " + Judge.fmt(norm) + ", θ = " + Judge.fmt(maxNorm)));
        }
        p.expectCases("E9 clipping: scales a gradient with ‖g‖ > θ to norm θ", 3, List.of("above"), random);
        p.expectCases("E9 clipping: leaves a gradient with ‖g‖ ≤ θ unchanged", 3, List.of("below"), random);
        p.expectCases("E9 clipping: randomised cases (seed " + p.seed + ")", 2, random, List.of());
        p.expectProperty(
                "E9 clipping: ‖clipped‖ ≤ θ with the same names and shapes",
                2,
                List.of("above", random.get(0), random.get(1)),
                (c, out) -> {
                    double sum = 0;
                    for (Map.Entry<String, Tensor> want : c.expected().entrySet()) {
                        Tensor got = out.get(want.getKey());
                        if (got == null)
                            return "returned no array named " + want.getKey() + ": keep the names of the input map";
                        String bad = shape(want.getKey(), got, want.getValue().shape());
                        if (bad != null) return bad;
                        for (double v : got.data()) sum += v * v;
                    }
                    double theta = (Double) c.call().args().get(1);
                    return Math.sqrt(sum) <= theta * (1 + 1e-9)
                            ? null
                            : "the clipped gradient has norm " + Judge.fmt(Math.sqrt(sum)) + " > θ = "
                                    + Judge.fmt(theta);
                });
    }

    private static Map<String, Tensor> scaled(Map<String, Tensor> grads, Function<Tensor, Double> factor) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        grads.forEach((k, g) -> {
            double f = factor.apply(g);
            m.put(
                    k,
                    new Tensor(
                            g.shape(),
                            java.util.Arrays.stream(g.data()).map(v -> v * f).toArray()));
        });
        return m;
    }

    private static Map<String, Tensor> clamped(Map<String, Tensor> grads, double theta) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        grads.forEach((k, g) -> m.put(
                k,
                new Tensor(
                        g.shape(),
                        java.util.Arrays.stream(g.data())
                                .map(v -> Math.max(-theta, Math.min(theta, v)))
                                .toArray())));
        return m;
    }
}
