package org.lstmlab.exercises;

import static org.junit.jupiter.api.Assertions.fail;
import static org.lstmlab.grade.author.Say.say;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.lstmlab.grade.author.Computes;
import org.lstmlab.grade.author.Draw;
import org.lstmlab.grade.author.Draws;
import org.lstmlab.grade.author.Exercise;
import org.lstmlab.grade.author.Expect;
import org.lstmlab.grade.author.Points;
import org.lstmlab.grade.author.RandomisedCases;
import org.lstmlab.nn.LstmCell;
import org.lstmlab.nn.LstmParams;
import org.lstmlab.nn.LstmStep;
import org.lstmlab.nn.LstmStepGrads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * E8: one LSTM step backward, checked against central differences in float64 of
 * L = Σ dh * h_t + Σ dc * C_t, on a plain-Java forward pass that is first checked against the
 * library's LstmCell at the same point (plain Java: thousands of tiny ND4J calls would take long). Its hidden
 * tests (4 points, graded at submission) are in src/hidden/java.
 */
@Exercise(
        id = "E8",
        title = "LSTM step backward",
        points = 20,
        notebook = "06-full-lstm",
        mustNotUse = {"org.lstmlab.nn.LstmCell", "org.lstmlab.grad."},
        hiddenPoints = 4)
class E8LstmBackwardTest {

    /** The student's E8LstmBackward: every call runs in the sandbox. */
    interface E8LstmBackward {
        @Computes("∂L/∂W_g, ∂L/∂b_g, ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} of one step")
        LstmStepGrads lstmStepBackward(
                INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, INDArray dh, INDArray dc);
    }

    private static final List<String> PARAMS = List.of("wF", "bF", "wI", "bI", "wC", "bC", "wO", "bO");
    private static final List<String> INPUTS = List.of("dx", "dhPrev", "dcPrev");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("wF", "∂L/∂W_f"),
            Map.entry("bF", "∂L/∂b_f"),
            Map.entry("wI", "∂L/∂W_i"),
            Map.entry("bI", "∂L/∂b_i"),
            Map.entry("wC", "∂L/∂W_C"),
            Map.entry("bC", "∂L/∂b_C"),
            Map.entry("wO", "∂L/∂W_o"),
            Map.entry("bO", "∂L/∂b_o"),
            Map.entry("dx", "∂L/∂x_t"),
            Map.entry("dhPrev", "∂L/∂h_{t-1}"),
            Map.entry("dcPrev", "∂L/∂C_{t-1}"));
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("wF", "hint.E8.wF"),
            Map.entry("bF", "hint.E8.bF"),
            Map.entry("wI", "hint.E8.wI"),
            Map.entry("bI", "hint.E8.bI"),
            Map.entry("wC", "hint.E8.wC"),
            Map.entry("bC", "hint.E8.bC"),
            Map.entry("wO", "hint.E8.wO"),
            Map.entry("bO", "hint.E8.bO"),
            Map.entry("dx", "hint.E8.dx"),
            Map.entry("dhPrev", "hint.E8.dhPrev"),
            Map.entry("dcPrev", "hint.E8.dcPrev"));

    @Test
    @Points(5)
    @DisplayName("∂L/∂W_g and ∂L/∂b_g, fixed case, against central differences")
    void parameterGradientsFixedCase(E8LstmBackward student, Draws draws) {
        expectGradients(student, draws.fixed(), PARAMS);
        Expect.notHardCoded(draws.randomised(2), draw -> expectGradients(student, draw, all()));
    }

    @Test
    @Points(5)
    @DisplayName("∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}, fixed case, against central differences")
    void inputGradientsFixedCase(E8LstmBackward student, Draws draws) {
        expectGradients(student, draws.fixed(), INPUTS);
        Expect.notHardCoded(draws.randomised(2), draw -> expectGradients(student, draw, all()));
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(4)
    @DisplayName("randomised cases against central differences")
    void randomisedCases(Draw draw, E8LstmBackward student) {
        expectGradients(student, draw, all());
    }

    @ParameterizedTest(name = "randomised case {index} ({0})")
    @RandomisedCases(2)
    @Points(2)
    @DisplayName("every gradient has the shape of its variable")
    void everyGradientHasItsVariablesShape(Draw draw, E8LstmBackward student) {
        Inputs in = Inputs.draw(draw);
        Map<String, INDArray> got = named(in.call(student));
        Map<String, INDArray> variables = in.variables();
        for (String key : all()) {
            Expect.shape(
                    SYMBOLS.get(key), got.get(key), draw, variables.get(key).shape());
        }
    }

    /**
     * The listed gradients against central differences, naming the usual mistakes and otherwise the first wrong
     * quantity along the backward chain.
     */
    private static void expectGradients(E8LstmBackward student, Draw draw, List<String> keys) {
        Inputs in = Inputs.draw(draw);
        Map<String, INDArray> want = in.numericalGradients(in.dc());
        Map<String, INDArray> got = named(in.call(student));
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            if (!Expect.isClose(want.get(key), got.get(key))) wrong.add(key);
        }
        if (wrong.isEmpty()) {
            return;
        }
        if (all().stream()
                .allMatch(k ->
                        Expect.isClose(in.numericalGradients(zerosLike(in.dc())).get(k), got.get(k)))) {
            fail(say("hint.E8.noDc") + " (" + draw + ")");
        }
        if (draw.x() == draw.h()
                && Expect.isClose(want.get("dx"), got.get("dhPrev"))
                && Expect.isClose(want.get("dhPrev"), got.get("dx"))) {
            fail(say("hint.E8.swapped") + " (" + draw + ")");
        }
        java.util.Set<String> bad = new java.util.HashSet<>();
        for (String key : all()) {
            if (!Expect.isClose(want.get(key), got.get(key))) bad.add(key);
        }
        Located first = locate(bad);
        String example = first.shows();
        String difference;
        try {
            Expect.close(SYMBOLS.get(example), want.get(example), got.get(example), draw);
            difference = "";
        } catch (AssertionError e) {
            difference = say("hint.E8.example", e.getMessage().replace(" (" + draw + ")", ""));
        }
        List<String> symbols = wrong.stream().map(SYMBOLS::get).toList();
        fail(say("hint.E8.firstWrong", first.quantity(), first.hint(), String.join(", ", symbols) + difference) + " ("
                + draw + ")");
    }

    /**
     * The first wrong quantity along the backward chain, and the gradient that shows it.
     *
     * @param quantity e.g. {@code ∂L/∂C_t}
     * @param hint     what to check
     * @param shows    the key of a wrong gradient that depends on it
     */
    record Located(String quantity, String hint, String shows) {}

    /**
     * Walks the chain ∂L/∂h_t → ∂L/∂o_t, ∂L/∂C_t → ∂L/∂f_t, ∂L/∂i_t, ∂L/∂C̃_t → ∂L/∂z_g → ∂L/∂W_g → ∂L/∂[h_{t-1},
     * x_t], and returns the first quantity that the wrong gradients in {@code bad} (keys) point at: ∂L/∂b_g is the
     * batch sum of ∂L/∂z_g, and ∂L/∂C_{t-1} = ∂L/∂C_t * f_t, so a wrong ∂L/∂C_t makes ∂L/∂C_{t-1} and every
     * ∂L/∂b_g of f, i and C̃ wrong together while ∂L/∂b_o stays right.
     */
    static Located locate(java.util.Set<String> bad) {
        if (bad.contains("bO")) {
            return bad.contains("wO")
                    ? new Located("∂L/∂o_t", say("hint.E8.o"), "bO")
                    : new Located("∂L/∂b_o", say(HINTS.get("bO")), "bO");
        }
        if (bad.containsAll(List.of("dcPrev", "bF", "bI", "bC"))) {
            return new Located("∂L/∂C_t", say("hint.E8.cellState"), "dcPrev");
        }
        for (String g : List.of("F", "I", "C")) {
            if (bad.contains("b" + g)) {
                return bad.contains("w" + g)
                        ? new Located(GATE_GRADIENT.get(g), say(HINTS.get("w" + g)), "b" + g)
                        : new Located("∂L/∂b_" + GATE_SYMBOL.get(g), say(HINTS.get("b" + g)), "b" + g);
            }
        }
        if (bad.contains("dcPrev")) {
            return new Located("∂L/∂C_{t-1}", say("hint.E8.cPrev"), "dcPrev");
        }
        for (String g : List.of("F", "I", "C", "O")) {
            if (bad.contains("w" + g)) {
                return new Located("∂L/∂W_" + GATE_SYMBOL.get(g), say("hint.E8.weights", GATE_SYMBOL.get(g)), "w" + g);
            }
        }
        String input = bad.contains("dhPrev") ? "dhPrev" : "dx";
        return new Located(SYMBOLS.get(input), say(HINTS.get(input)), input);
    }

    private static final Map<String, String> GATE_SYMBOL = Map.of("F", "f", "I", "i", "C", "C", "O", "o");
    private static final Map<String, String> GATE_GRADIENT = Map.of("F", "∂L/∂f_t", "I", "∂L/∂i_t", "C", "∂L/∂C̃_t");

    private static List<String> all() {
        List<String> keys = new ArrayList<>(PARAMS);
        keys.addAll(INPUTS);
        return keys;
    }

    private static INDArray zerosLike(INDArray a) {
        return Nd4j.zeros(DataType.DOUBLE, a.shape());
    }

    /** The student's gradients by key: the eight parameter gradients, dx, dhPrev, dcPrev. */
    private static Map<String, INDArray> named(LstmStepGrads g) {
        LstmParams p = g.params();
        Map<String, INDArray> m = new LinkedHashMap<>();
        List<INDArray> ps = List.of(p.wF(), p.bF(), p.wI(), p.bI(), p.wC(), p.bC(), p.wO(), p.bO());
        for (int k = 0; k < PARAMS.size(); k++) {
            m.put(PARAMS.get(k), ps.get(k));
        }
        m.put("dx", g.dx());
        m.put("dhPrev", g.dhPrev());
        m.put("dcPrev", g.dcPrev());
        return m;
    }

    /** One case's inputs, drawn in this order from its seed. */
    private record Inputs(INDArray x, INDArray hPrev, INDArray cPrev, LstmParams p, INDArray dh, INDArray dc) {
        static Inputs draw(Draw d) {
            return new Inputs(
                    d.uniform(2, d.b(), d.x()), // x_t, [B, X]
                    d.uniform(1, d.b(), d.h()), // h_{t-1}, [B, H]
                    d.uniform(2, d.b(), d.h()), // C_{t-1}, [B, H]
                    d.lstmParams(), // W_g [H, H+X], b_g [H]
                    d.uniform(1, d.b(), d.h()), // ∂L/∂h_t, [B, H]
                    d.uniform(1, d.b(), d.h())); // ∂L/∂C_t from later steps, [B, H]
        }

        LstmStepGrads call(E8LstmBackward student) {
            return student.lstmStepBackward(x, hPrev, cPrev, p, dh, dc);
        }

        /** Every variable by the key of its gradient. */
        Map<String, INDArray> variables() {
            Map<String, INDArray> v = new LinkedHashMap<>();
            List<INDArray> ps = List.of(p.wF(), p.bF(), p.wI(), p.bI(), p.wC(), p.bC(), p.wO(), p.bO());
            for (int k = 0; k < PARAMS.size(); k++) {
                v.put(PARAMS.get(k), ps.get(k));
            }
            v.put("dx", x);
            v.put("dhPrev", hPrev);
            v.put("dcPrev", cPrev);
            return v;
        }

        /** ∂L/∂(every variable) of L = Σ dh * h_t + Σ dcLater * C_t by central differences in float64. */
        Map<String, INDArray> numericalGradients(INDArray dcLater) {
            Map<String, double[]> vars = new LinkedHashMap<>();
            variables()
                    .forEach((k, a) -> vars.put(
                            k, a.castTo(DataType.DOUBLE).dup('c').data().asDouble()));
            int b = (int) x.rows();
            int h = p.hiddenSize();
            PlainLstm lstm = new PlainLstm(vars, doubles(dh), doubles(dcLater), b, h, p.inputSize());
            LstmStep ref = new LstmCell(p).forward(x, hPrev, cPrev);
            double expected = ref.h().mul(dh).sumNumber().doubleValue()
                    + ref.c().mul(dcLater).sumNumber().doubleValue();
            if (Math.abs(lstm.loss() - expected) > 1e-9 * (1 + Math.abs(expected))) {
                throw new IllegalStateException("the test's float64 LSTM disagrees with LstmCell: " + lstm.loss()
                        + " vs " + expected); // for the instructor
            }
            double eps = 1e-6;
            Map<String, INDArray> grads = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> v : vars.entrySet()) {
                double[] a = v.getValue();
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
                grads.put(v.getKey(), Nd4j.create(g, variables().get(v.getKey()).shape(), DataType.DOUBLE));
            }
            return grads;
        }

        private static double[] doubles(INDArray a) {
            return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        }
    }

    /** One LSTM step in plain float64 Java over the arrays in {@code vars}, which the caller perturbs in place. */
    private record PlainLstm(Map<String, double[]> vars, double[] dh, double[] dc, int b, int h, int x) {
        double loss() {
            double[] xs = vars.get("dx");
            double[] hp = vars.get("dhPrev");
            double[] cp = vars.get("dcPrev");
            double loss = 0;
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < h; j++) {
                    double f = sigmoid(z("F", r, j, hp, xs)); // f_t
                    double i = sigmoid(z("I", r, j, hp, xs)); // i_t
                    double cTilde = Math.tanh(z("C", r, j, hp, xs)); // C̃_t
                    double c = f * cp[r * h + j] + i * cTilde; // C_t = f_t * C_{t-1} + i_t * C̃_t
                    double o = sigmoid(z("O", r, j, hp, xs)); // o_t
                    double hNew = o * Math.tanh(c); // h_t = o_t * tanh(C_t)
                    loss += dh[r * h + j] * hNew + dc[r * h + j] * c;
                }
            }
            return loss;
        }

        /** Row r, unit j of W_g·[h_{t-1}, x_t] + b_g. */
        private double z(String g, int r, int j, double[] hp, double[] xs) {
            double[] w = vars.get("w" + g);
            double sum = vars.get("b" + g)[j];
            int cols = h + x;
            for (int k = 0; k < h; k++) {
                sum += w[j * cols + k] * hp[r * h + k];
            }
            for (int k = 0; k < x; k++) {
                sum += w[j * cols + h + k] * xs[r * x + k];
            }
            return sum;
        }

        private static double sigmoid(double v) {
            return 1 / (1 + Math.exp(-v));
        }
    }
}
